"""The raw HTML a contributed Markdown text holds, read as Python-Markdown reads it.

Python-Markdown finds raw HTML with the standard library's `html.parser`; so do the checks
here, on the text with its code blanked out (code is shown, never read as HTML). Bare
addresses between angle brackets (`<https://exemple.org>`, `<nom@exemple.org>`) are
Markdown's automatic links, not tags: they are given apart, with their address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from centre_ressources.content.markdown_code import mask_code

# Elements that have no end tag (HTML's void elements).
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                           "source", "track", "wbr"})

_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")


@dataclass(frozen=True)
class Tag:
    """One piece of raw HTML: `kind` is "start", "end", "comment", "unclosed-comment",
    "declaration" (`<!…>`, `<?…>`) or "autolink" (whose `name` is then its address)."""

    kind: str
    name: str  # the tag's name in lower case
    attributes: tuple[tuple[str, str | None], ...]
    line: int  # 0-based, within the text
    self_closing: bool = False


def may_hold_html(lowered: str) -> bool:
    return "<" in lowered


def read_tags(text: str) -> list[Tag]:
    """Every tag, comment and automatic link of a Markdown text, in order, outside code."""
    visible = mask_code(text)
    tags: list[Tag] = []
    if "<" not in visible:
        return tags
    for match in _AUTOLINK.finditer(visible):
        tags.append(Tag("autolink", match.group(0)[1:-1], (), visible.count("\n", 0, match.start())))
    visible = _AUTOLINK.sub(lambda m: " " * len(m.group(0)), visible)
    reader = _Reader(tags)
    reader.feed(visible)
    reader.close()
    tags += _unclosed_comments(visible)
    tags.sort(key=lambda tag: tag.line)  # stable: the parser's order within a line is kept
    return tags


def _unclosed_comments(visible: str) -> list[Tag]:
    start = visible.find("<!--")
    while start >= 0:
        end = visible.find("-->", start + 4)
        if end < 0:
            return [Tag("unclosed-comment", "", (), visible.count("\n", 0, start))]
        start = visible.find("<!--", end + 3)
    return []


class _Reader(HTMLParser):
    def __init__(self, tags: list[Tag]):
        super().__init__(convert_charrefs=True)  # attribute values come unescaped (&#106; is j)
        self.tags = tags

    def _add(self, kind: str, name: str, attributes=(), self_closing: bool = False) -> None:
        self.tags.append(Tag(kind, name, tuple(attributes), self.getpos()[0] - 1, self_closing))

    def handle_starttag(self, tag, attrs):
        self._add("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._add("start", tag, attrs, self_closing=True)

    def handle_endtag(self, tag):
        self._add("end", tag)

    def handle_comment(self, data):
        self._add("comment", "")

    def handle_decl(self, decl):
        self._add("declaration", decl)

    def unknown_decl(self, data):
        self._add("declaration", data)

    def handle_pi(self, data):
        self._add("declaration", data)
