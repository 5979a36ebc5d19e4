"""JSON-LD stays inside its script element, whatever the records hold
(centre_ressources/publish/jsonld.py, written into the page head by docs/overrides/main.html)."""

from __future__ import annotations

import json
import re

import jinja2

from centre_ressources.publish.jsonld import jsonld_by_page
from support.hostile import hostile_catalogue
from support.project import PROJECT

SITE = "https://exemple.org/"
SCRIPT = '<script type="application/ld+json">{{ page.meta.jsonld | tojson }}</script>'


def test_the_theme_writes_the_jsonld_with_tojson():
    """tojson escapes <, >, & and ' as \\u003c...: no text can close the script element."""
    template = (PROJECT / "docs/overrides/main.html").read_text(encoding="utf-8")
    assert re.findall(r"<script type=\"application/ld\+json\">(.*?)</script>", template) == [
        "{{ page.meta.jsonld | tojson }}"]


def test_hostile_records_stay_data_inside_one_script_element():
    by_page = jsonld_by_page(hostile_catalogue(), SITE, "Centre fictif")
    assert by_page
    template = jinja2.Environment().from_string(SCRIPT)  # MkDocs' environment: no autoescape
    for data in by_page.values():
        html = template.render(page={"meta": {"jsonld": data}})
        html.encode("utf-8")
        inside = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
        assert not re.search(r"</|<!--|<script", inside, re.I), inside
        assert json.loads(inside) == json.loads(json.dumps(data))
