"""The parts of a generated page written as HTML by its template, kept recognisable in the
page's Markdown until the page is handed over.

`{% filter html_block %}` frames a part with two private-use characters, each on its own line;
the glossary linker and the preview read them. `as_markdown` turns each into a raw HTML block
(tests and `check`); `place_blocks` leaves it to `DeferredParts` (deferred.py), so Markdown never
reads it. A part holds no heading: headings stay Markdown, for the table of contents.
"""

from __future__ import annotations

import re
from collections.abc import Callable

BLOCK_OPEN, BLOCK_CLOSE = "\ue010", "\ue011"
_BLOCK = re.compile(f"{BLOCK_OPEN}\n(.*?)\n{BLOCK_CLOSE}", re.DOTALL)


def html_block(content: str) -> str:
    """A part of a page, already HTML, framed for the steps above."""
    content = content.strip()
    if not content:
        return "\n"
    return f"\n{BLOCK_OPEN}\n{content}\n{BLOCK_CLOSE}\n\n"


def as_markdown(text: str) -> str:
    """The page with its HTML parts as raw HTML blocks."""
    if BLOCK_OPEN not in text:
        return text
    return _BLOCK.sub(lambda match: match[1], text)


def place_blocks(text: str, place: Callable[[str], str]) -> str:
    """The page with each HTML part replaced by what `place(html)` returns (a placeholder)."""
    if BLOCK_OPEN not in text:
        return text
    return _BLOCK.sub(lambda match: place(match[1]).strip(), text)


def html_regions(text: str) -> list[tuple[bool, str]]:
    """Cut a page into (is an HTML part, chunk) pieces, frames included; joined, they give it.
    The frames are found with `str.find`, as `_BLOCK` would find them: the regex's lazy scan
    of every part is the slow way on every page (benchmarks/LISEZMOI.md)."""
    pieces: list[tuple[bool, str]] = []
    position = 0
    opening, closing = f"{BLOCK_OPEN}\n", f"\n{BLOCK_CLOSE}"
    at = text.find(opening)
    while at >= 0:
        end = text.find(closing, at + len(opening))
        if end < 0:
            break
        end += len(closing)
        if at > position:
            pieces.append((False, text[position:at]))
        pieces.append((True, text[at:end]))
        position = end
        at = text.find(opening, end)
    if position < len(text):
        pieces.append((False, text[position:]))
    return pieces
