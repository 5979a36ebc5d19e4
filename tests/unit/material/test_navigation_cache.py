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


def test_the_links_kept_for_a_group_of_pages_are_those_each_page_writes():
    # MkDocs' own link function, over pages of every kind: beside a target, inside one, above
    # one, at the root, with file URLs (the offline pack) and with a home page elsewhere.
    from mkdocs.utils import normalize_url

    def written(url: str, page: _Page) -> str:
        return normalize_url(url, page=page)  # type: ignore[arg-type]  # duck-typed page

    targets = ["", "demarche/", "demarche/emergence/", "fiches/", "fiches/charte/", "a/b/c.html",
               "https://example.org/", "../ailleurs/"]
    nav = _Nav([_Section("Tout", [_Page(f"Entrée {i}", url) for i, url in enumerate(targets)])])
    pages = ["fiches/une/", "fiches/autre/", "fiches/charte/sous/", "fiches/charte/", "demarche/x/",
             "etudes-de-cas/un/", "a/b/", "a/b/d.html", "a/e.html", "f.html", "x/y/z/", "glossaire/", "fiches"]
    for home in ("", "accueil/", "fiches/une/"):
        cache = NavigationCache(written)
        for url in pages * 2:  # the second time from the kept links
            page = _Page("Une page", url)
            key = cache.key(nav, page, "", home)
            assert key is not None
            assert key[1] == written(home, page)
            assert [link for _, link in key[2]] == [None, *(written(target, page) for target in targets)], url
