"""The characters each published format can hold, whatever string a writer is handed.

`check` refuses control, surrogate and private-use characters in contributions; the writers do
not rely on it: each cleans what it writes, so that a string that reached it some other way
(a new field, a builder's value, a fixture) cannot make a file ill-formed.
"""

from __future__ import annotations

import re

# What XML 1.0 forbids (outside its Char production: C0 controls but tab and line breaks,
# surrogates, U+FFFE and U+FFFF), and what it discourages that no text needs (DEL, C1
# controls, the noncharacters): HTML's parser flags the same ones. The other planes'
# noncharacters (U+1FFFE, U+1FFFF, ...) are looked for among the rare characters past U+1FFFD.
_NOT_MARKUP_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_LATE_PLANES = re.compile("[\U0001fffe-\U0010ffff]")
# Any of those, in one class: one search for the texts (nearly all) that hold none.
_SUSPECT = re.compile(_NOT_MARKUP_TEXT.pattern[:-1] + _LATE_PLANES.pattern[1:])
# The controls that Python's str.split() counts as white space (vertical tab, form feed,
# information separators, next line): a space, not nothing, so that words stay apart.
_SPACE_CONTROLS = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` without the characters an XML or HTML document cannot (or should not) hold, nor
    a CSV cell: control characters but tab and line breaks (those that separate words become
    a space), surrogates, noncharacters. Escaping `<`, `&` and quotes is the serializer's job."""
    if _SUSPECT.search(text) is None:
        return text
    text = _NOT_MARKUP_TEXT.sub("", _SPACE_CONTROLS.sub(" ", text))
    return _LATE_PLANES.sub(_without_noncharacter, text)


def _without_noncharacter(match: re.Match[str]) -> str:
    return "" if ord(match[0]) & 0xFFFE == 0xFFFE else match[0]


def one_line(text: str) -> str:
    """`text` on one line: every run of white space (line and paragraph separators, vertical
    tab, form feed, information separators included) becomes one space."""
    return " ".join(text.split())


def clean_line(text: str) -> str:
    """`text` cleaned, on one line: a title, a summary, a CSV cell."""
    return one_line(clean_text(text))


def encodable(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD, so that it encodes as UTF-8.

    `json.dumps(ensure_ascii=False)` passes a lone surrogate through as it is, and the file
    could then not be written."""
    return _SURROGATE.sub("\ufffd", text)
