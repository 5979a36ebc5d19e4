"""No sheet, case study, phase or path takes the address of one of the site's own pages, by its
file's name or by an alias; an alias is no other record's name nor another of its aliases."""

from __future__ import annotations

import shutil

import pytest

from centre_ressources import urls
from centre_ressources.catalogue import link
from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import read_checked
from support.project import FIXTURES

KINDS = ("phase", "fiche", "etude-de-cas", "parcours")


def test_a_slug_is_reserved_exactly_when_its_page_is_served_at_a_page_of_the_site():
    served = {urls.public_url(page) for page in urls.SITE_PAGES}
    for kind in KINDS:
        for slug in ("index", "comparaison", "a-propos", "glossaire", "fiches", "charte-de-cooperation"):
            taken = urls.site_page_taken(kind, slug)
            assert (taken is not None) == (urls.public_url(urls.record_page(kind, slug)) in served)
    assert {kind: [s for s in ("index", "comparaison") if urls.site_page_taken(kind, s)] for kind in KINDS} == {
        "phase": ["index"], "fiche": ["index"], "etude-de-cas": ["comparaison"], "parcours": ["index"]}


@pytest.fixture
def mini(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


@pytest.mark.parametrize("copied,named,served,whose", [
    ("methods/delta.md", "methods/index.md", "/fiches/", "du catalogue des fiches"),
    ("paths/essai.md", "paths/index.md", "/parcours/", "de la liste des parcours"),
])
def test_a_file_named_as_an_index_page_is_refused_at_its_first_line(mini, copied, named, served, whose):
    shutil.copy(mini / copied, mini / named)
    errors = [error.format() for error in read_checked(mini).errors]
    assert errors == [
        f"{named}:1:1 : le nom « index » est réservé : l'adresse {served} est celle {whose}, et ce contenu n'y "
        "serait jamais publié ; renommez le fichier (d'après son titre, par exemple)."]


def test_a_phase_file_named_index_is_refused(mini):
    text = (mini / "phases/seconde.md").read_text(encoding="utf-8").replace("numero: 2", "numero: 3")
    (mini / "phases/index.md").write_text(text, encoding="utf-8")
    [error] = read_checked(mini).errors
    assert error.format().startswith("phases/index.md:1:1 : le nom « index » est réservé : l'adresse /demarche/ "
                                     "est celle de la page de la démarche")


def test_a_case_folder_named_as_the_comparison_page_is_refused(mini):
    shutil.copytree(mini / "case_studies/vallee-exemple", mini / "case_studies/comparaison")
    [error] = read_checked(mini).errors
    assert error.format() == (
        "case_studies/comparaison/index.md:1:1 : le nom « comparaison » est réservé : l'adresse "
        "/etudes-de-cas/comparaison/ est celle de la page qui compare les études de cas, et ce contenu n'y serait "
        "jamais publié ; renommez ce dossier (d'après son titre, par exemple).")


def _write_aliases(mini, path: str, aliases: str) -> None:
    file = mini / path
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("\nmise_a_jour:", f"\nalias: {aliases}\nmise_a_jour:", 1), encoding="utf-8")


def _aliases(mini, path: str, aliases: str) -> list[str]:
    _write_aliases(mini, path, aliases)
    loaded = read_checked(mini)
    assert loaded.errors == ()
    with pytest.raises(ContentErrors) as caught:
        link(loaded.content)
    return [f"{e.path}:{e.line} {e.field} : {e.message}" for e in caught.value.errors]


def test_an_alias_taking_a_page_of_the_site_is_refused_at_its_line(mini):
    assert _aliases(mini, "methods/beta.md", "[ancien-nom, index]") == [
        "methods/beta.md:35 alias[2] : l'alias « index » est réservé : l'adresse /fiches/ est celle du catalogue "
        "des fiches, aucune ancienne adresse ne peut y mener ; retirez-le."]


def test_a_case_alias_taking_the_comparison_page_is_refused(mini):
    [found] = _aliases(mini, "case_studies/vallee-exemple/index.md", "[comparaison, index]")
    assert found.startswith("case_studies/vallee-exemple/index.md:32 alias[1] : l'alias « comparaison » est réservé")


def test_an_alias_is_no_other_record_s_name_nor_written_twice(mini):
    _write_aliases(mini, "methods/beta.md", "[ancien-nom]")
    found = _aliases(mini, "methods/delta.md", "[alpha, ancien-nom, double, double]")
    assert found == [
        "methods/delta.md:41 alias[1] : l'alias « alpha » est déjà utilisé par methods/alpha.md.",
        "methods/delta.md:41 alias[2] : l'alias « ancien-nom » est déjà utilisé par methods/beta.md.",
        "methods/delta.md:41 alias[4] : l'alias « double » est déjà écrit plus haut dans cette liste ; "
        "gardez-en un seul."]
