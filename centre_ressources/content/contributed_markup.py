"""What the HTML of a contributed text may hold: tags, attributes, classes, link schemes, ids.

One allowlist, read by the check that tells contributors what is refused
(checks/unsafe_markup.py) and by the build, which keeps nothing else (render/contributed.py).
Two levels: raw HTML a contributor writes (`RAW_ATTRIBUTES`: no id, class, style nor data-),
and HTML converted from Markdown (`ATTRIBUTES`, `CLASSES`), which adds what its extensions write."""

from __future__ import annotations

import re

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
    "wbr",
})

# What a contributor may write in raw HTML, by tag ("*": any tag). `markdown` is md_in_html's
# switch, which Markdown consumes and never writes out.
RAW_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"title", "lang", "dir", "markdown"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
}

# What the converted HTML may hold besides: a table cell's alignment (style="text-align: …"),
# a heading's id (made from its text by the table of contents, see `is_heading_id`).
ATTRIBUTES: dict[str, frozenset[str]] = {
    **RAW_ATTRIBUTES,
    "*": RAW_ATTRIBUTES["*"] - {"markdown"},
    "td": RAW_ATTRIBUTES["td"] | {"align", "style"},
    "th": RAW_ATTRIBUTES["th"] | {"align", "style"},
    **{f"h{level}": frozenset({"id"}) for level in range(1, 7)},
}
STYLE_PROPERTIES = frozenset({"text-align"})

# Material for MkDocs' kinds of admonitions and collapsible blocks (`!!! note`, `??? tip`).
ADMONITION_TYPES = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail",
    "missing", "danger", "error", "bug", "example", "quote", "cite",
})


def _code_classes() -> frozenset[str]:
    """The classes of highlighted code (Pygments' token names, as pymdownx.superfences writes them)."""
    try:
        from pygments.token import STANDARD_TYPES
    except ImportError:  # no highlighting: code is written without classes
        return frozenset()
    return frozenset(name for name in STANDARD_TYPES.values() if name)


# Classes the converted HTML may hold, by tag: an admonition's, highlighted code's, a heading's
# permalink (the table of contents').
CLASSES: dict[str, frozenset[str]] = {
    "a": frozenset({"headerlink"}),
    "div": frozenset({"admonition", "highlight"}) | ADMONITION_TYPES,
    "p": frozenset({"admonition-title"}),
    "details": ADMONITION_TYPES,
    "span": _code_classes(),
}

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# What a browser strips around an address: C0 controls and the space (WHATWG URL).
_AROUND = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def as_browser_reads(address: str) -> str:
    """An address as a browser's URL parser reads it: controls and spaces around it dropped,
    tabs and line ends inside removed, and a backslash read as a slash, as in every http(s)
    address (`\\\\autre.example/x` is `//autre.example/x`, another host)."""
    return _TAB_OR_NEWLINE.sub("", address.strip(_AROUND)).replace("\\", "/")


def loads_from_elsewhere(address: str) -> bool:
    """Whether a file at this address (an image's `src`) would come from anywhere but the site
    itself: only a relative path stays on it; a scheme (any « x: » before the first « / ») or a
    leading « // » leaves it. (Character references are the caller's to decode.)"""
    read = as_browser_reads(address)
    return read.startswith("//") or ":" in read.split("/", 1)[0]


# An id made from a heading's text: lower-case ASCII words joined by single hyphens, maybe
# numbered (« _1 ») when a page has the same heading twice. Never with a leading underscore
# (Material's own ids: __drawer, __search…) nor a double hyphen (`SITE_ID_PREFIX`).
_HEADING_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")

# The ids the site's scripts and forms use start with this: no heading of a content can take
# them, since an id made from a heading never holds two hyphens in a row.
SITE_ID_PREFIX = "cr--"


def is_heading_id(value: str) -> bool:
    """Whether `value` is an id a heading of a contributed text may carry."""
    return _HEADING_ID.fullmatch(value) is not None
