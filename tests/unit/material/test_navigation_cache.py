"""What the navigation kept for the pages outside it depends on (navigation_cache.py)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from centre_ressources.material.navigation_cache import NavigationCache


@dataclass(eq=False)
class _Page:
    title: str
    url: str
    is_page: bool = True
    children: None = None


@dataclass(eq=False)
class _Section:
    title: str
    children: list = field(default_factory=list)


@dataclass
class _Nav:
    items: list


def _relative(url: str, page: _Page) -> str:
    return posixpath.relpath("/" + url, "/" + page.url) + ("/" if url.endswith("/") else "")


def _nav() -> tuple[_Nav, _Page]:
    phase = _Page("1. Émergence", "demarche/emergence/")
    return _Nav([_Page("Accueil", ""), _Section("La démarche", [phase]), _Page("Fiches", "fiches/")]), phase


def test_a_page_in_the_navigation_is_drawn_by_the_theme():
    nav, phase = _nav()
    assert NavigationCache(_relative).key(nav, phase, "", "") is None


def test_pages_whose_links_are_written_alike_share_the_navigation():
    nav, _ = _nav()
    cache = NavigationCache(_relative)
    one, other = _Page("Une fiche", "fiches/une/"), _Page("Une autre", "fiches/autre/")
    assert cache.key(nav, one, "", "") == cache.key(nav, other, "", "")
    drawn = cache.put(cache.key(nav, one, "", ""), "<nav>…</nav>")
    assert cache.get(cache.key(nav, other, "", "")) == drawn


def test_a_page_from_which_a_link_is_written_otherwise_gets_its_own():
    nav, _ = _nav()
    cache = NavigationCache(_relative)
    sheet, case = _Page("Une fiche", "fiches/une/"), _Page("Un cas", "etudes-de-cas/un/")
    # The same depth, but « Fiches » is « ../ » from the sheet, « ../../fiches/ » from the case.
    assert cache.key(nav, sheet, "", "") != cache.key(nav, case, "", "")


def test_a_page_at_another_depth_or_hiding_the_navigation_gets_its_own():
    nav, _ = _nav()
    cache = NavigationCache(_relative)
    sheet = _Page("Une fiche", "fiches/une/")
    assert cache.key(nav, sheet, "", "") != cache.key(nav, _Page("Glossaire", "glossaire/"), "", "")
    assert cache.key(nav, sheet, "", "") != cache.key(nav, sheet, "hidden", "")


def test_a_title_changed_in_the_navigation_is_a_new_key():
    nav, phase = _nav()
    cache = NavigationCache(_relative)
    sheet = _Page("Une fiche", "fiches/une/")
    before = cache.key(nav, sheet, "", "")
    phase.title = "1. Émergence du collectif"
    assert cache.key(nav, sheet, "", "") != before
