"""Every built page in Chromium, in the light and in the dark colour scheme:
- axe-core finds no violation of WCAG 2.0 / 2.1, levels A and AA (what RGAA 4.1 follows);
- the page makes no request to any host but the site's own;
- its Content-Security-Policy blocks nothing the page uses.

Each page is loaded once per scheme (a session fixture) and the three tests read the results.
A page view loads no search index (Pagefind loads its parts on the first query): the search
itself is exercised by its own test below, and in tests/browser/test_search.py.
"""

from __future__ import annotations

import pytest

from support.axe import new_context
from support.page_visits import SCHEMES, Network, PageVisit, foreign_requests, visit_pages
from support.site_pages import page_urls


@pytest.fixture(scope="session")
def visits(browser, site_url, real_site) -> list[PageVisit]:
    return visit_pages(browser, site_url, real_site)


def _report(lines: list[str]) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_wcag_violation_on_any_page(visits, scheme):
    checked = [v for v in visits if v.scheme == scheme]
    assert len(checked) > 20
    # The emulated preference really switched Material's scheme: both palettes are tested.
    assert {v.rendered_scheme for v in checked} == {SCHEMES[scheme]}
    problems = [f"{v.url or '/'} : {line}" for v in checked for line in v.axe_violations]
    assert problems == [], f"{len(problems)} violation(s) en thème {scheme} :\n" + _report(problems)


def test_no_page_requests_another_host(visits, site_url):
    assert all(v.requests for v in visits)  # the measurement sees each page's own requests
    foreign = [f"{v.url or '/'} [{v.scheme}] : {u}" for v in visits for u in foreign_requests(v.requests, site_url)]
    assert foreign == [], _report(foreign)


def test_content_security_policy_blocks_nothing_the_site_uses(visits):
    blocked = [f"{v.url or '/'} [{v.scheme}] : {line}" for v in visits for line in v.csp_violations]
    assert blocked == [], _report(blocked)


def test_search_and_scheme_toggle_stay_on_the_site(browser, site_url, real_site):
    """The features that load code or data on demand: the search (Pagefind's library, its
    WebAssembly and the parts of its index, in a web worker) and the light/dark toggle, on the home page, a
    sheet, a case study and the error page (each at a different depth of the site)."""
    context = new_context(browser, "light")
    network = Network(context)
    page = context.new_page()
    urls = page_urls(real_site)
    sheet = next(u for u in urls if u.startswith("fiches/") and u.count("/") == 2)
    case = next(u for u in urls if u.startswith("etudes-de-cas/") and u.count("/") == 2)
    for url in ("", sheet, case, "404.html"):
        page.goto(site_url + url)
        page.locator("input.md-search__input").click()
        page.keyboard.type("coopération")
        page.locator(".recherche-resultat").first.wait_for()
        page.keyboard.press("Escape")
        page.locator("form[data-md-component='palette'] label:visible").click()
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        page.locator("form[data-md-component='palette'] label:visible").click()
        network.settle(page)
        assert page.evaluate("window.__cspViolations") == []
    context.close()
    assert any(u.endswith(".pf_index") for u in network.urls)  # the worker's requests are seen
    assert foreign_requests(network.urls, site_url) == []
