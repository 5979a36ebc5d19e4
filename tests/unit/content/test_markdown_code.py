"""What the checks skip as code is what Python-Markdown, with the site's extensions, shows as
code: generated mixes of fences (lengths, characters, indentation, quotes, lists, unclosed
ones) and of code spans (runs of backticks, escapes, raw HTML), each line or word marked, are
converted, and the marks found in code are those content/markdown_code.py says are code."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from centre_ressources.content.markdown_code import (
    code_lines,
    fenced_blocks,
    lines_outside_code,
    mask_code,
    unclosed_fence,
)
from centre_ressources.render.fragments import SITE_EXTENSIONS

_MARK = re.compile(r"zq[0-9]+x")


class _Reading(HTMLParser):
    """Each mark of a converted text, with what holds it: a fenced block (superfences' highlight
    div), an indented code block (a bare pre), a code span (code outside pre), or nothing."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "hr", "img", "input"):
            self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if any(tag == "div" and "highlight" in classes.split() for tag, classes in self.stack):
            kind = "fenced"
        elif any(tag == "pre" for tag, _ in self.stack):
            kind = "indented"
        elif any(tag == "code" for tag, _ in self.stack):
            kind = "span"
        else:
            kind = "text"
        for mark in _MARK.findall(data):
            self.found[mark] = kind


def read_by_markdown(text: str) -> dict[str, str]:
    reading = _Reading()
    reading.feed(markdown.markdown(text, extensions=list(SITE_EXTENSIONS)))
    reading.close()
    return reading.found


def _numbered(pieces: list[str]) -> str:
    counter = iter(range(10_000))
    return re.sub("MARK", lambda _: f"zq{next(counter)}x", "".join(pieces))


# --- Fences -------------------------------------------------------------------------------

_PREFIXES = ["", " ", "  ", "   ", "    ", "\t", "> ", ">> ", "> > ", "- ", "1. ", "    - "]
_FENCES = ["```", "````", "`````", "~~~", "~~~~", "```python", "~~~ text", "``` ", "```\t",
           "```{.x}", "``` a b", "````python", "`` `"]
_LINE = st.one_of(
    st.tuples(st.sampled_from(_PREFIXES), st.sampled_from(_FENCES)).map("".join),
    st.sampled_from(_PREFIXES).map(lambda prefix: f"{prefix}MARK du texte"),
    st.just(""),
    st.just("## Un titre MARK"),
    st.just("<div>MARK"),
    st.just("</div>"),
)
FENCE_MIXES = st.lists(_LINE, min_size=1, max_size=14).map(lambda lines: _numbered(["\n".join(lines)]))


def _marks_by_line(text: str) -> dict[str, int]:
    return {mark: number for number, line in enumerate(text.split("\n")) for mark in _MARK.findall(line)}


@settings(max_examples=400, deadline=None)
@given(FENCE_MIXES)
def test_the_lines_read_as_fenced_code_are_those_markdown_shows_in_a_fenced_block(text):
    by_markdown = read_by_markdown(text)
    in_code = code_lines(text)
    for mark, line in _marks_by_line(text).items():
        shown = by_markdown.get(mark, "text")
        if shown == "fenced":
            assert in_code[line], (mark, text)
        if in_code[line]:  # a fence inside an indented block stays code, unhighlighted
            assert shown in ("fenced", "indented"), (mark, shown, text)


@settings(max_examples=200, deadline=None)
@given(FENCE_MIXES)
def test_lines_outside_code_and_mask_code_say_the_same(text):
    lines = text.split("\n")
    flags = [is_text for _, is_text in lines_outside_code(lines)]
    assert flags == [not code for code in code_lines(text)]
    assert list(lines_outside_code(lines, text)) == list(lines_outside_code(lines))
    masked = mask_code(text).split("\n")
    assert len(masked) == len(lines)
    for line, is_text, shown in zip(lines, flags, masked, strict=True):
        assert len(shown) == len(line)
        if not is_text:
            assert not shown.strip()


def test_a_fence_closes_only_with_its_own_string_alone_on_its_line():
    assert fenced_blocks("```\n<div>\n````\n") == ()
    assert unclosed_fence("```\n<div>\n````\n") == 0
    assert fenced_blocks("````\n```\nx\n````\ny") == ((0, 4),)
    assert fenced_blocks("~~~\n```\n~~~") == ((0, 3),)
    assert fenced_blocks("```\nx\n```  \n") == ((0, 3),)
    assert unclosed_fence("```\nx\n``` fin\n") == 0


def test_a_fence_opens_indented_in_a_list_and_after_a_quote():
    assert fenced_blocks("- point\n\n    ```\n    <b>\n    ```\n") == ((2, 5),)
    assert fenced_blocks("> ```\n> <b>\n> ```\n") == ((0, 3),)
    # the content leaves the fence's indentation: no block, and the last fence opens another
    assert fenced_blocks("    ```\n<b>\n    ```\n") == ()
    assert unclosed_fence("    ```\n<b>\n    ```\n") == 2


# --- Code spans ---------------------------------------------------------------------------

_TOKENS = st.sampled_from(["`", "``", "```", "\\`", "\\\\`", "MARK", " MARK ", "<b>", "</b>", " ", "\n",
                           "\n\n", "\n- ", "\n> ", "\n<div>\n", "\n</div>\n", "|", "\n# ", "*"])
SPAN_MIXES = st.lists(_TOKENS, min_size=1, max_size=24).map(_numbered)


@settings(max_examples=400, deadline=None)
@given(SPAN_MIXES)
def test_the_words_blanked_as_code_spans_are_those_markdown_shows_as_code(text):
    by_markdown = read_by_markdown(text)
    masked = mask_code(text)
    assert len(masked) == len(text)
    for match in _MARK.finditer(text):
        blanked = not masked[match.start():match.end()].strip()
        shown = by_markdown.get(match.group(0), "text")
        assert blanked == (shown in ("span", "fenced")), (match.group(0), shown, text)


def test_a_backtick_escaped_or_in_raw_html_opens_no_code_span():
    assert mask_code("\\`<img src=x>` et `a`") == "\\`<img src=x>      a`"  # the span is « ` et ` »
    assert mask_code("<div>\n`<div>`\n</div>") == "<div>\n`<div>`\n</div>"
    assert mask_code("a `b\nc ` <i>x</i> `d`") == "a   \n    <i>x</i>    "
