"""The hand-written pages that ask for variables (`render_macros: true`), rendered at export as
the build renders them (render/hand_written.py): the exported page is plain Markdown, which any
builder reads; the other pages are copied as they are.
"""

from __future__ import annotations

from typing import Any

from centre_ressources.errors import SiteConflict
from centre_ressources.render.front_matter import split_front_matter
from centre_ressources.render.hand_written import (
    SWITCH,
    PageTemplateError,
    asks_for_variables,
    page_context,
    page_url,
    render_page,
)


def render_macro_page(markdown: str, src_uri: str, config: dict[str, Any], variables: dict[str, Any]) -> str:
    if not markdown.startswith("---\n"):
        return markdown
    meta, body = split_front_matter(markdown)
    if not asks_for_variables(meta):
        return markdown
    try:
        rendered = render_page(body, page_context(variables, config, page_url(src_uri)), f"docs/{src_uri}")
    except PageTemplateError as error:
        raise SiteConflict(str(error)) from None
    header = markdown[:len(markdown) - len(body)]
    return "".join(line for line in header.splitlines(keepends=True) if not line.startswith(f"{SWITCH}:")) + rendered
