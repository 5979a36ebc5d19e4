"""One build of the site, step by step, for an adapter that hands the pages to a site builder.

The MkDocs hook (hooks/content.py) only translates events into these calls; what a build
carries from one step to the next lives here, typed, and is let go as soon as no later step
needs it: the catalogue once the published files are written, the pages once handed over.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from centre_ressources.catalogue import Catalogue
from centre_ressources.pipeline import generate, hold_until_built, release_after_build
from centre_ressources.publish.jsonld import jsonld_by_page
from centre_ressources.publish.sanitize import sanitize_html
from centre_ressources.publish.staging import StagedFiles, refuse_hand_written_pages, stage_published_files
from centre_ressources.render.deferred import DeferredParts
from centre_ressources.render.hand_written import asks_for_variables, page_context, render_page
from centre_ressources.render.pages import RenderedSite
from centre_ressources.render.scaffold import TEMPLATE_SLUG, scaffold_text


def page_variables(catalogue: Catalogue) -> dict[str, Any]:
    """The variables of the hand-written pages that ask for them (render/hand_written.py)."""
    return {
        "nombre_fiches": len(catalogue.sheets),
        "nombre_etudes_de_cas": len(catalogue.cases),
        # the commented template that /contribuer/ opens in GitHub's editor
        "modele_etude_de_cas": scaffold_text(catalogue.phases, "etude-de-cas", TEMPLATE_SLUG),
    }


class Generate(Protocol):
    """`pipeline.generate`, as `SiteBuild.start` calls it."""

    def __call__(self, root: Path, *, site_url: str | None, downloads_dir: str | None, deferred: DeferredParts,
                 in_pack: bool, frame_contributions: bool) -> tuple[Catalogue, RenderedSite]: ...


@dataclass(frozen=True)
class GeneratedFile:
    src_uri: str
    content: str | None = None  # a page's Markdown, or else
    path: Path | None = None  # the file to copy


@dataclass
class SiteBuild:
    site: RenderedSite | None = None  # until the pages are handed over
    catalogue: Catalogue | None = None  # until the published files are written
    deferred: DeferredParts = field(default_factory=DeferredParts)
    generated: frozenset[str] = frozenset()
    jsonld: dict[str, dict[str, Any]] = field(default_factory=dict)
    variables: dict[str, Any] = field(default_factory=dict)  # of the hand-written pages
    staged: StagedFiles | None = None
    make: Generate = generate  # see generate_through

    def start(self, root: Path, site_url: str | None, downloads_dir: str | None, in_pack: bool = False):
        """Check and render all content (raises ContentErrors); the navigation and the
        variables of the hand-written pages. `in_pack`: the build is the offline pack."""
        self.finish()
        self.deferred = DeferredParts()
        self.catalogue, self.site = self.make(root, site_url=site_url, downloads_dir=downloads_dir,
                                              deferred=self.deferred, in_pack=in_pack, frame_contributions=True)
        hold_until_built()
        self.variables = page_variables(self.catalogue)
        return self.site.nav, self.variables

    def generate_through(self, make: Generate) -> None:
        """The next builds call `make` instead of `pipeline.generate`: the preview's, which keeps
        what it read for the edits that follow."""
        self.make = make

    def files(self, hand_written: Callable[[str], bool], site_url: str, site_name: str,
              description: str) -> Iterator[GeneratedFile]:
        """The generated pages, their assets, then the published files (raises SiteConflict
        when `hand_written` says docs/ has a file at one of their addresses). The files are
        to be added as they come: the published ones are checked against the pages too."""
        assert self.site is not None and self.catalogue is not None, "start() first"
        site = self.site
        refuse_hand_written_pages(site.pages, hand_written)
        for src_uri, text in site.pages.items():
            yield GeneratedFile(src_uri, content=self.deferred.place_blocks(src_uri, text))
        for src_uri, path in site.assets.items():
            yield GeneratedFile(src_uri, path=Path(path))
        self.staged = stage_published_files(self.catalogue, site_url, site_name, description, hand_written)
        for path in self.staged.paths:
            yield GeneratedFile(path, path=self.staged.source(path))
        for path, text in self.staged.texts.items():
            yield GeneratedFile(path, content=text)
        self.staged.texts.clear()  # the builder holds them now
        self.jsonld = jsonld_by_page(self.catalogue, site_url, site_name)
        self.generated = frozenset(site.pages)
        self.site = self.catalogue = None  # the builder holds the pages now: less memory at the peak

    def is_generated(self, src_uri: str) -> bool:
        return src_uri in self.generated

    def hand_written_markdown(self, src_uri: str, url: str, markdown: str, meta: dict[str, Any],
                              site: Mapping[str, Any]) -> str:
        """A hand-written page's Markdown (`url`: its address), its variables filled in if it asks
        for them (raises PageTemplateError); a generated page never does, whatever it says."""
        if src_uri in self.generated or not asks_for_variables(meta):
            return markdown
        return render_page(markdown, page_context(self.variables, site, url), f"docs/{src_uri}")

    def finished_html(self, src_uri: str, html: str) -> str:
        """A generated page's HTML with its deferred parts put in (before other plugins)."""
        return self.deferred.restore(src_uri, html) if src_uri in self.generated else html

    def sanitized_html(self, src_uri: str, html: str) -> str:
        """A generated page's HTML once every plugin has changed it, sanitised."""
        return sanitize_html(html) if src_uri in self.generated else html

    def pages_changed(self, catalogue: Catalogue, added: Iterable[str], removed: Iterable[str],
                      rendered: Iterable[str], site_url: str, site_name: str) -> None:
        """After an edit shown page by page (the preview): the generated pages that came or went,
        the variables of the hand-written pages, and the JSON-LD of the pages rendered again."""
        gone = set(removed)
        self.generated = (self.generated | set(added)) - gone
        self.variables = page_variables(catalogue)
        for uri in gone:
            self.jsonld.pop(uri, None)
        self.jsonld.update(jsonld_by_page(catalogue, site_url, site_name, only=set(rendered)))

    def finish(self) -> None:
        if self.staged is not None:
            self.staged.remove()
            self.staged = None
        release_after_build()
