"""The whole core in one call: load -> validate -> model -> link -> render -> check links."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import urls
from .deferred import DeferredParts
from .downloads import find_downloads
from .errors import ContentErrors
from .link import Catalogue, link
from .links import SiteMap, check_links
from .load import CASES_DIR, load_content
from .render import RenderedSite, render_site

DOCS_DIR = "docs"


def build_catalogue(root: Path) -> Catalogue:
    """Read and check all content; raise ContentErrors listing every problem."""
    return link(load_content(root))


def generate(root: Path, site_url: str | None = None,
             downloads_dir: Path | str | None = None, link_terms: bool = True,
             deferred: DeferredParts | None = None) -> tuple[Catalogue, RenderedSite]:
    """Check and render everything; raise ContentErrors before any file is written.

    `site_url` (the site's public address) gives each sheet its permanent address and QR code;
    `downloads_dir` holds the files produced for this build (PDF, offline pack) to publish;
    `link_terms=False` skips the glossary links, which no check depends on;
    `deferred` (a build) keeps the pictures and glossary links out of the Markdown, to be put
    in the HTML by `deferred.restore` once each page is converted."""
    with cyclic_gc_paused():
        return _generate(root, site_url, downloads_dir, link_terms, deferred)


def _generate(root: Path, site_url: str | None, downloads_dir: Path | str | None, link_terms: bool,
              deferred: DeferredParts | None) -> tuple[Catalogue, RenderedSite]:
    catalogue = build_catalogue(root)
    cases_dir = (root / CASES_DIR).resolve()  # resolved once, not once per case
    case_dirs = {case.slug: str(cases_dir / case.slug) for case in catalogue.cases}
    site = render_site(catalogue, case_dirs, site_url=site_url, downloads=find_downloads(downloads_dir),
                       link_terms=link_terms, deferred=deferred)
    check_contributed_links(catalogue, site, root / DOCS_DIR)
    return catalogue, site


def check_contributed_links(catalogue: Catalogue, site: RenderedSite, docs_dir: Path) -> None:
    site_map = SiteMap.from_site(site.pages, set(site.assets), docs_dir)
    records = [(p, urls.phase_page(p.slug)) for p in catalogue.phases]
    records += [(f, urls.sheet_page(f.slug)) for f in catalogue.pathway]
    records += [(c, urls.case_page(c.slug)) for c in catalogue.cases]
    records += [(p, urls.path_page(p.slug)) for p in catalogue.paths]
    errors = []
    for record, page_uri in records:
        errors += check_links(record.origin, record.body, page_uri, site_map)
        record.origin.memo.clear()  # the last check to need it: its memory goes back now
    if errors:
        raise ContentErrors(errors)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Reading and rendering a catalogue makes hundreds of thousands of small objects without
    reference cycles, freed by reference counting alone; Python's cyclic collector, which runs
    every few hundred new objects, only scans them again and again: a sixth of the time of
    `check` at 2,000 items. It is paused meanwhile, and runs again as usual afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
