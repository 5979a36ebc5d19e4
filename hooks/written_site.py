"""MkDocs adapter for the site once written: the post-build steps that `centre-ressources finish`
also runs over another builder's output (centre_ressources/publish/finish.py): the theme's
markup corrected, a reproducible sitemap, the search index, then the Content-Security-Policy.

No policy under `mkdocs serve`, whose live reload injects an inline script; no Pagefind index in
the offline pack (its WebAssembly cannot load from file://) nor under serve."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from centre_ressources import build_order
from centre_ressources.publish.csp import bundle_styles
from centre_ressources.publish.finish import finish_page, finish_site
from centre_ressources.publish.search_index import SearchIndexError
from centre_ressources.publish.sitemap import SitemapRefused


@dataclass
class Run:
    serving: bool = False  # `mkdocs serve` rather than `build`
    # The pages finished as they were handed over (paths in the site), and the styles the
    # theme's script inserts, read from the site once its static files are copied.
    finished: set[str] = field(default_factory=set)
    scripted_styles: list[str] | None = None


run = Run()


def on_startup(command: str, dirty: bool) -> None:
    run.serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    run.finished.clear()
    run.scripted_styles = None


@event_priority(build_order.PAGE_FINISHED_LAST)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # MkDocs copies the theme's files before it builds the pages: its script is in the site.
    if run.scripted_styles is None and not run.serving:
        run.scripted_styles = bundle_styles(Path(config.site_dir))
    run.finished.add(page.file.dest_uri)
    return finish_page(output, None if run.serving else run.scripted_styles)


def _material_search(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/search")
    return bool(plugin and plugin.config.enabled)


@event_priority(build_order.CSP_AFTER_EVERY_WRITER)
def on_post_build(config: MkDocsConfig) -> None:
    try:
        finish_site(Path(config.site_dir), search_index=not run.serving and not _material_search(config),
                    policy=not run.serving, finished=run.finished)
    except (SearchIndexError, SitemapRefused) as error:
        raise PluginError(str(error)) from None
