"""The content side of `centre-ressources serve`: from one edit to the pages it changes.

A whole build goes through `generate` (the same pipeline as `build`, with a cache of the files
read); each edit then goes through `update`: the files whose content changed are read again,
the whole catalogue is linked and checked again (cheap), only the pages the edit can change
are rendered again (dependencies.py), and only those whose Markdown differs are handed back to
be converted. A content error leaves the last good state as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from centre_ressources.catalogue import Catalogue
from centre_ressources.content.load import CASES_DIR
from centre_ressources.content.load_cache import LoadCache
from centre_ressources.downloads.listing import find_downloads
from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import (
    DOCS_DIR,
    catalogue_of_what_passes,
    check_contributed_links,
    cyclic_gc_paused,
    generate,
)
from centre_ressources.preview.dependencies import WholeBuild, only_generated, plan
from centre_ressources.publish.open_data import page_context as open_data_page
from centre_ressources.render.deferred import DeferredParts
from centre_ressources.render.pages import GeneratedPages, RenderedSite, link_glossary_terms, render_site


@dataclass(frozen=True)
class Update:
    rewritten: dict[str, str]  # src_uri -> new Markdown, for the pages whose Markdown changed (or new)
    rendered: int  # pages rendered again (the rewritten ones included)
    files_read: tuple[str, ...]  # the content files read again
    catalogue: Catalogue
    seconds: float
    added: tuple[str, ...] = ()  # pages that did not exist before (in `rewritten` too)
    removed: tuple[str, ...] = ()  # pages that no longer exist
    assets: dict[str, str] = field(default_factory=dict)  # files to copy (src_uri -> path), new or changed
    removed_assets: tuple[str, ...] = ()
    rendered_pages: tuple[str, ...] = ()  # the pages rendered again, changed or not


def _given(text: str) -> Callable[[], str]:
    return lambda: text


def _pages_of(order: Iterator[str], texts: dict[str, str], previous: GeneratedPages) -> GeneratedPages:
    """The pages of the new state, in the site's order: those rendered again, the others as they were."""
    pages = GeneratedPages()
    for uri in order:
        text = texts[uri] if uri in texts else previous[uri]
        pages.add(uri, _given(text))
        pages.replace(uri, text)
    return pages


class PreviewSession:
    def __init__(self) -> None:
        self.cache = LoadCache()
        self.root: Path | None = None
        self.site_url: str | None = None
        self.downloads_dir: Path | str | None = None
        self.catalogue: Catalogue | None = None
        self.site: RenderedSite | None = None
        self.deferred: DeferredParts | None = None
        self.in_pack = False
        self.frame_contributions = False

    def generate(self, root: Path, site_url: str | None = None, downloads_dir: Path | str | None = None,
                 link_terms: bool = True, deferred: DeferredParts | None = None,
                 in_pack: bool = False, frame_contributions: bool = False) -> tuple[Catalogue, RenderedSite]:
        """pipeline.generate, remembered: the state that the next edits start from."""
        self.cache.start_pass()
        catalogue, site = generate(root, site_url=site_url, downloads_dir=downloads_dir, link_terms=link_terms,
                                   deferred=deferred, in_pack=in_pack, cache=self.cache,
                                   frame_contributions=frame_contributions)
        self.in_pack, self.frame_contributions = in_pack, frame_contributions
        self.root, self.site_url, self.downloads_dir = root, site_url, downloads_dir
        self.catalogue, self.site, self.deferred = catalogue, site, deferred
        return catalogue, site

    def update(self) -> Update:
        """The pages that the content edited since the last state changes; raise ContentErrors
        (the last state kept), or WholeBuild when the edit needs the whole site built again."""
        assert self.root is not None and self.catalogue is not None and self.site is not None, "generate() first"
        started = time.perf_counter()
        with cyclic_gc_paused():
            update, site = self._update(self.root, self.catalogue, self.site)
        self.catalogue, self.site = update.catalogue, site
        return replace(update, seconds=time.perf_counter() - started)

    def _update(self, root: Path, old: Catalogue, site: RenderedSite) -> tuple[Update, RenderedSite]:
        self.cache.start_pass()
        checked = catalogue_of_what_passes(root, self.cache)
        if checked.errors:
            raise ContentErrors(checked.errors)
        new = checked.catalogue
        planned = plan(old, new)
        cases_dir = (root / CASES_DIR).resolve()
        case_dirs = {case.slug: str(cases_dir / case.slug) for case in new.cases}
        downloads = find_downloads(self.downloads_dir, self.in_pack)
        fresh = render_site(new, case_dirs, site_url=self.site_url, downloads=downloads, link_terms=False,
                            deferred=self.deferred, frame_contributions=self.frame_contributions,
                            open_data=open_data_page())
        if fresh.nav != site.nav:
            raise WholeBuild("navigation modifiée")
        added = tuple(uri for uri in fresh.pages if uri not in site.pages)
        removed = tuple(uri for uri in site.pages if uri not in fresh.pages)
        uris = only_generated(None if planned.pages is None else planned.pages | set(added), fresh.pages)
        if self.deferred is not None:
            for uri in uris:
                self.deferred.discard(uri)  # numbered from 0 again, as when first rendered
        texts = {uri: fresh.pages[uri] for uri in uris}
        for uri, text in texts.items():
            fresh.pages.replace(uri, text)
        if new.glossary:
            link_glossary_terms(fresh.pages, new, self.deferred, only=set(uris))
            texts = {uri: fresh.pages[uri] for uri in uris}
        rewritten = {uri: text for uri, text in texts.items() if uri in added or text != site.pages[uri]}
        pages = _pages_of(iter(fresh.pages), texts, site.pages)
        state = RenderedSite(pages, fresh.assets, fresh.nav)
        try:
            check_contributed_links(new, checked.texts, state, root / DOCS_DIR)
        except ContentErrors:
            self._forget(uris)
            raise
        self._forget(uri for uri in uris if uri not in rewritten)  # not converted: their parts unused
        if self.deferred is not None:  # the pages handed to MkDocs, their HTML parts left aside
            rewritten = {uri: self.deferred.place_blocks(uri, text) for uri, text in rewritten.items()}
        assets = {uri: path for uri, path in fresh.assets.items() if site.assets.get(uri) != path}
        removed_assets = tuple(uri for uri in site.assets if uri not in fresh.assets)
        update = Update(rewritten, len(uris), tuple(self.cache.read_again), new, 0.0, added, removed, assets,
                        removed_assets, tuple(uris))
        return update, state

    def _forget(self, uris) -> None:
        if self.deferred is not None:
            for uri in uris:
                self.deferred.discard(uri)
