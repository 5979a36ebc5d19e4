"""MkDocs adapter for the site once written: a reproducible sitemap, the search index, then the
Content-Security-Policy of every page (centre_ressources/publish/sitemap.py, search_index.py, csp.py).

The events, in the order they run:
- on_startup: whether this is `mkdocs serve`, whose live reload injects an inline script into
  every page, which a policy computed at build time would block: no policy under serve.
- on_post_build (default priority): the compressed sitemap written again without the date.
- on_post_build (build_order.SEARCH_INDEX_BEFORE_CSP): the Pagefind index, unless Material's
  search plugin is on (the offline pack only: Pagefind's WebAssembly cannot load from file://).
  Not under serve: the preview's search says so in French (docs/assets/javascripts/recherche.js).
- on_post_build (build_order.CSP_AFTER_EVERY_WRITER): the <meta> policy, on the final HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from centre_ressources import build_order
from centre_ressources.publish.csp import write_policies
from centre_ressources.publish.search_index import SearchIndexError, index_site
from centre_ressources.publish.sitemap import rewrite_compressed


@dataclass
class Run:
    serving: bool = False  # `mkdocs serve` rather than `build`


run = Run()


def on_startup(command: str, dirty: bool) -> None:
    run.serving = command == "serve"


def _reproducible_sitemap(config: MkDocsConfig) -> None:
    rewrite_compressed(Path(config.site_dir))


def _material_search(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/search")
    return bool(plugin and plugin.config.enabled)


@event_priority(build_order.SEARCH_INDEX_BEFORE_CSP)
def _search_index(config: MkDocsConfig) -> None:
    if run.serving or _material_search(config):
        return
    try:
        index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


@event_priority(build_order.CSP_AFTER_EVERY_WRITER)
def _content_security_policy(config: MkDocsConfig) -> None:
    if not run.serving:
        write_policies(Path(config.site_dir))


on_post_build = CombinedEvent(_reproducible_sitemap, _search_index, _content_security_policy)
