"""Where code sits in a Markdown text: the one rule for fenced blocks (``` or ~~~) that the
section splitter, the link checker and the glossary links share. Code is an example, never
a heading, a link to check nor a place for a glossary link."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import repeat

FENCE = re.compile(r"^\s*(```|~~~)")


def lines_outside_code(lines: Iterable[str], text: str | None = None) -> Iterator[tuple[str, bool]]:
    """Each line with whether it is text (True) or a fence or code inside one (False).

    `text`, when the caller has it, is a text that holds all those lines (the page they were
    split from): without any fence in it, every line is text, and the lines are given without
    a Python step each, for texts of hundreds of lines read several times by a build
    (benchmarks/LISEZMOI.md)."""
    if text is not None and "```" not in text and "~~~" not in text:
        return zip(lines, repeat(True))
    return _tracked(lines)


def _tracked(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    in_fence = False
    for line in lines:
        if FENCE.match(line):
            in_fence = not in_fence
            yield line, False
        else:
            yield line, not in_fence


_CODE = re.compile(r"^(?P<fence>```|~~~).*?^(?P=fence)[^\n]*$|`[^`\n]+`", re.M | re.S)


def mask_code(text: str) -> str:
    """Blank out code blocks and code spans (keeping offsets and lines): a link or a tag shown
    as code is an example, not a link nor a tag."""
    if "`" not in text and "~~~" not in text:
        return text
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
