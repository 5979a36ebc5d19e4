"""A contributor's plain text (a title, a name) written into a page's Markdown or HTML as text.

Every character Markdown or one of its extensions would read (emphasis, links, attribute
lists, tables) is escaped with a backslash, and `&` and `<` become entities: the text shows
as written and can start nothing. `html_text` does the same for HTML text.
"""

from __future__ import annotations

import re

# The characters Python-Markdown (with the site's extensions) reads anywhere in a line: emphasis,
# code, links, attribute lists, a heading's closing hashes, a table's cells. Each is escaped with
# a backslash, which Python-Markdown accepts before exactly these (Markdown.ESCAPED_CHARS).
_INLINE = re.compile(r"([\\`*_{}\[\]#|])")
# What starts a block at the beginning of a line: a list, a quote, a rule, a definition. Its
# mark is written as a character reference, which Markdown shows and never reads as a mark.
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+>=~:])")


def _reference(mark: re.Match) -> str:
    number, after, sign = mark.groups()
    return f"{number}&#{ord(after)};" if number else f"&#{ord(sign)};"


# The private-use characters: the build marks parts of its pages with some of them (check
# refuses them in contributions); a contributed text never carries one into a page.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def without_private_use(text: str) -> str:
    return _PRIVATE_USE.sub("", text) if _PRIVATE_USE.search(text) else text


def html_text(text: object) -> str:
    """`text` as HTML text, on one line (quotes are left as they are: not in an attribute)."""
    value = " ".join(without_private_use(str(text)).split())
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markdown_text(text: object) -> str:
    """`text` as Markdown that reads back as exactly this text, on one line, wherever it is put."""
    value = " ".join(without_private_use(str(text)).split())
    value = _INLINE.sub(r"\\\1", value.replace("&", "&amp;").replace("<", "&lt;"))
    return _LINE_START.sub(_reference, value)
