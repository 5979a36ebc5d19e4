"""The hand-written pages that ask for macros (`render_macros: true`), rendered at export as
mkdocs-macros renders them in a build: the same Jinja2 text, the same names (`config`, `page`,
and every `extra` value by its own name). The exported page is plain Markdown, which any
builder reads; the other pages are copied as they are (macros are opt-in per page).
"""

from __future__ import annotations

import re
from typing import Any

import jinja2

from centre_ressources.errors import SiteConflict

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
_OPT_IN = re.compile(r"^render_macros:\s*true\s*\n", re.M)


class _Namespace(dict):
    """A dict whose missing keys are None, as MkDocs' configuration answers them."""

    def __getattr__(self, name: str) -> Any:
        return self.get(name)


def _page_url(src_uri: str) -> str:
    """The page's address with directory URLs (`contribuer.md` -> `contribuer/`)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def render_macro_page(markdown: str, src_uri: str, config: dict[str, Any]) -> str:
    header = _FRONT_MATTER.match(markdown)
    if header is None or not _OPT_IN.search(header.group(1)):
        return markdown
    body = markdown[header.end():]
    environment = jinja2.Environment(keep_trailing_newline=True)
    context = {**config.get("extra", {}),
               "config": _Namespace({**config, "extra": _Namespace(config.get("extra", {}))}),
               "page": _Namespace(url=_page_url(src_uri), file=_Namespace(src_uri=src_uri))}
    try:
        rendered = environment.from_string(body).render(context)
    except jinja2.TemplateError as error:
        raise SiteConflict(f"docs/{src_uri} : la page n'a pas pu être préparée ({error}).") from None
    return "---\n" + _OPT_IN.sub("", header.group(1)) + "---\n" + rendered
