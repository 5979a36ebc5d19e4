"""The session planner's data (centre_ressources/publish/session_planner.py): one small script per
sheet, loadable from file:// by a <script> element, with what the planner shows of the sheet."""

from __future__ import annotations

import json
import shutil

from centre_ressources import urls
from centre_ressources.pipeline import generate
from centre_ressources.publish.files import each_published_file
from centre_ressources.publish.session_planner import RECEIVER, planner_files, text_blocks
from support.project import FIXTURES


def _catalogue(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return generate(root)[0]


def _data(script: str) -> dict:
    assert script.startswith(RECEIVER + "(") and script.endswith(");\n")
    return json.loads(script[len(RECEIVER) + 1:-3])


def test_each_sheet_has_its_script_and_the_index_names_them_all(tmp_path):
    catalogue = _catalogue(tmp_path)
    files = dict(planner_files(catalogue, "https://exemple.org/"))
    index = _data(files[urls.PLANNER_INDEX])["index"]
    assert [entry["slug"] for entry in index] == [sheet.slug for sheet in catalogue.sheets]
    for sheet in catalogue.sheets:
        data = _data(files[urls.planner_sheet_data(sheet.slug)])["fiche"]
        assert data["titre"] == sheet.titre
        assert [s["duree"] for s in data["etapes"]] == [s.duree for s in sheet.deroule]
        assert data["participants"] == {"min": sheet.participants.min, "max": sheet.participants.max}
        assert data["adresse"] == f"https://exemple.org/fiches/{sheet.slug}/"
        assert data["qr"].startswith("<svg") and 'role="img"' in data["qr"]
        assert len(data["materiel"]) == len(sheet.materiel)
    # published beside the pages, like the rest of the site's files
    published = dict(each_published_file(catalogue, "https://exemple.org/", "Essai"))
    assert urls.planner_sheet_data(catalogue.sheets[0].slug) in published


def test_without_a_site_address_there_is_no_qr_code(tmp_path):
    catalogue = _catalogue(tmp_path)
    sheet = catalogue.sheets[0]
    data = _data(dict(planner_files(catalogue, "/"))[urls.planner_sheet_data(sheet.slug)])["fiche"]
    assert data["adresse"] is None and data["qr"] is None


def test_instructions_become_paragraphs_and_lists_of_plain_text():
    markdown = ("Passez en revue *les questions* :\nune par une.\n\n- la **première** ;\n"
                "- la [seconde](../fiches/x.md),\n  sur deux lignes.\n\nEnfin `concluez`.")
    assert text_blocks(markdown) == [
        {"p": "Passez en revue les questions : une par une."},
        {"liste": ["la première ;", "la seconde, sur deux lignes."]},
        {"p": "Enfin concluez."},
    ]
