"""Addresses are read as a browser reads them wherever a check decides "on the site or not":
a backslash is a slash, tabs and line ends inside vanish, spaces and controls around go; an
address holding a backslash is refused at its line, whatever writes it."""

from __future__ import annotations

import pytest

from centre_ressources.checks.remote_resources import remote_resources
from centre_ressources.checks.unsafe_markup import unsafe_markup
from centre_ressources.content.contributed_markup import as_browser_reads, loads_from_elsewhere
from support.texts import PATH, body_texts, errors

ELSEWHERE = ["//autre.example/p.png", "\\\\autre.example/../p.png", "/\\autre.example/p.png", "\\/autre.example/p.png",
             "/\t/autre.example/p.png", " \x01//autre.example/p.png", "https://autre.example/p.png", "HTTPS:autre.example",
             "x:p.png"]
ON_THE_SITE = ["p.png", "../fiches/x.md", "#ancre", "dossier/p.png", "  p.png ", "a/b:c.png", ""]


@pytest.mark.parametrize("address", ELSEWHERE)
def test_an_address_leaving_the_site_is_read_so(address):
    assert loads_from_elsewhere(address)


@pytest.mark.parametrize("address", ON_THE_SITE)
def test_a_relative_path_stays_on_the_site(address):
    assert not loads_from_elsewhere(address)


def test_the_browser_reading():
    assert as_browser_reads(" \t\\\\autre.example/\nx\\y \x00") == "//autre.example/x/y"


BACKSLASH = ("contient une barre oblique inverse (« \\ ») : un navigateur la lit comme « / », et l'adresse pourrait "
             "mener à un autre site ; écrivez « / ».")


@pytest.mark.parametrize("written", [
    '<img src="\\\\autre.example/../photo.png" alt="">',
    '<img src="&#92;&#92;autre.example/../photo.png" alt="">',
    "![x](\\\\autre.example/../photo.png)",
    "![x](</\\autre.example/p.png>)",
    "[un lien](fiches\\alpha.md)",
    '<a href="/\\autre.example/">un lien</a>',
    "Voir [la page][ref].\n\n[ref]: \\\\autre.example/page",
    "<https://autre.example\\page>",
])
def test_an_address_holding_a_backslash_is_refused_at_its_line(written):
    found = errors(unsafe_markup(body_texts(f"Un texte.\n\n{written}")))
    line = 6 + next(number for number, text in enumerate(written.split("\n")) if "\\" in text or "&#92;" in text)
    assert any(error.startswith(f"{PATH}:{line}:1 : l'adresse « ") and error.endswith(BACKSLASH) for error in found), \
        found


@pytest.mark.parametrize("written", [
    '<img src="\\\\autre.example/../photo.png" alt="">',
    '<img src="&#47;&#47;autre.example/p.png" alt="">',
    '<img src="/&#9;/autre.example/p.png" alt="">',
    '<img src="https:autre.example/p.png" alt="">',
    "![x](/\\autre.example/p.png)",
    "![x](&#47;&#47;autre.example/p.png)",
    '<img src="p.png" srcset="p.png 1x, \\\\autre.example/grande.png 2x" alt="">',
    "![x][loin]\n\n[loin]: \\\\autre.example/p.png",
])
def test_a_picture_from_another_host_is_refused_however_its_address_is_written(written):
    found = errors(remote_resources(body_texts(f"Un texte.\n\n{written}")))
    assert len(found) == 1 and found[0].startswith(f"{PATH}:6:1 : ") and "viendrait d'un autre site" in found[0], found


@pytest.mark.parametrize("written", [
    "![x](photo.png)", '<img src="photo.png" alt="">', "[un lien](https://autre.example/page)",
    "`<img src=\"//autre.example/p.png\">`", "```\n![x](//autre.example/p.png)\n```",
])
def test_a_picture_of_the_site_a_link_elsewhere_and_code_pass(written):
    assert remote_resources(body_texts(f"Un texte.\n\n{written}")) == []


def test_a_link_leaving_the_site_by_a_backslash_is_no_file_of_the_site(tmp_path):
    from centre_ressources.checks.hyperlinks import SiteMap, check_links

    site = SiteMap({"etudes-de-cas/cas/index.md": "# Cas\n"}, {"etudes-de-cas/cas/photo.png"}, set())
    texts = body_texts("![x](\\\\autre.example/../photo.png) ![y](photo.png) [z](/\\autre.example/)")
    assert check_links(texts, "etudes-de-cas/cas/index.md", site) == []  # the backslash is unsafe_markup's
    texts = body_texts("![x](\\\\autre.example/../absente.png) ![y](absente.png)")
    assert [error.message for error in check_links(texts, "etudes-de-cas/cas/index.md", site)] == [
        "le lien « absente.png » ne mène à aucune page ni aucun fichier du site."]
