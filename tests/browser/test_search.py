"""The search in the header (Pagefind), on the mini fixture site built with `mkdocs build`:
French stemming, results with their title, excerpt and kind, filters by kind and phase,
Material's keyboard shortcuts, nothing loaded before the first use, no other host, no
violation of axe or of the page's policy with the search open."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from support.axe import AXE_TAGS, RUN_AXE, new_context
from support.browser import serve_directory
from support.project import copy_project, run_mkdocs
from support.search import indexed_pages

FIELD = "input.md-search__input"
RESULT = ".recherche-resultat"


def _dialog(page):
    return page.get_by_role("dialog", name="Recherche sur le site")


def _on_field(page) -> bool:
    return page.evaluate("document.activeElement.getAttribute('aria-label')") == "Rechercher"


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("recherche") / "project", content="mini")
    site = root / "site"
    result = run_mkdocs(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def mini_url(mini_site):
    with serve_directory(mini_site) as url:
        yield url


@pytest.fixture
def tab(browser):
    context = new_context(browser, "light", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests, page.page_errors = [], []
    context.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.page_errors.append(str(error)))
    yield page
    context.close()


def _search(page, query: str):
    page.locator(FIELD).click()
    page.keyboard.type(query)
    page.locator(RESULT).first.wait_for(timeout=15_000)
    page.wait_for_timeout(300)  # the debounced query settles
    return page.locator(RESULT)


def test_the_index_holds_each_article_with_its_kind_and_not_the_navigation(mini_site):
    indexed = indexed_pages(mini_site)
    assert indexed["/fiches/alpha/"]["meta"]["type"] == "Fiche"
    assert indexed["/fiches/alpha/"]["filters"]["phase"] == ["1. Première phase"]
    assert indexed["/etudes-de-cas/vallee-exemple/"]["meta"]["type"] == "Étude de cas"
    assert indexed["/demarche/premiere/"]["meta"]["type"] == "Phase"
    # The listings of other pages are left out: their entries are found on their own pages.
    assert "/fiches/" not in indexed and "/" not in indexed
    sheet = indexed["/fiches/alpha/"]["content"]
    assert "Aller au contenu" not in sheet and "Fiche gamma" not in sheet  # skip link, sidebar
    assert "Ouvrir" in sheet and "¶" not in sheet


def test_a_french_query_finds_the_forms_of_a_word_with_title_excerpt_and_kind(tab, mini_url):
    tab.goto(mini_url + "fiches/beta/")
    # « réunir » is written nowhere: the sheet says « réunis », the case « réuni ».
    results = _search(tab, "réunir")
    links = results.locator("a").evaluate_all("links => links.map(l => new URL(l.href).pathname)")
    assert "/fiches/alpha/" in links and "/etudes-de-cas/vallee-exemple/" in links
    sheet = results.filter(has=tab.locator("a[href$='/fiches/alpha/']"))
    assert sheet.locator(".recherche-titre").inner_text() == "Fiche alpha"
    assert sheet.locator(".recherche-genre").text_content().startswith("Fiche")
    assert "réunis" in sheet.locator(".recherche-extrait mark").first.inner_text().lower()
    assert _dialog(tab).get_by_role("status").inner_text().endswith("résultats")
    sheet.locator("a").click()
    assert urlsplit(tab.url).path == "/fiches/alpha/"


def test_filters_by_kind_and_phase_narrow_the_results(tab, mini_url):
    tab.goto(mini_url)
    results = _search(tab, "réunir")
    assert results.count() >= 2
    _dialog(tab).get_by_label("Type").select_option("Étude de cas")
    tab.locator(f"{RESULT} a[href*='/fiches/']").first.wait_for(state="detached")
    kinds = tab.locator(".recherche-genre").all_text_contents()
    assert kinds and all(kind.startswith("Étude de cas") for kind in kinds)
    _dialog(tab).get_by_label("Type").select_option("")
    _dialog(tab).get_by_label("Phase").select_option("2. Seconde phase")
    tab.locator(f"{RESULT} a[href$='/fiches/alpha/']").wait_for(state="detached")  # a sheet of phase 1
    tab.locator(f"{RESULT} a[href*='/fiches/']").first.wait_for()
    kinds = tab.locator(".recherche-genre").all_text_contents()
    assert kinds and all("2. Seconde phase" in kind for kind in kinds)


def test_material_s_shortcuts_open_and_close_the_search(tab, mini_url):
    tab.goto(mini_url + "fiches/alpha/")
    toggle = tab.locator("#__search")
    for key in ("/", "s"):
        tab.locator("h1").first.click()
        tab.keyboard.press(key)
        assert _on_field(tab)
        assert toggle.is_checked()
        assert tab.locator(FIELD).input_value() == ""  # the key opened the search, not typed
        tab.keyboard.press("Escape")
        assert not toggle.is_checked()
        assert not _on_field(tab)
    tab.keyboard.press("/")
    tab.keyboard.type("post-it")
    tab.locator(RESULT).first.wait_for(timeout=15_000)
    tab.keyboard.press("ArrowDown")
    assert tab.evaluate("document.activeElement.classList.contains('recherche-lien')")
    tab.keyboard.press("ArrowUp")
    assert _on_field(tab)
    first = tab.locator(f"{RESULT} a").first.evaluate("link => link.href")
    tab.keyboard.press("Enter")  # from the field: the first result
    tab.wait_for_url(first)


def test_a_first_page_view_loads_no_search_index_and_a_query_stays_on_the_site(tab, mini_url):
    tab.goto(mini_url + "fiches/alpha/")
    tab.wait_for_load_state("networkidle")
    # Neither Pagefind's parts nor a whole index (Material's search/search_index.json).
    assert [u for u in tab.requests if "/pagefind/" in u or "search" in urlsplit(u).path] == []
    assert tab.page_errors == []
    _search(tab, "post-it")
    assert any(u.endswith(".pf_index") for u in tab.requests)
    assert any("wasm" in u for u in tab.requests)
    own = urlsplit(mini_url).netloc
    assert [u for u in tab.requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != own] == []
    assert tab.evaluate("window.__cspViolations") == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_search_has_no_axe_violation(browser, mini_url, scheme):
    context = new_context(browser, scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(mini_url + "fiches/alpha/")
    _search(page, "réunir")
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []
    # A phone: the search fills the screen (the rest of the page, Material's drawer included,
    # is audited at this width by nobody here: only the search is).
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate(RUN_AXE.replace("axe.run(document", "axe.run('.md-search'"), AXE_TAGS) == []
    context.close()


def test_without_an_index_the_search_says_so_in_french(tab, mini_url):
    """Under `serve` no index is written: the field says why instead of staying silent."""
    tab.route("**/pagefind/**", lambda route: route.fulfill(status=404, body="introuvable"))
    tab.goto(mini_url)
    tab.locator(FIELD).click()
    tab.keyboard.type("réunir")
    _dialog(tab).get_by_role("status").filter(has_text="La recherche n'est pas disponible ici").wait_for(timeout=10_000)
