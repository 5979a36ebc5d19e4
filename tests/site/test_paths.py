"""Paths ("parcours"): ordered series of sheets, written as data, checked and linked both ways."""

from __future__ import annotations

import shutil

import pytest

from centre_ressources.catalogue import link
from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import generate, load_content
from support.project import FIXTURES, PROJECT


@pytest.fixture
def mini(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def errors_of(root) -> list:
    with pytest.raises(ContentErrors) as caught:
        link(load_content(root))
    return caught.value.errors


def test_a_path_keeps_its_own_order_and_each_sheet_knows_its_place(mini):
    catalogue = link(load_content(mini))
    [path] = catalogue.paths
    assert [s.slug for s in catalogue.sheets_of_path(path)] == ["delta", "alpha", "gamma"]
    [membership] = catalogue.paths_by_sheet["alpha"]
    assert (membership.path.slug, membership.position, membership.length) == ("essai", 2, 3)
    assert "beta" not in catalogue.paths_by_sheet


def test_an_unknown_sheet_in_a_path_is_an_error_at_its_line(mini):
    path = mini / "paths/essai.md"
    path.write_text(path.read_text().replace("fiche: alpha", "fiche: aplha"))
    [error] = errors_of(mini)
    assert (error.path, error.line, error.field) == ("paths/essai.md", 8, "etapes[2].fiche")
    assert error.message == "aucune fiche ne s'appelle « aplha » ; vouliez-vous dire « alpha » ?"


def test_a_sheet_twice_in_a_path_is_an_error(mini):
    path = mini / "paths/essai.md"
    path.write_text(path.read_text().replace("fiche: gamma", "fiche: delta"))
    [error] = errors_of(mini)
    assert (error.line, error.field) == (10, "etapes[3].fiche")
    assert "figure déjà à l'étape 1" in error.message


def test_a_path_without_its_reasons_is_refused_in_french(mini):
    path = mini / "paths/essai.md"
    path.write_text(path.read_text().replace("    pourquoi: Revenir ensuite au lancement.\n", ""))
    with pytest.raises(ContentErrors) as caught:
        load_content(mini)
    [error] = caught.value.errors
    assert (error.path, error.line, error.field) == ("paths/essai.md", 8, "etapes[2].pourquoi")
    assert error.message.startswith("ce champ obligatoire manque")


def test_path_page_lists_its_sheets_in_order_and_sheets_link_back(mini):
    site = generate(mini)[1]
    page = site.pages["parcours/essai.md"]
    positions = [page.index(f'<a href="../../fiches/{name}/">Fiche {name}</a>') for name in ("delta", "alpha", "gamma")]
    assert positions == sorted(positions)
    assert "### Atelier 2 : Fiche alpha {#atelier-2}" in page
    assert "Revenir ensuite au lancement." in page
    assert "<a href=\"../../parcours/essai/\">Un parcours d'essai</a> : atelier 2 sur 3" in site.pages["fiches/alpha.md"]
    assert "Parcours avec cette fiche" not in site.pages["fiches/beta.md"]
    assert "[Un parcours d'essai](essai.md)" in site.pages["parcours/index.md"]


def test_a_project_without_paths_still_builds(mini):
    shutil.rmtree(mini / "paths")
    catalogue, site = generate(mini)
    assert catalogue.paths == ()
    assert "Aucun parcours n'est encore proposé." in site.pages["parcours/index.md"]


def test_every_real_path_has_a_page_and_its_sheets_link_back(real_site):
    catalogue = link(load_content(PROJECT))
    index = (real_site / "parcours/index.html").read_text(encoding="utf-8")
    assert catalogue.paths or "Aucun parcours n'est encore proposé." in index
    for path in catalogue.paths:
        assert f'href="{path.slug}/"' in index
        html = (real_site / "parcours" / path.slug / "index.html").read_text(encoding="utf-8")
        for sheet in catalogue.sheets_of_path(path):
            assert f'href="../../fiches/{sheet.slug}/"' in html
            sheet_html = (real_site / "fiches" / sheet.slug / "index.html").read_text(encoding="utf-8")
            assert f'href="../../parcours/{path.slug}/"' in sheet_html, (path.slug, sheet.slug)
