"""A contributor's plain text (a title, a name) written into a page's Markdown or HTML as text.

Every character Markdown or one of its extensions would read (emphasis, links, attribute
lists, tables) is escaped with a backslash, and `&` and `<` become entities: the text shows
as written and can start nothing. `html_text` does the same for HTML text.
"""

from __future__ import annotations

import re

# Python-Markdown's escapable characters with the site's extensions (markdown.Markdown.ESCAPED_CHARS,
# `|` added by tables): a backslash before any other character is kept as a backslash.
_ESCAPABLE = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def html_text(text: object) -> str:
    """`text` as HTML text, on one line (quotes are left as they are: not in an attribute)."""
    return " ".join(str(text).split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markdown_text(text: object) -> str:
    """`text` as Markdown that reads back as exactly this text, on one line."""
    value = " ".join(str(text).split())
    value = value.replace("&", "&amp;").replace("<", "&lt;")
    return _ESCAPABLE.sub(r"\\\1", value)
