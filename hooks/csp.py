"""MkDocs adapter: write a Content-Security-Policy <meta> into every HTML file of the built
site (see `centre_ressources/publish/csp.py` for the policy and why it is a <meta>).

on_post_build, priority -100 (last): the hashes must be computed on the final text of each
page, after every other hook or plugin has written or changed HTML files.
Not under `mkdocs serve`: its live reload injects an inline script into every page at serve
time, which a policy computed at build time would block. The published build always has it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from centre_ressources.publish.csp import with_policy

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-100)
def on_post_build(config) -> None:
    if _serving:
        return
    for path in sorted(Path(config.site_dir).rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        path.write_text(with_policy(html), encoding="utf-8")
