import shutil

from centre_ressources import urls
from centre_ressources.content.records import Participants
from centre_ressources.content.sections import split_sections
from centre_ressources.pipeline import generate
from centre_ressources.render.pages import format_duration, format_group
from support.project import FIXTURES


def rendered(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return generate(root)[1]


def test_durations_and_groups_read_naturally():
    assert format_duration(45) == "45 min"
    assert format_duration(90) == "1 h 30"
    assert format_duration(120) == "2 h"
    assert format_group(Participants(4, 10, ())) == "4 à 10 personnes"


def test_every_public_page_is_generated(tmp_path):
    pages = rendered(tmp_path).pages
    expected = {"index.md", "demarche/index.md", "demarche/premiere.md", "demarche/seconde.md",
                "fiches/index.md", "fiches/alpha.md", "fiches/beta.md", "fiches/gamma.md", "fiches/delta.md",
                "etudes-de-cas/index.md", "etudes-de-cas/vallee-exemple/index.md",
                "parcours/index.md", "parcours/essai.md", "mots-cles.md", "donnees-ouvertes.md",
                "telechargements/index.md", "atelier.md"}
    assert set(pages) == expected


def test_sheet_page_links_its_phase_step_and_pathway_neighbours(tmp_path):
    page = rendered(tmp_path).pages["fiches/beta.md"]
    # links in the parts written as HTML go to the served addresses, as MkDocs writes them
    assert '<a href="../../demarche/premiere/">1. Première phase</a>' in page
    assert '"../../demarche/premiere/#explorer"' in page
    assert 'Fiche précédente : <a href="../alpha/">Fiche alpha</a>' in page
    assert 'Fiche suivante : <a href="../delta/">Fiche delta</a>' in page


def test_sheet_steps_have_stable_anchors(tmp_path):
    page = rendered(tmp_path).pages["fiches/alpha.md"]
    assert "### Étape 1 : Ouvrir {#etape-1}" in page
    assert "### Étape 2 : Produire {#etape-2}" in page


def test_sheet_shows_where_it_was_used(tmp_path):
    page = rendered(tmp_path).pages["fiches/delta.md"]
    assert '<a href="../../etudes-de-cas/vallee-exemple/">La vallée exemple</a>' in page
    assert "Le groupe a écrit ses règles communes." in page


def test_phase_page_lists_sheets_in_pathway_order_milestones_and_case_moments(tmp_path):
    page = rendered(tmp_path).pages["demarche/seconde.md"]
    assert page.index(">Fiche delta</a>") < page.index(">Fiche gamma</a>")
    assert "<li>Une charte</li>" in page
    assert "Le groupe a écrit ses règles communes." in page
    assert "rétroaction" in page


def test_case_page_cites_its_source_and_marks_silent_fields(tmp_path):
    page = rendered(tmp_path).pages["etudes-de-cas/vallee-exemple/index.md"]
    assert "« Un article de test », Éditeur de test, année de publication non indiquée." in page
    assert page.count("Non documenté") >= 3  # objectives, evaluation, roadmap, transfer
    assert '<a href="../../fiches/delta/">Fiche delta</a>' in page


def test_navigation_is_short_and_lists_phases_in_order(tmp_path):
    nav = rendered(tmp_path).nav
    approach = next(item["La démarche"] for item in nav if "La démarche" in item)
    assert approach == ["demarche/index.md", {"1. Première phase": "demarche/premiere.md"},
                        {"2. Seconde phase": "demarche/seconde.md"}]
    flat = str(nav)
    assert "fiches/alpha.md" not in flat and "vallee-exemple" not in flat


def test_urls_are_directory_urls():
    assert urls.public_url("fiches/alpha.md") == "fiches/alpha/"
    assert urls.public_url("etudes-de-cas/x/index.md") == "etudes-de-cas/x/"
    assert urls.public_url("index.md") == ""
    assert urls.relative("fiches/a.md", "demarche/b.md", "s") == "../demarche/b.md#s"


def test_sections_ignore_headings_inside_code_fences():
    sections = split_sections("Intro\n\n## Un\n\n```\n## pas un titre\n```\n\n## Deux\ntexte\n", 10)
    assert [(s.title, s.line) for s in sections] == [("", 10), ("Un", 12), ("Deux", 18)]
