"""MkDocs adapter for the site once written: the post-build steps of the core, the same that
`centre-ressources finish` runs over another builder's output (centre_ressources/publish/finish.py:
the theme's markup corrected, a reproducible sitemap, the search index, then the
Content-Security-Policy).

The events, in the order they run:
- on_startup: whether this is `mkdocs serve`, whose live reload injects an inline script into
  every page, which a policy computed at build time would block: no policy under serve.
- on_post_build (build_order.CSP_AFTER_EVERY_WRITER): every step, on the final HTML. The
  generated pages were sanitised as they were converted (hooks/content.py): none to list here.
  The Pagefind index is left out when Material's search plugin is on (the offline pack only:
  Pagefind's WebAssembly cannot load from file://), and under serve: the preview's search says
  so in French (docs/assets/javascripts/recherche.js).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from centre_ressources import build_order
from centre_ressources.publish.finish import finish_site
from centre_ressources.publish.search_index import SearchIndexError


@dataclass
class Run:
    serving: bool = False  # `mkdocs serve` rather than `build`


run = Run()


def on_startup(command: str, dirty: bool) -> None:
    run.serving = command == "serve"


def _material_search(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/search")
    return bool(plugin and plugin.config.enabled)


@event_priority(build_order.CSP_AFTER_EVERY_WRITER)
def on_post_build(config: MkDocsConfig) -> None:
    try:
        finish_site(Path(config.site_dir), search_index=not run.serving and not _material_search(config),
                    policy=not run.serving)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
