"""Where each generated page lives: its source path (src_uri) in the MkDocs file tree.

These paths fix the public URLs (with directory URLs, `fiches/x.md` is served at
`/fiches/x/`), so they are a promise to everyone who links to the site: change none.
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
APPROACH = "demarche/index.md"
SHEETS = "fiches/index.md"
CASES = "etudes-de-cas/index.md"
LESSONS = "enseignements/index.md"
CONTRIBUTE = "contribuer.md"
ABOUT = "a-propos.md"


def phase_page(slug: str) -> str:
    return f"demarche/{slug}.md"


def sheet_page(slug: str) -> str:
    return f"fiches/{slug}.md"


def case_page(slug: str) -> str:
    # A folder per case so that images written beside index.md keep their relative links.
    return f"etudes-de-cas/{slug}/index.md"


def case_asset(slug: str, filename: str) -> str:
    return f"etudes-de-cas/{slug}/{filename}"


def public_url(src_uri: str) -> str:
    """The URL path a page is served at: `fiches/x.md` -> `fiches/x/`."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = path.removesuffix("index")
    else:
        path += "/"
    return path


def relative(from_src: str, to_src: str, anchor: str = "") -> str:
    """A Markdown link from one page source to another, which MkDocs then resolves and checks."""
    link = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return f"{link}#{anchor}" if anchor else link
