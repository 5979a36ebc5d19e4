"""The comparison page: every case study side by side, phase by phase, generated from the data."""

from __future__ import annotations

import shutil

import pytest

from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import build_catalogue, generate
from centre_ressources.render.comparison import compare_by_phase
from support.project import FIXTURES

SECOND_CASE = """---
titre: La ville exemple
resume: Une seconde étude de cas fictive, pour comparer deux territoires dans les tests.
territoire:
  commune: Ville-Exemple
  type: urbain
structure_porteuse:
  nom: Maison municipale exemple
  sigle: MME
  statut: municipal
theme: Un second thème de test
question_strategique: Comment comparer deux études de cas ?
chronologie:
  - phase: seconde
    periode: "2025"
    texte: La ville a confié l'animation à deux structures.
    fiches: [gamma]
  - phase: seconde
    texte: Puis elle a évalué le chemin parcouru.
fonction_de_soutien: Deux structures de la ville.
sources:
  - titre: Un article de test
    editeur: Éditeur de test
mise_a_jour: 2026-02-01
---
Un récit de test.
"""


def add_case(root, slug: str, text: str) -> None:
    folder = root / "case_studies" / slug
    folder.mkdir()
    (folder / "index.md").write_text(text, encoding="utf-8")


@pytest.fixture
def mini(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def test_each_phase_lists_what_each_case_did_in_order(mini):
    add_case(mini, "ville-exemple", SECOND_CASE)
    catalogue = build_catalogue(mini)
    rows = compare_by_phase(catalogue.phases, catalogue.cases)
    assert [row.phase.slug for row in rows] == ["premiere", "seconde"]
    first, second = rows
    assert [c.case.slug for c in first.cases] == ["vallee-exemple", "ville-exemple"]
    assert [e.texte for e in first.cases[0].entries] == ["Le groupe s'est réuni et a exploré son territoire."]
    assert first.cases[1].entries == ()  # the town says nothing of this phase
    assert [e.texte for e in second.cases[1].entries] == [
        "La ville a confié l'animation à deux structures.", "Puis elle a évalué le chemin parcouru."]


def test_the_page_sets_cases_side_by_side_phase_by_phase(mini):
    add_case(mini, "ville-exemple", SECOND_CASE)
    _, site = generate(mini)
    page = site.pages["etudes-de-cas/comparaison.md"]
    assert "# Vallée-Exemple et Ville-Exemple, côte à côte" in page
    # the overview: one row per case, in the catalogue's order, and the same facts as a card each
    assert ('<tr>\n<th scope="row"><strong><a href="../vallee-exemple/">Vallée-Exemple</a></strong></th>\n'
            '<td>Rural</td>\n<td>Maison exemple, maison des associations à gestion associative</td>') in page
    assert ('<tr>\n<th scope="row"><strong><a href="../ville-exemple/">Ville-Exemple</a></strong></th>\n'
            '<td>Urbain</td>\n<td>MME, maison des associations à gestion municipale</td>') in page
    assert page.index('<th scope="row"><strong><a href="../vallee-exemple/">') < page.index(
        '<th scope="row"><strong><a href="../ville-exemple/">')
    assert ("<dt>Structure porteuse</dt>\n<dd>MME, maison des associations à gestion municipale</dd>") in page
    assert "Comment comparer deux études de cas ?" in page
    first, second = page.index("## [1. Première phase]"), page.index("## [2. Seconde phase]")
    assert first < second
    assert page.index("Le groupe s'est réuni") < second < page.index("<strong>2025</strong> : La ville a confié l'animation")
    assert "<em>Non documenté dans la source.</em>" in page[first:second]  # the town is silent on phase 1
    assert '<a href="../../fiches/gamma/">Fiche gamma</a>' in page
    assert "Deux structures de la ville." in page
    assert {"Études de cas": ["etudes-de-cas/index.md", {"Comparer les cas": "etudes-de-cas/comparaison.md"}]} in site.nav
    assert "[comparer les études de cas](comparaison.md)" in site.pages["etudes-de-cas/index.md"]


def test_a_third_case_appears_without_any_change(mini):
    add_case(mini, "ville-exemple", SECOND_CASE)
    add_case(mini, "bourg-exemple", SECOND_CASE.replace("Ville-Exemple", "Bourg-Exemple").replace("La ville exemple", "Le bourg exemple"))
    page = generate(mini)[1].pages["etudes-de-cas/comparaison.md"]
    assert "# Vallée-Exemple, Ville-Exemple et Bourg-Exemple, côte à côte" in page  # cases sorted by title
    # table and its cards, question, each of the two phases, support function, results
    assert page.count('<strong><a href="../bourg-exemple/">Bourg-Exemple</a></strong>') == 7
    assert page.count('<p><strong><a href="../bourg-exemple/">') == page.count('<p><strong><a href="../vallee-exemple/">')


def test_with_a_single_case_there_is_nothing_to_compare(mini):
    _, site = generate(mini)
    assert "etudes-de-cas/comparaison.md" not in site.pages
    assert {"Études de cas": "etudes-de-cas/index.md"} in site.nav
    assert "comparaison.md" not in site.pages["etudes-de-cas/index.md"]


def test_no_case_study_may_take_the_address_of_the_comparison(mini):
    add_case(mini, "comparaison", SECOND_CASE)
    with pytest.raises(ContentErrors) as caught:
        build_catalogue(mini)
    [error] = caught.value.errors
    assert error.path == "case_studies/comparaison/index.md"
    assert "« comparaison » est réservé" in error.message
