"""Every file published beside the pages reads back in its own format, whatever the records
hold, and is written inside the site (centre_ressources/publish/files.py)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from centre_ressources.publish import files
from centre_ressources.publish.files import each_published_file
from centre_ressources.publish.session_planner import RECEIVER
from support.hostile import FORMULA_STARTS, hostile_catalogue


def test_each_published_file_parses_in_its_format():
    published = dict(each_published_file(hostile_catalogue(), "https://exemple.org/", "Centre fictif"))
    kinds = {path.rsplit(".", 1)[-1] for path in published}
    assert kinds == {"json", "csv", "xml", "js", "html"}
    for path, text in published.items():
        text.encode("utf-8")
        if path.endswith(".json"):
            json.loads(text)
        elif path.endswith(".csv"):
            cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
            assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)], path
        elif path.endswith(".xml"):
            ET.fromstring(text)
        elif path.endswith(".js"):
            assert text.startswith(f"{RECEIVER}(") and text.endswith(");\n")
            json.loads(text[len(RECEIVER) + 1:-3])
        else:
            assert path.endswith("/index.html") and text.count("<script>") == 1


@pytest.mark.parametrize("path", ["../hors-du-site.js", "/etc/passwd", "atelier/../../x.js", "fiches/./x",
                                  "api/Fiches.json", "a//b", "fiches/x y/index.html", ""])
def test_a_file_outside_the_site_or_of_another_alphabet_is_not_written(monkeypatch, path):
    monkeypatch.setattr(files, "_published_files", lambda *arguments: iter([(path, "texte")]))
    with pytest.raises(ValueError, match="n'est pas une adresse de fichier du site"):
        list(each_published_file(hostile_catalogue(), "https://exemple.org/", "Centre fictif"))
