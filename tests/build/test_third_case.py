"""Adding a case study needs no code change: a third case appears everywhere it should."""

from __future__ import annotations

import csv
import json

import pytest

from support.project import PROJECT, copy_project, run_mkdocs

THIRD_CASE = """---
titre: Troisième territoire
resume: Une communauté d'action fictive, ajoutée par un test pour vérifier qu'aucun code n'est à modifier.
territoire:
  commune: Ville-Test
  type: urbain
structure_porteuse:
  nom: Maison des associations de test
  statut: municipal
theme: Un thème de test
question_strategique: Comment vérifier qu'une étude de cas s'ajoute sans code ?
categories_action: [Formation]
acteurs:
  - nom: Maison des associations de test
    role: porte la démarche
chronologie:
  - phase: structuration
    texte: Le collectif de test a rédigé sa charte de coopération.
    fiches: [rediger-la-charte-de-cooperation]
sources:
  - titre: Source de test
    editeur: Éditeur de test
mise_a_jour: 2026-03-01
---
## Récit

Un récit de test.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The real project plus a third case study, built once for this module's tests."""
    root = tmp_path_factory.mktemp("third")
    project = copy_project(root / "project")
    folder = project / "case_studies" / "troisieme-territoire"
    folder.mkdir()
    (folder / "index.md").write_text(THIRD_CASE, encoding="utf-8")
    result = run_mkdocs(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_a_third_case_study_appears_everywhere(site):

    page = (site / "etudes-de-cas" / "troisieme-territoire" / "index.html").read_text(encoding="utf-8")
    assert "Troisième territoire" in page and "Source de test" in page

    catalogue = (site / "etudes-de-cas" / "index.html").read_text(encoding="utf-8")
    assert 'href="troisieme-territoire/"' in catalogue

    sheet = (site / "fiches" / "rediger-la-charte-de-cooperation" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../etudes-de-cas/troisieme-territoire/"' in sheet
    assert "Le collectif de test a rédigé sa charte de coopération." in sheet

    phase = (site / "demarche" / "structuration" / "index.html").read_text(encoding="utf-8")
    assert "Le collectif de test a rédigé sa charte de coopération." in phase


def test_a_third_case_study_is_in_the_open_data(site):

    cases = json.loads((site / "api" / "etudes-de-cas.json").read_text(encoding="utf-8"))
    third = next(c for c in cases["etudes_de_cas"] if c["slug"] == "troisieme-territoire")
    assert third["url"].endswith("/etudes-de-cas/troisieme-territoire/")
    assert [f["slug"] for f in third["chronologie"][0]["fiches"]] == ["rediger-la-charte-de-cooperation"]
    assert cases["nombre"] == len(cases["etudes_de_cas"]) == len(list((PROJECT / "case_studies").glob("*/index.md"))) + 1
    with open(site / "api" / "etudes-de-cas.csv", encoding="utf-8", newline="") as handle:
        assert "troisieme-territoire" in [row["slug"] for row in csv.DictReader(handle)]
    sheets = json.loads((site / "api" / "fiches.json").read_text(encoding="utf-8"))
    charter = next(s for s in sheets["fiches"] if s["slug"] == "rediger-la-charte-de-cooperation")
    assert "troisieme-territoire" in [use["slug"] for use in charter["etudes_de_cas"]]
