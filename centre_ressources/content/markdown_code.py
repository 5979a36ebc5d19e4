"""Where code sits in a Markdown text, as the site's Markdown reads it, for the section splitter,
the checks and the glossary links alike: code is an example, never a heading, link or tag.

Both kinds are found by the libraries that make them, never by rules of our own: fenced blocks
by pymdownx.superfences' own preprocessor (a fence never closed is no code), code spans by
Python-Markdown converting the text with marks on each run of backticks. Indented code is read
as text, so a check reads more than is published, never less."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from itertools import repeat
from typing import Any
from xml.etree import ElementTree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

# The Markdown extensions of mkdocs.yml but `toc` and the site's own (render/contributed.py):
# the site's reading of a text, shared by content (code), render (fragments) and checks
# (anchors); tests/unit/render/test_fragments.py holds it to mkdocs.yml.
SITE_EXTENSIONS = ("abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables",
                   "pymdownx.details", "pymdownx.superfences")

_BACKTICKS = re.compile(r"`+")


class _Followed(list):
    """The lines, handed to superfences one by one, noting where the fence still open when
    they run out was opened."""

    def __init__(self, lines: list[str], finder: Any):
        super().__init__(lines)
        self.finder = finder
        self.opened_at: int | None = None

    def __iter__(self):
        for index, line in enumerate(list.__iter__(self)):
            was_open = self.finder.fence is not None
            yield line
            if not was_open and self.finder.fence is not None:
                self.opened_at = index


@cache
def _finder() -> Any:
    """superfences' own preprocessor, configured by it, that records each block (its lines)
    instead of highlighting and stashing it. (Imported when a text has a fence: few do.)"""
    from pymdownx.superfences import SuperFencesBlockPreprocessor

    class FenceFinder(SuperFencesBlockPreprocessor):
        blocks: list[tuple[int, int]] = []

        def process_nested_block(self, ws, content, start, end):
            if self.formatter is not None:  # a block superfences writes out as code
                self.blocks.append((start, end))
            self.clear()

    md = Markdown(extensions=["attr_list", "pymdownx.superfences"])
    registered: Any = md.preprocessors["fenced_code_block"]
    finder = FenceFinder(md)
    finder.config = registered.config
    finder.extension = registered.extension
    return finder


# Each check reads the same text in turn: a few of the last texts read are kept.
@lru_cache(maxsize=64)
def _read_fences(text: str) -> tuple[tuple[tuple[int, int], ...], int | None]:
    finder = _finder()
    finder.blocks = []
    lines = _Followed(_as_superfences_reads(text), finder)
    finder.run(lines)
    unclosed = lines.opened_at if finder.fence is not None else None
    return tuple(finder.blocks), unclosed


def fenced_blocks(text: str) -> tuple[tuple[int, int], ...]:
    """The fenced code blocks of a text, each as its 0-based lines [start, end): from its opening
    fence to its closing one, both included."""
    if "```" not in text and "~~~" not in text:
        return ()
    return _read_fences(text)[0]


def unclosed_fence(text: str) -> int | None:
    """The 0-based line of a fence opened and never closed (Markdown shows what follows as
    text), or None."""
    if "```" not in text and "~~~" not in text:
        return None
    return _read_fences(text)[1]


def code_lines(text: str) -> list[bool]:
    """For each line of `text`, whether it belongs to a fenced code block (its fences included)."""
    in_code = [False] * (text.count("\n") + 1)
    for start, end in fenced_blocks(text):
        in_code[start:end] = [True] * (end - start)
    return in_code


def lines_outside_code(lines: Iterable[str], text: str | None = None) -> Iterator[tuple[str, bool]]:
    """Each line with whether it is text (True) or a fence or code inside one (False).

    `text`, when the caller has it, is a text that holds all those lines (the page they were
    split from): without any fence in it, every line is text, and the lines are given without
    a Python step each, for texts of hundreds of lines read several times by a build
    (benchmarks/LISEZMOI.md)."""
    if text is not None and "```" not in text and "~~~" not in text:
        return zip(lines, repeat(True))
    lines = list(lines)
    return zip(lines, [not code for code in code_lines("\n".join(lines))], strict=True)


def mask_code(text: str) -> str:
    """Blank out fenced blocks and code spans (keeping offsets and lines): a link or a tag shown
    as code is an example, not a link nor a tag."""
    if "`" not in text and "~~~" not in text:
        return text
    visible = mask_fences(text)
    if "`" not in visible:
        return visible
    pieces, position = [], 0
    for start, end in code_spans(text, visible):
        pieces += [visible[position:start], _BLANK.sub(" ", visible[start:end])]
        position = end
    pieces.append(visible[position:])
    return "".join(pieces)


_BLANK = re.compile(r"[^\n]")
# A run of backticks is followed by U+F0000, its number in digits, U+F0001: private-use
# characters, which `check` refuses in a contributed text, and which change nothing to how
# Markdown reads the blocks and the backticks around them.
_MARK_OPEN, _MARK_CLOSE = "\U000f0000", "\U000f0001"
_MARK = re.compile(f"{_MARK_OPEN}([0-9]+){_MARK_CLOSE}")


def code_spans(text: str, outside_fences: str | None = None) -> list[tuple[int, int]]:
    """The code spans of a text, as offsets [start, end), backticks included, in order.
    `outside_fences`: the text with its fenced blocks blanked (mask_code has it)."""
    visible = outside_fences if outside_fences is not None else mask_fences(text)
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(visible)]
    if len(runs) < 2:
        return []
    return list(_spans(text, tuple(runs)))


def mask_fences(text: str) -> str:
    """The text with its fenced blocks blanked out (offsets and lines kept)."""
    blocks = fenced_blocks(text)
    if not blocks:
        return text
    lines = text.split("\n")
    for start, end in blocks:
        lines[start:end] = [_BLANK.sub(" ", line) for line in lines[start:end]]
    return "\n".join(lines)


@lru_cache(maxsize=64)
def _spans(text: str, runs: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    marked, position = [], 0
    for number, (_, end) in enumerate(runs):
        marked += [text[position:end], f"{_MARK_OPEN}{number}{_MARK_CLOSE}"]
        position = end
    marked.append(text[position:])
    reader, spans = _span_reader()
    reader.reset()
    spans.found = []
    reader.convert("".join(marked))
    found = []
    for numbers in spans.found:  # the runs whose marks a code element holds: its first opens it
        first, last = min(numbers), max(numbers) + 1  # the run after the last mark inside closes it
        if last < len(runs):
            found.append((runs[first][0], runs[last][1]))
    return tuple(found)


class _CodeSpans(Treeprocessor):
    """The marks each code element of the converted text holds (once inline code is made)."""

    found: list[list[int]] = []

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter("code"):
            numbers = [int(number) for number in _MARK.findall(element.text or "")]
            if numbers:
                self.found.append(numbers)


@cache
def _span_reader() -> tuple[Markdown, _CodeSpans]:
    reader = Markdown(extensions=list(SITE_EXTENSIONS))
    spans = _CodeSpans(reader)
    reader.treeprocessors.register(spans, "centre_ressources_code_spans", 1)
    return reader, spans


def _as_superfences_reads(text: str) -> list[str]:
    """The lines as superfences gets them from Python-Markdown (normalize_whitespace): tabs
    expanded, lines of spaces emptied. (A carriage return, which `check` refuses anyway, is
    dropped, so that the lines stay the text's.)"""
    lines = text.replace("\r", "").expandtabs(4).split("\n")
    return ["" if not line.strip(" ") else line for line in lines]
