"""A visitor's walk through the centre, in Chromium, with what to expect read from the catalogue:
home -> the first phase (from the navigation) -> the first sheet of its pathway -> « Fiche
suivante » to the sheet that follows it. Any valid content added keeps the walk's expectations."""

from __future__ import annotations

from collections.abc import Callable

from centre_ressources import urls
from centre_ressources.catalogue import Catalogue


def online_address(src_uri: str) -> str:
    return urls.public_url(src_uri)


def offline_address(src_uri: str) -> str:
    """The offline pack's address of a page (its URLs end in .html)."""
    stem = src_uri.removesuffix(".md")
    return f"{stem}.html"


def walk_from_home(page, home: str, catalogue: Catalogue, address: Callable[[str], str],
                   navigation: str = "nav.md-nav--primary") -> None:
    page.goto(home)
    phase = catalogue.phases[0]
    page.locator(navigation).get_by_role("link", name=f"{phase.numero}. {phase.titre_court}", exact=True).first.click()
    assert page.url.endswith("/" + address(urls.phase_page(phase.slug))), page.url
    sheet = catalogue.sheets_of_phase(phase)[0]  # the catalogue keeps the pathway's order
    page.locator("article").get_by_role("link", name=sheet.titre, exact=True).first.click()
    assert page.url.endswith("/" + address(urls.sheet_page(sheet.slug))), page.url
    assert page.title().startswith(f"{sheet.titre} - ")
    following = catalogue.neighbours(sheet)[1]
    if following is None:
        assert page.locator("article").get_by_text("Fiche suivante").count() == 0
        return
    page.locator("article").get_by_text("Fiche suivante").get_by_role("link").click()
    assert page.url.endswith("/" + address(urls.sheet_page(following.slug))), page.url
