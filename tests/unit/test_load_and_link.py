import shutil

import pytest

from centre_ressources.catalogue import link
from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import load_content
from support.content_checks import check_content_properties
from support.project import FIXTURES


@pytest.fixture
def mini(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def test_pathway_orders_sheets_by_phase_then_step_then_rank(mini):
    catalogue = link(load_content(mini))
    assert [f.slug for f in catalogue.sheets] == ["alpha", "beta", "delta", "gamma"]


def test_neighbours_cross_phase_boundaries(mini):
    catalogue = link(load_content(mini))
    previous, following = catalogue.neighbours(catalogue.sheet("beta"))
    assert previous.slug == "alpha" and following.slug == "delta"
    assert catalogue.neighbours(catalogue.sheet("alpha"))[0] is None


def test_reverse_links_from_case_moments(mini):
    catalogue = link(load_content(mini))
    [moment] = catalogue.moments_by_sheet["delta"]
    assert moment.case.slug == "vallee-exemple" and moment.entry.phase == "seconde"
    assert "gamma" not in catalogue.moments_by_sheet
    assert [m.entry.phase for m in catalogue.moments_by_phase["premiere"]] == ["premiere"]


def test_unknown_sheet_in_a_case_is_an_error_at_its_line(mini):
    index = mini / "case_studies/vallee-exemple/index.md"
    index.write_text(index.read_text().replace("fiches: [delta]", "fiches: [detla]"))
    with pytest.raises(ContentErrors) as caught:
        link(load_content(mini))
    [error] = caught.value.errors
    assert error.path == "case_studies/vallee-exemple/index.md"
    assert error.line == 25
    assert error.field == "chronologie[2].fiches[1]"
    assert "vouliez-vous dire « delta » ?" in error.message


def test_unknown_step_of_a_phase_is_an_error(mini):
    sheet = mini / "methods/alpha.md"
    sheet.write_text(sheet.read_text().replace("etape: lancer", "etape: organiser"))
    with pytest.raises(ContentErrors) as caught:
        link(load_content(mini))
    [error] = caught.value.errors
    assert (error.path, error.line, error.field) == ("methods/alpha.md", 4, "etape")


def test_alias_colliding_with_another_sheet_is_an_error(mini):
    sheet = mini / "methods/alpha.md"
    sheet.write_text(sheet.read_text().replace("mots_cles: [test]", "mots_cles: [test]\nalias: [beta]"))
    with pytest.raises(ContentErrors) as caught:
        link(load_content(mini))
    assert "déjà utilisé par methods/beta.md" in caught.value.errors[0].message


def test_all_errors_are_reported_at_once_sorted_by_file(mini):
    (mini / "methods/beta.md").write_text("")
    sheet = mini / "methods/alpha.md"
    sheet.write_text(sheet.read_text().replace("duree: 90", "duree: beaucoup"))
    with pytest.raises(ContentErrors) as caught:
        load_content(mini)
    assert [e.path for e in caught.value.errors] == ["methods/alpha.md", "methods/beta.md"]


def test_a_sheet_without_a_required_section_is_refused(mini):
    sheet = mini / "methods/gamma.md"
    sheet.write_text(sheet.read_text().replace("## Variantes\n\nEn petit groupe.\n", ""))
    with pytest.raises(ContentErrors) as caught:
        load_content(mini)
    [error] = caught.value.errors
    assert error.path == "methods/gamma.md"
    assert "« ## Variantes » manque" in error.message


def test_badly_named_file_is_refused(mini):
    shutil.copy(mini / "methods/alpha.md", mini / "methods/Ma Fiche.md")
    with pytest.raises(ContentErrors) as caught:
        load_content(mini)
    assert caught.value.errors[0].path == "methods/Ma Fiche.md"


def test_real_content_is_valid_and_every_file_is_in_the_catalogue():
    from support.project import PROJECT

    check_content_properties(PROJECT)
