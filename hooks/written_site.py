"""MkDocs adapter for the site once written: a reproducible sitemap, then the
Content-Security-Policy of every page (centre_ressources/publish/sitemap.py and csp.py).

The events, in the order they run:
- on_startup: whether this is `mkdocs serve`, whose live reload injects an inline script into
  every page, which a policy computed at build time would block: no policy under serve.
- on_post_build (default priority): the compressed sitemap written again without the date.
- on_post_build (build_order.CSP_AFTER_EVERY_WRITER): the <meta> policy, on the final HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority

from centre_ressources import build_order
from centre_ressources.publish.csp import write_policies
from centre_ressources.publish.sitemap import rewrite_compressed


@dataclass
class Run:
    serving: bool = False  # `mkdocs serve` rather than `build`


run = Run()


def on_startup(command: str, dirty: bool) -> None:
    run.serving = command == "serve"


def _reproducible_sitemap(config: MkDocsConfig) -> None:
    rewrite_compressed(Path(config.site_dir))


@event_priority(build_order.CSP_AFTER_EVERY_WRITER)
def _content_security_policy(config: MkDocsConfig) -> None:
    if not run.serving:
        write_policies(Path(config.site_dir))


on_post_build = CombinedEvent(_reproducible_sitemap, _content_security_policy)
