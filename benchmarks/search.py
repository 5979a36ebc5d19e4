"""What a visitor's browser loads for the search, on the grown site: Pagefind (the published
site) against Material's search, built in the same run as the reference.

Headless Chromium opens a sheet with an empty cache, then types each query of QUERIES; it counts
the bytes of the first view and of each first query, and compares both engines' top results
(a copy made by grow.py counts as its original). The method is in benchmarks/LISEZMOI.md.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import re
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import measure

QUERIES = ("charte coopération", "diagnostic partagé", "gouvernance", "atelier")
START_PAGE = "fiches/{sheet}/"
TOP = 5  # results compared
# Material's search plugin, switched on for the reference build only (mkdocs.yml).
MATERIAL_VARIABLE = "CENTRE_RESSOURCES_RECHERCHE_MATERIAL"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
_COPY = re.compile(r"-copie-\d+")


@dataclass
class QueryFigures:
    query: str
    search_bytes: int  # the search's bytes of the page view, plus all bytes after it
    seconds: float  # from the first key to the results shown
    top: list[str] = field(default_factory=list)  # pages, copies counted as their original


@dataclass
class EngineFigures:
    name: str
    first_view_bytes: int
    first_view_search_bytes: int
    queries: list[QueryFigures] = field(default_factory=list)


@dataclass
class SearchResult:
    items: int
    material: EngineFigures
    pagefind: EngineFigures
    indexed_pages: int

    def agreement(self, query: str) -> tuple[bool, str]:
        """Whether the page Material's search gave first is among Pagefind's first three (a
        visitor still finds the best answer at the top); with both engines' first pages."""
        mine = next(q for q in self.pagefind.queries if q.query == query).top
        theirs = next(q for q in self.material.queries if q.query == query).top
        agree = bool(mine and theirs) and theirs[0] in mine[:3]
        return agree, f"{', '.join(mine[:3]) or '—'} / {', '.join(theirs[:3]) or '—'}"

    def heaviest_query(self) -> QueryFigures:
        return max(self.pagefind.queries, key=lambda q: q.search_bytes)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def served(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _is_search(url: str) -> bool:
    path = urlsplit(url).path
    return "/pagefind/" in path or "search_index" in path or "/workers/search" in path or "/lunr/" in path


def _page_of(href: str) -> str:
    return _COPY.sub("", urlsplit(href).path)


def indexed_pages(site: Path) -> list[str]:
    """The pages in Pagefind's index (each fragment: a signature, then the page's JSON)."""
    pages = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        pages.append(json.loads(data[data.index(b"{"):])["url"])
    return pages


class _Traffic:
    """The requests of a browser context (its workers' included), and which are in flight."""

    def __init__(self, context) -> None:
        self.done: list = []
        self.pending: set = set()
        context.on("request", self._started)
        context.on("requestfinished", self._finished)
        context.on("requestfailed", self._failed)

    def _started(self, request) -> None:
        self.pending.add(request)

    def _failed(self, request) -> None:
        self.pending.discard(request)

    def _finished(self, request) -> None:
        self.pending.discard(request)
        self.done.append(request)

    def settle(self, page, quiet_ms: int = 500, timeout_ms: int = 120_000) -> None:
        waited = quiet = 0
        while waited < timeout_ms and quiet < quiet_ms:
            page.wait_for_timeout(50)
            waited += 50
            quiet = 0 if self.pending else quiet + 50

    @staticmethod
    def size(requests) -> int:
        total = 0
        for request in requests:
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        return total


_ENGINES = {
    # name: (field, result links)
    "Material": ("input.md-search__input", ".md-search-result__list > li > a.md-search-result__link"),
    "Pagefind": ("input.md-search__input", ".recherche-resultat a.recherche-lien"),
}


def _visit(browser, url: str, name: str, query: str | None) -> tuple[int, int, QueryFigures | None]:
    field_selector, results = _ENGINES[name]
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    try:
        traffic = _Traffic(context)
        page = context.new_page()
        page.goto(url)
        traffic.settle(page)
        view = list(traffic.done)
        view_bytes, view_search = traffic.size(view), traffic.size(r for r in view if _is_search(r.url))
        if query is None:
            return view_bytes, view_search, None
        started = time.perf_counter()
        page.locator(field_selector).click()
        page.keyboard.type(query)
        page.locator(results).first.wait_for(timeout=180_000)
        traffic.settle(page)
        seconds = time.perf_counter() - started
        hrefs = page.locator(results).evaluate_all("links => links.map(l => l.href)")
        top = list(dict.fromkeys(_page_of(h) for h in hrefs))
        after = traffic.size(traffic.done[len(view):])
        return view_bytes, view_search, QueryFigures(query, view_search + after, seconds, top)
    finally:
        context.close()


def _engine(browser, site: Path, name: str, start: str, keep: set[str] | None) -> EngineFigures:
    with served(site) as base:
        url = base + start
        view_bytes, view_search, _ = _visit(browser, url, name, None)
        figures = EngineFigures(name, view_bytes, view_search)
        for query in QUERIES:
            figures.queries.append(_visit(browser, url, name, query)[2])
    for query in figures.queries:
        if keep is not None:
            query.top = [page for page in query.top if page in keep]
        query.top = query.top[:TOP]
    return figures


def measure_search(root: Path, work: Path, items: int, sheet: str) -> SearchResult:
    """Build the grown copy twice (Pagefind, then Material's search) and measure both."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise RuntimeError("Chromium est introuvable : lancez « bash scripts/browser-deps.sh ».")
    sites = {"Pagefind": work / "site-pagefind", "Material": work / "site-material"}
    for name, site in sites.items():
        shutil.rmtree(site, ignore_errors=True)
        environment = {MATERIAL_VARIABLE: "true"} if name == "Material" else {}
        run = measure.mkdocs_build(root, site, environment)
        if run.returncode != 0:
            raise RuntimeError(f"La construction « recherche {name} » a échoué :\n{run.output[-4000:]}")
    indexed = indexed_pages(sites["Pagefind"])
    keep = {_page_of(page) for page in indexed}
    start = START_PAGE.format(sheet=sheet)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                pagefind = _engine(browser, sites["Pagefind"], "Pagefind", start, keep)
                material = _engine(browser, sites["Material"], "Material", start, keep)
            finally:
                browser.close()
    finally:
        for site in sites.values():
            shutil.rmtree(site, ignore_errors=True)
    return SearchResult(items, material, pagefind, len(indexed))


if __name__ == "__main__":  # python -m benchmarks.search PROJECT_COPY SHEET: one measure, as JSON
    import sys
    from dataclasses import asdict

    found = measure_search(Path(sys.argv[1]), Path(sys.argv[1]).parent, 0, sys.argv[2])
    print(json.dumps(asdict(found), ensure_ascii=False, indent=1))
