"""Every page of a built site visited in Chromium, in each colour scheme: axe-core's violations,
the requests made, the Content-Security-Policy's reports (tests/browser/test_pages_in_browser.py
for the MkDocs build, tests/build/test_zensical.py for the Zensical one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from support.axe import AXE_TAGS, RUN_AXE, new_context
from support.site_pages import page_urls

SCHEMES = {"light": "default", "dark": "slate"}  # emulated preference -> Material's scheme


@dataclass
class PageVisit:
    url: str
    scheme: str
    rendered_scheme: str = ""
    axe_violations: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)


class Network:
    """Requests of a browser context, including those of workers, and which are in flight."""

    def __init__(self, context) -> None:
        self.urls: list[str] = []
        self.pending: set = set()
        context.on("request", self._started)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._ended)

    def _started(self, request) -> None:
        self.urls.append(request.url)
        self.pending.add(request)

    def _ended(self, request) -> None:
        self.pending.discard(request)

    def settle(self, page, timeout_ms: int = 5000) -> None:
        waited = 0
        while self.pending and waited < timeout_ms:
            page.wait_for_timeout(50)
            waited += 50


def _serving(body: str):
    """A route handler with one parameter: Playwright passes the request too to a handler that
    takes two."""
    return lambda route: route.fulfill(body=body, content_type="application/json")


def visit_pages(browser, site_url: str, site: Path, search_index: tuple[str, str] | None = None) -> list[PageVisit]:
    """Each page in both schemes, one tab per scheme. The two tabs overlap: axe-core starts
    in one while the other loads, so that both cores of the machine work. `search_index`:
    (route pattern, body) served instead of the site's own index."""
    tabs = {}
    for scheme in SCHEMES:
        context = new_context(browser, scheme)
        if search_index is not None:
            pattern, index = search_index
            context.route(pattern, _serving(index))
        tabs[scheme] = (context, Network(context), context.new_page())
    results = []
    for url in page_urls(site):
        pending = []
        for scheme, (_, network, page) in tabs.items():
            visit = PageVisit(url, scheme)
            start = len(network.urls)
            page.goto(site_url + url)
            if urlsplit(page.url).path != urlsplit(site_url + url).path:
                # A redirect page (an old address) sends the browser on at once: its target
                # is audited as a page of its own; the stub is checked in the HTML (validity,
                # links, policy). Its requests still count below.
                visit.rendered_scheme = SCHEMES[scheme]
            else:
                visit.rendered_scheme = page.evaluate("document.body.dataset.mdColorScheme")
                page.evaluate(f"(tags) => {{ window.__axeRun = ({RUN_AXE})(tags); }}", AXE_TAGS)  # not awaited
            pending.append((visit, start, network, page))
        for visit, start, network, page in pending:
            if urlsplit(page.url).path == urlsplit(site_url + url).path:
                visit.axe_violations = page.evaluate("() => window.__axeRun")
            network.settle(page)
            visit.requests = network.urls[start:]
            visit.csp_violations = page.evaluate("window.__cspViolations")
            results.append(visit)
    for context, _, _ in tabs.values():
        context.close()
    return results


def foreign_requests(urls: list[str], site_url: str) -> list[str]:
    own = urlsplit(site_url).netloc
    return [u for u in urls if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != own]
