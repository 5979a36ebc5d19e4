"""Where code sits in a Markdown text: the one rule for fenced blocks (``` or ~~~) that the
section splitter, the link checker and the glossary links share. Code is an example, never
a heading, a link to check nor a place for a glossary link."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

FENCE = re.compile(r"^\s*(```|~~~)")


def lines_outside_code(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each line with whether it is text (True) or a fence or code inside one (False)."""
    in_fence = False
    for line in lines:
        if FENCE.match(line):
            in_fence = not in_fence
            yield line, False
        else:
            yield line, not in_fence


def holds_fence(text: str) -> bool:
    """Whether `text` may hold a fenced block. When it does not, every line of it is text,
    and a caller can skip `lines_outside_code`, a Python step per line, for a text of
    hundreds of lines read several times by a build (benchmarks/LISEZMOI.md)."""
    return "```" in text or "~~~" in text
