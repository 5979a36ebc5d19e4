"""A contributor's plain text (a title, a name) in a page's Markdown reads back as exactly that
text, wherever it is placed, whatever it holds (render/plain_text.py)."""

from __future__ import annotations

import html

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from centre_ressources.render.fragments import SITE_EXTENSIONS
from centre_ressources.render.plain_text import html_text, markdown_text

MARKUP = "\\`*_{}[]()#+-.!|<>&:=~ #{: .x }[a](b)<b>1. -"


def _converted(line: str) -> str:
    reader = markdown.Markdown(extensions=[*SITE_EXTENSIONS, "toc"])
    return reader.convert(line)


def _text_of(converted: str, tag: str) -> str:
    assert converted.startswith(f"<{tag}") and converted.endswith(f"</{tag}>"), converted
    inner = converted[converted.index(">") + 1:-len(f"</{tag}>")]
    assert "<" not in inner, converted  # no element made from the text
    return html.unescape(inner)


def test_markup_characters_show_as_written():
    for text in ("Le *diagnostic* {: #planificateur .atelier-ajout }", "1. Une phase", "- un tiret",
                 "> une citation", "C# et F#", "a | b", "<script>alert(1)</script>", "[x](javascript:y)"):
        assert _text_of(_converted("## " + markdown_text(text)), "h2") == text
        assert _text_of(_converted(markdown_text(text)), "p") == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(MARKUP + "abcé "), min_size=1).filter(lambda t: t.strip()))
def test_any_mix_of_markup_reads_back_as_text_in_a_heading_and_a_paragraph(text):
    expected = " ".join(text.split())
    assert _text_of(_converted("## " + markdown_text(text)), "h2") == expected
    assert _text_of(_converted(markdown_text(text)), "p") == expected


def test_html_text_escapes_what_html_reads():
    assert html_text("a <b> & c\nd") == "a &lt;b&gt; &amp; c d"
