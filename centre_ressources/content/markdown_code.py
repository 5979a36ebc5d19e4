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
