"""MkDocs adapter: rewrite `sitemap.xml.gz` so that it does not carry the build date (see
`centre_ressources/publish/sitemap.py`). The <lastmod> dates themselves come from the theme's
sitemap template (docs/overrides/sitemap.xml).

on_post_build: MkDocs has written both sitemap files by then. Default priority.
"""

from __future__ import annotations

from pathlib import Path

from centre_ressources.publish.sitemap import compress


def on_post_build(config) -> None:
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if sitemap.is_file():
        (sitemap.parent / "sitemap.xml.gz").write_bytes(compress(sitemap.read_text(encoding="utf-8")))
