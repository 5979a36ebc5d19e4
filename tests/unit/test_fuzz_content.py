"""Property-based fuzzing of the content reading (Hypothesis): whatever a contributor writes,
the core answers with records or with French errors located at file and line, never with a
traceback; and no script reaches a page.

Two levels:
- `parse_document` on a generated file (front matter and body): a SourceDocument, or a
  FrontMatterError located at line 1 or further;
- the whole pipeline (`generate`) on a copy of the mini fixture whose sheet alpha is rewritten
  for each example (its front matter mutated, its body mixed with HTML and Markdown traps):
  records and pages, or ContentErrors each located at a file and a line; and when the pages
  are made, neither their Markdown nor its HTML once sanitised carries script.

Budget, profiles and how to run more examples: tests/unit/conftest.py (FUZZ_EXEMPLES=2000, or
--hypothesis-profile=long).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from centre_ressources import urls
from centre_ressources.content.frontmatter import FrontMatterError, SourceDocument, normalise_text, parse_document
from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import generate
from centre_ressources.publish.sanitize import sanitize_html
from support.project import FIXTURES, copy_project

SHEET = "methods/alpha.md"
SHEET_PAGE = urls.sheet_page("alpha")
SHEET_TEXT = (FIXTURES / "mini" / SHEET).read_text(encoding="utf-8")
_HEAD, _BODY = SHEET_TEXT.removeprefix("---\n").split("\n---\n", 1)
SHEET_DATA = yaml.safe_load(_HEAD)
SHEET_SECTIONS = re.split(r"(?m)^(?=## )", _BODY)
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "tables", "def_list", "admonition"]


def note(kind: str) -> None:
    """What an example gave, in the statistics (--hypothesis-show-statistics); the plain tests
    below call the same helpers outside Hypothesis."""
    if currently_in_test_context():
        event(kind)


def examples(count: int) -> int:
    """`count` in the normal run; the long profile's number (FUZZ_EXEMPLES) when it is chosen."""
    if settings.get_current_profile_name() == "long":
        return settings.default.max_examples
    return count


def fuzz_settings(count: int) -> settings:
    return settings(max_examples=examples(count), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large, HealthCheck.large_base_example])


# --- Text: unicode of every kind, without NUL (a file never holds one in a text editor) -----

ODD_CHARACTERS = [
    "\u202e", "\u202d", "\u200f", "\u200e", "\u061c", "\u2066", "\u2069",  # bidi controls
    "עברית", "العربية", "ܣܘܪܝܝܐ",  # right-to-left scripts
    "\u00a0", "\u202f", "\u2007", "\u3000", "\u200b", "\u2060",  # non-breaking and zero-width spaces
    "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "′", "″",  # curly quotes
    "🙂", "👩‍👩‍👧", "🏳️‍🌈", "🇫🇷", "\U0001f600", "\ufe0f",  # emoji, ZWJ sequences, flags
    "e\u0301", "\u0301", "ﬁ", "Å", "ǅ", "ß", "İ", "ı", "K", "ſ",  # combining, ligatures, case traps
    "\t", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f",  # control characters
    "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\ufffd", "\U0010ffff",  # line separators, non-characters
    "\r", "\r\n", "\\", '"', "'", "`", "#", ":", "- ", "? ", "|", ">", "&", "*", "!", "%", "@", "{", "}", "[", "]",
]
CHARACTER = st.one_of(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
                      st.sampled_from(ODD_CHARACTERS))
TEXT = st.lists(CHARACTER, max_size=24).map("".join)
LONG_TEXT = st.builds(lambda piece, times: piece * times, st.lists(CHARACTER, min_size=1, max_size=8).map("".join),
                      st.integers(100, 2000))
WORD = st.sampled_from(["atelier", "Fiche", "groupe", "été", "ça", "x", "Œuvre", "naïve", "l'équipe", "2 h"])


# --- YAML front matter ---------------------------------------------------------------------

ODD_PLAIN = [
    "yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "y", "n", "true", "False", "TRUE",
    "null", "Null", "NULL", "~", "", "0", "-0", "007", "0o17", "0x1F", "0b101", "1_000", "+1", "1e3", "1E-3", ".5",
    "+.inf", "-.Inf", ".NaN", "12:30:45", "190:20:30", "99999999999999999999999999", "-1e400", "1.7976931348623157e309",
    "2026-01-15", "2025-02-30", "2025-13-01", "0000-00-00", "2024-02-29", "2023-02-29", "2026-1-5",
    "2026-01-15T10:00:00Z",
    "2026-01-15 25:61:61", "9999-12-31T23:59:60", "2026-01-15T10:00:00+99:00", "-2026-01-15", "20260115",
    "=", "<<", "-", "?", ":", "!", "&", "*", "|", ">", "%", "@x", "`x", "#", "---", "...", ",", "a: b", "a #b",
    "- a", "[a", "{a", "'a", '"a', "a'b", "a\"b", "http://x.example/?a=1#b", "C:\\dossier", "\\n",
]
TAGS = [
    "!!python/object/apply:os.system", "!!python/name:os.system", "!!python/object:builtins.dict", "!!python/tuple",
    "!!python/none", "!<tag:yaml.org,2002:python/str>", "!local", "!", "!ma_balise", "!!str", "!!int", "!!float",
    "!!bool", "!!null", "!!binary", "!!timestamp", "!!set", "!!omap", "!!pairs", "!!seq", "!!map", "!!merge",
    "!!value", "!<!>", "!<tag:example.org,2000:x>", "!e!x", "!!",
]
KEY = st.one_of(
    st.sampled_from(["titre", "duree", "phase", "a", "b", "c", "yes", "on", "~", "null", "1", "2026-01-15", "<<",
                     "é", "ключ", "مفتاح", "🙂", "clé avec espaces", '"titre"', "'titre'", "? a", "[a, b]", "{a: 1}",
                     "*a", "&a k", "!local k", "a:b", " a", "a ", "#a", "-a", "\u202etitre"]),
    TEXT)
ANCHOR = st.sampled_from(["a", "b", "ancre", "é", "x" * 40])


def single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def double_quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" if ord(c) < 0x10000 else c
                         for c in escaped) + '"'


@st.composite
def scalar(draw) -> str:
    """A scalar written inline, in one of YAML's styles (or a broken one)."""
    value = draw(st.one_of(st.sampled_from(ODD_PLAIN), TEXT, st.integers().map(str),
                           st.floats().map(repr), st.dates().map(str), WORD))
    style = draw(st.sampled_from(["plain", "plain", "single", "double", "raw-double", "long"]))
    if style == "single":
        return single_quoted(value)
    if style == "double":
        return double_quoted(value)
    if style == "raw-double":  # escapes YAML may refuse: \q, \x4, \U0011FFFF
        return '"' + value + draw(st.sampled_from(["", "\\q", "\\x4", "\\U0011FFFF", "\\N\\_\\L\\P", "\\"])) + '"'
    if style == "long":
        return draw(LONG_TEXT).replace("\n", " ")
    return value.replace("\n", " ")


@st.composite
def decorated(draw, inline: str) -> str:
    """A tag or an anchor before an inline value, sometimes."""
    prefix = draw(st.sampled_from(["", "", "", "tag", "anchor", "both"]))
    if prefix in ("tag", "both"):
        inline = f"{draw(st.sampled_from(TAGS))} {inline}"
    if prefix in ("anchor", "both"):
        inline = f"&{draw(ANCHOR)} {inline}"
    return inline


@st.composite
def flow(draw, depth: int) -> str:
    """A flow collection: [a, b], {a: b, c: [d]}, sometimes unclosed."""
    items = draw(st.lists(inline_value(depth + 1), max_size=4))
    if draw(st.booleans()):
        body = ", ".join(items)
        opening, closing = "[", "]"
    else:
        keys = draw(st.lists(KEY, min_size=len(items), max_size=len(items)))
        body = ", ".join(f"{k}: {v}" for k, v in zip(keys, items, strict=True))
        opening, closing = "{", "}"
    closing = draw(st.sampled_from([closing, closing, closing, "", ",", closing + closing]))
    return opening + body + closing


@st.composite
def inline_value(draw, depth: int = 0) -> str:
    choices = ["scalar"] * 7 + ["alias"] + (["flow", "flow"] if depth < 2 else [])
    kind = draw(st.sampled_from(choices))
    if kind == "alias":
        return f"*{draw(ANCHOR)}"
    if kind == "flow":
        return draw(decorated(draw(flow(depth))))
    return draw(decorated(draw(scalar())))


@st.composite
def block_scalar(draw, indent: int) -> list[str]:
    header = draw(st.sampled_from(["|", ">", "|-", ">+", "|2", ">-1", "|+", "|9", "| #note", "|x"]))
    lines = draw(st.lists(st.one_of(TEXT, WORD, st.just("")), min_size=0, max_size=4))
    shift = draw(st.sampled_from([2, 2, 2, 0, 1, 4]))
    return [header] + [" " * (indent + shift) + line.replace("\n", " ") for line in lines]


@st.composite
def mapping_lines(draw, indent: int, depth: int) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(0 if depth else 1, 4))):
        key = draw(KEY).replace("\n", " ")
        lines += entry_lines(draw, f"{' ' * indent}{key}:", indent, depth)
    if draw(st.integers(0, 19)) == 0:  # a merge key
        lines.append(f"{' ' * indent}<<: *{draw(ANCHOR)}")
    return lines


@st.composite
def sequence_lines(draw, indent: int, depth: int) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        lines += entry_lines(draw, f"{' ' * indent}-", indent, depth)
    return lines


def entry_lines(draw, lead: str, indent: int, depth: int) -> list[str]:
    """A mapping entry or a sequence item: its value inline, a block scalar, or a nested block."""
    kinds = ["inline", "inline", "block-scalar"] + (["mapping", "sequence"] if depth < 3 else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "inline":
        return [f"{lead} {draw(inline_value())}"]
    if kind == "block-scalar":
        header, *rest = draw(block_scalar(indent))
        return [f"{lead} {header}"] + rest
    shift = draw(st.sampled_from([2, 2, 2, 4, 1, 0]))  # 1 and 0 are bad indentation, sometimes
    decoration = draw(st.sampled_from(["", "", "", f" &{draw(ANCHOR)}", f" {draw(st.sampled_from(TAGS))}"]))
    strategy = mapping_lines if kind == "mapping" else sequence_lines
    return [f"{lead}{decoration}"] + draw(strategy(indent + shift, depth + 1))


RAW_LINES = st.sampled_from([
    "titre: deux: points", "- orpheline", "? clé complexe", ": valeur", "[non fermé", "{a: 1", "'non fermé",
    '"échappement \\q"', "%YAML 1.1", "%TAG ! tag:example.org,2000:", "--- ", "...", "&ancre", "*inconnu",
    "titre: @réservé", "titre: `accent grave", "\t- tabulation", "\ttitre: A", "titre: A # commentaire",
    "titre: |", "  texte", "<<: *a", "<<: [*a, *b]", "a: &a [1, 2]", "b: *a", "a: &a {x: 1}", "c: *a",
    "titre: A", "titre: B", "duree: 90", "duree: 90", "   mal: indenté", " - décalé", "clé sans valeur",
    "titre: !!python/object/apply:os.system ['true']", "!local : x", "? - a", "- - - a", "a: - b",
    "titre: \"multi", "  ligne\"", "a: >", "b: 'x'y'", "a: [b, c]]", "a: {b: c}}", "=: x", "titre:A",
])


@st.composite
def mutated_lines(draw, lines: list[str]) -> list[str]:
    """A few line-level accidents: a duplicated line, a line indented off, a tab, a raw line."""
    lines = list(lines)
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["duplicate", "indent", "dedent", "tab", "raw", "delete"]))
        where = draw(st.integers(0, len(lines)))
        if kind == "raw" or not lines:
            lines.insert(where, draw(RAW_LINES))
            continue
        where = min(where, len(lines) - 1)
        if kind == "duplicate":
            lines.insert(where, lines[where])
        elif kind == "indent":
            lines[where] = " " * draw(st.integers(1, 5)) + lines[where]
        elif kind == "dedent":
            lines[where] = lines[where].lstrip(" ")
        elif kind == "tab":
            lines[where] = "\t" + lines[where]
        else:
            del lines[where]
    return lines


@st.composite
def front_matter(draw) -> str:
    lines = draw(mapping_lines(0, 0))
    return "\n".join(draw(mutated_lines(lines)))


# --- Markdown bodies ---------------------------------------------------------------------

HTML_TRAPS = [
    "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "< script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</script>", "<svg><script>alert(1)</script></svg>", "<script\n>alert(1)</script>",
    "<img src=x onerror=alert(1)>", '<img src="x" ONERROR = "alert(1)">', "<img/onerror=alert(1) src=x>",
    "<svg onload=alert(1)>", "<body onload=alert(1)>", '<a href="#" onclick="alert(1)">x</a>',
    '<div onmouseover="alert(1)" markdown="1">x</div>', "<details open ontoggle=alert(1)>",
    '<iframe src="https://evil.example"></iframe>', "<object data=x.swf></object>", "<embed src=x.swf>",
    "<frameset><frame src=x></frameset>", "<style>body{background:url(https://evil.example/x.png)}</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">', '<meta http-equiv="refresh" content="0;url=x">',
    '<base href="https://evil.example/">', '<form action="https://evil.example"><input></form>',
    '<a href="javascript:alert(1)">x</a>', "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))",
    "[x](java\tscript:alert(1))", "[x]( javascript:alert(1))", "[x](&#106;avascript:alert(1))",
    '<a href="&#x6A;avascript:alert(1)">x</a>', '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="jav&#10;ascript:alert(1)">x</a>', '<a href="&#0000106&#0000097vascript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>', "[x](vbscript:msgbox(1))", "<javascript:alert(1)>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "[x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    "![x](https://evil.example/x.png)", '<img src="//evil.example/x.png">', "![x](HTTPS://EVIL.example/x.png)",
    '<img src="&#47;&#47;evil.example/x.png">', '<img src="\\\\evil.example/x.png">', "![x](<https://evil.example/x.png>)",
    '<img srcset="a.png 1x, https://evil.example/x.png 2x">', '<p style="background:url(//evil.example/x)">x</p>',
    '<video poster="https://evil.example/x.png"></video>', "![x][distante]\n\n[distante]: https://evil.example/x.png",
    "Paragraphe\n{: onclick=\"alert(1)\" }", "## Titre {: onmouseover=alert(1) }", "Texte\n{: #id .classe }",
    '[x](page.md){: onclick="alert(1)" }', "Texte\n{: href=\"javascript:alert(1)\" }",
    '![x](a.png){: onerror=alert(1) }',
    "Texte\n{: style=\"background:url(//evil.example/x)\" }", "[x][1]\n\n[1]: javascript:alert(1)",
    "[x][1]\n\n[1]: <javascript:alert(1)> \"titre\"", "[x][inconnue]", "[x]: https://example.org",
    "```\n<script>alert(1)</script>\n```", "~~~html\n<img src=x onerror=alert(1)>\n~~~", "```\nnon fermé",
    "    <script>alert(1)</script>", "`<script>`", "`javascript:`", "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;", "<!-- <script>alert(1)</script> -->", "<![CDATA[<script>]]>",
    "<div markdown=\"1\">[x](javascript:alert(1))</div>", '<div markdown="1">\n\n*texte*\n\n</div>',
    "!!! note \"<script>alert(1)</script>\"\n    texte", '!!! note "Titre"\n    [x](java&#115;cript:alert(1))',
    "| a | b |\n| --- | --- |\n| <img src=x onerror=alert(1)> | x |", "Terme\n:   définition <b onclick=x>",
    "# Titre", "###### Petit titre {#ancre}", "## Quand l'utiliser", "#", "Titre\n=====", "Titre\n-----",
    "{{ config }}", "{% include 'x' %}", "{#", "[[lien]]", "<https://example.org>", "[x](https://example.org)",
    "[x](#ancre)", "[x](beta.md)", "[x](inexistante.md)", "[x](../etudes-de-cas/vallee-exemple/index.md#x)",
    "![image](image.png)", "<b>gras</b>", "<span lang=\"ar\" dir=\"rtl\">العربية</span>", "<", ">", "&", "&amp;",
    "<a href=\"https://example.org\" target=_blank>x</a>", "<img src=\"a.png\" alt=\"\">", "*", "**", "_", "\\",
]
WHITESPACE_TRAPS = ["\t", "\n", " ", "&#x09;", "&#10;", "&Tab;", "&NewLine;", "\u00ad", "\u200b", "\x0b", "\x0c"]


@st.composite
def mutated_trap(draw) -> str:
    """An HTML or Markdown trap, sometimes altered: case flipped, a space, an entity or an
    invisible character slipped in, as one would to get past a filter."""
    trap = draw(st.sampled_from(HTML_TRAPS))
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(st.sampled_from(["case", "insert", "entity"]))
        where = draw(st.integers(0, len(trap)))
        if kind == "case":
            trap = trap[:where] + trap[where:].swapcase()
        elif kind == "insert":
            trap = trap[:where] + draw(st.sampled_from(WHITESPACE_TRAPS)) + trap[where:]
        elif where < len(trap) and trap[where].isascii():
            trap = trap[:where] + draw(st.sampled_from([f"&#{ord(trap[where])};", f"&#x{ord(trap[where]):x};"])) \
                + trap[where + 1:]
    return trap


FRAGMENT = st.one_of(mutated_trap(), mutated_trap(), TEXT, WORD,
                     st.builds(lambda a, b: f"{a} {b}", WORD, mutated_trap()))


@st.composite
def markdown_body(draw, drop_sections: bool = True) -> str:
    """The sheet's own sections, each with generated fragments mixed in (the required sections
    stay, but for one left out now and then, so that the sheet has a chance to pass and its
    page to be made)."""
    sections = []
    for section in SHEET_SECTIONS:
        fragments = draw(st.lists(FRAGMENT, max_size=2))
        if drop_sections and draw(st.integers(0, 30)) == 0:
            continue
        sections.append(section + "".join(f"\n{fragment}\n" for fragment in fragments))
    return "\n".join(sections)


# --- (a) parse_document --------------------------------------------------------------------

def check_parsed(text: str) -> SourceDocument | None:
    text = normalise_text(text)  # as read_text gives it
    try:
        doc = parse_document(text, SHEET)
    except FrontMatterError as exc:
        error = exc.error
        note("refusé : " + error.message[:40])
        assert error.path == SHEET
        assert error.line >= 1 and error.column >= 1, error
        assert error.line <= text.count("\n") + 2, (error, text.count("\n") + 1)
        assert error.message.strip()
        return None
    note("lu")
    assert isinstance(doc, SourceDocument) and isinstance(doc.data, dict)
    assert _plain(doc.data), doc.data  # plain data only: no YAML node, no object of a tag
    assert doc.body_line >= 2
    for path in _field_paths(doc.data, ()):
        line, column = doc.location(path)
        assert 1 <= line <= text.count("\n") + 1 and column >= 1, (path, line, column)
    return doc


def _plain(value) -> bool:
    if isinstance(value, dict):
        return all(_plain(key) and _plain(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_plain(item) for item in value)
    return value is None or isinstance(value, (str, int, float, bool))


def _field_paths(value, path):
    if isinstance(value, dict):
        for key, item in value.items():
            yield path + (key,)
            yield from _field_paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield path + (index,)
            yield from _field_paths(item, path + (index,))


@fuzz_settings(150)
@given(head=front_matter(), body=st.one_of(st.just(""), markdown_body(), TEXT))
def test_generated_front_matter_is_read_or_refused_at_a_line(head, body):
    check_parsed(f"---\n{head}\n---\n{body}")


@fuzz_settings(100)
@given(lines=st.lists(st.one_of(RAW_LINES, TEXT, st.sampled_from(["---", "", " ---", "--- #", "﻿---"])), max_size=8),
       opening=st.sampled_from(["---\n", "---\n", "---\n", "---\r\n", "\ufeff---\n", "--- \n", "", " ---\n"]),
       closing=st.sampled_from(["\n---\n", "\n---\n", "\n---\n", "\r\n---\r\n", "\n--- \n", "", "\n...\n"]),
       body=st.one_of(st.just(""), TEXT))
def test_any_text_is_read_or_refused_at_a_line(lines, opening, closing, body):
    check_parsed(opening + "\n".join(lines) + closing + body)


# --- (b) the whole pipeline ------------------------------------------------------------------

@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory) -> Path:
    """One copy of the mini fixture for the module; each example rewrites its sheet alpha."""
    root = copy_project(tmp_path_factory.mktemp("fuzz") / "project", content="mini")
    _, site = generate(root)
    baseline = {uri: page for uri, page in site.pages.items() if isinstance(page, str)}
    for uri, page in baseline.items():  # the pages as they are have none of what is looked for
        assert not unsafe_in_markdown(page), (uri, unsafe_in_markdown(page))
    BASELINE.clear()
    BASELINE.update(baseline)
    return root


BASELINE: dict[str, str] = {}  # the pages of the mini fixture as it is, by src_uri


SCRIPT_TAG = re.compile(r"<script", re.I)
EVENT_ATTRIBUTE = re.compile(r"\son[a-z]+\s*=", re.I | re.A)  # onclick=, onerror = …
JAVASCRIPT = re.compile(r"javascript:", re.I)


_CODE_ELEMENT = re.compile(r"<code\b[^>]*>.*?</code>", re.S)


def unsafe_in_markdown(page: str) -> list[str]:
    """What a page's Markdown holds of script, event attributes or javascript: links, but in what
    Python-Markdown shows as code (an example written `<script>` is text on the page)."""
    converted = markdown.markdown(_without_meta(page), extensions=[*MARKDOWN_EXTENSIONS, "pymdownx.superfences"])
    outside_code = _CODE_ELEMENT.sub("", converted)
    return [pattern.pattern for pattern in (SCRIPT_TAG, EVENT_ATTRIBUTE, JAVASCRIPT) if pattern.search(outside_code)]


class _Elements(HTMLParser):
    """Every element and attribute of an HTML text, entities decoded (as a browser reads them)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))

    handle_startendtag = handle_starttag


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset"}
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "style", "link", "meta", "base"}


def _browser_url(value: str) -> str:
    """A URL as a browser reads it: outer spaces and controls dropped, tabs and line ends inside
    removed (WHATWG URL parsing), in lower case."""
    value = value.strip("".join(chr(c) for c in range(0x21)))
    return re.sub(r"[\t\n\r]", "", value).lower()


def unsafe_in_html(text: str) -> list[str]:
    found = []
    if SCRIPT_TAG.search(text):
        found.append("<script")
    parser = _Elements()
    parser.feed(text)
    parser.close()
    for tag, attributes in parser.found:
        if tag in DANGEROUS_TAGS:
            found.append(f"<{tag}>")
        for name, value in attributes:
            if name.startswith("on"):
                found.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value and re.match(r"(java|vb)script:|data:", _browser_url(value)):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def remote_in_html(text: str) -> list[str]:
    """The files a browser would load from another host: <img src=//host…>, https://host…;
    a backslash reads as a slash in a web address."""
    parser = _Elements()
    parser.feed(text)
    parser.close()
    found = []
    for tag, attributes in parser.found:
        for name, value in attributes:
            if name in {"src", "srcset", "poster", "data", "background"} and value:
                url = _browser_url(value).replace("\\", "/")
                if re.search(r"(^|[\s,])([a-z][a-z0-9+.-]*:)?//", url):
                    found.append(f"<{tag} {name}={value!r}>")
    return found


def _without_meta(page: str) -> str:
    if page.startswith("---\n"):
        end = page.find("\n---\n", 4)
        if end != -1:
            return page[end + 5:]
    return page


def write_sheet(root: Path, text: str) -> None:
    (root / SHEET).write_text(text, encoding="utf-8", newline="")


def run_pipeline(root: Path):
    """The catalogue and site, or None with every error located at a file and a line."""
    try:
        return generate(root)
    except ContentErrors as found:
        assert found.errors
        note("erreurs : " + found.errors[0].message[:40])
        for error in found.errors:
            assert error.path and isinstance(error.path, str), error
            assert (root / error.path).exists() or error.path.startswith(("phases", "methods")), error
            assert error.line >= 1 and error.column >= 1, error
            assert error.message.strip(), error
        return None


def changed_pages(site) -> dict[str, str]:
    """The pages the generated sheet changed (its own, the lists, the sheets that link to it)."""
    return {uri: page for uri, page in site.pages.items() if isinstance(page, str) and page != BASELINE.get(uri)}


def check_pages(root: Path, result) -> dict[str, str]:
    if result is None:
        return {}
    _, site = result
    note("pages faites")
    assert SHEET_PAGE in site.pages
    pages = changed_pages(site)
    for uri, page in pages.items():
        assert not unsafe_in_markdown(page), (uri, unsafe_in_markdown(page))
        cleaned = sanitize_html(markdown.markdown(_without_meta(page), extensions=MARKDOWN_EXTENSIONS))
        assert not unsafe_in_html(cleaned), (uri, unsafe_in_html(cleaned))
    return pages


JSON_SCALAR = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-10, 1000), st.floats(), TEXT, LONG_TEXT, WORD,
    st.sampled_from(ODD_PLAIN), st.dates(), st.datetimes(), st.just(10 ** 30), st.just(-(2 ** 64)),
)
JSON_VALUE = st.recursive(JSON_SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(TEXT, WORD, st.integers(), st.booleans()), inner,
                                                 max_size=4)), max_leaves=12)
TEXT_FIELDS = [("titre",), ("en_bref",), ("objectifs", 0), ("participants", "roles", 0), ("materiel", 0),
               ("deroule", 0, "titre"), ("deroule", 1, "consignes"), ("livrables", 0)]


def _set(data: dict, path: tuple, value) -> None:
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _copy(value):
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


@st.composite
def mutated_sheet_head(draw) -> str:
    """The sheet's front matter with fields replaced, removed or added, written by PyYAML in
    one style or another, then sometimes broken line by line or given generated YAML."""
    data = _copy(SHEET_DATA)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["replace", "replace", "nested", "delete", "add"]))
        if kind == "nested":
            path = draw(st.sampled_from(TEXT_FIELDS + [("participants", "min"), ("deroule", 0, "duree")]))
            try:
                _set(data, path, draw(JSON_VALUE))
            except (KeyError, IndexError, TypeError):  # its parent was replaced or removed just before
                pass
            continue
        key = draw(st.sampled_from(sorted(SHEET_DATA)))
        if kind == "replace":
            data[key] = draw(JSON_VALUE)
        elif kind == "delete":
            data.pop(key, None)
        else:
            data[draw(st.one_of(TEXT, WORD))] = draw(JSON_VALUE)
    style = draw(st.sampled_from([False, True, None]))
    text = yaml.safe_dump(data, allow_unicode=draw(st.booleans()), default_flow_style=style, sort_keys=False,
                          width=draw(st.sampled_from([80, 20, 10 ** 6])))
    lines = text.rstrip("\n").split("\n")
    if draw(st.integers(0, 2)) == 0:
        lines = draw(mutated_lines(lines))
    if draw(st.integers(0, 3)) == 0:  # one field written by the YAML generator of level (a)
        where = draw(st.integers(0, len(lines)))
        lines[where:where] = draw(mapping_lines(0, 1))
    return "\n".join(lines)


@fuzz_settings(120)
@given(head=mutated_sheet_head(), body=st.one_of(st.just(_BODY), markdown_body()))
def test_a_mutated_sheet_gives_records_or_located_errors(fuzz_root, head, body):
    write_sheet(fuzz_root, f"---\n{head}\n---\n{body}")
    check_pages(fuzz_root, run_pipeline(fuzz_root))


BENIGN = st.one_of(TEXT, WORD, st.sampled_from(["**gras**", "[beta](beta.md)", "- un point", "> citation", ""]))


@st.composite
def sheet_with_traps(draw) -> str:
    """A valid sheet with one or two traps in it (in a text of its front matter or in its body),
    the rest benign: a trap the checks miss then reaches the pages."""
    data = _copy(SHEET_DATA)
    sections = [section + "".join(f"\n{piece}\n" for piece in draw(st.lists(BENIGN, max_size=2)))
                for section in SHEET_SECTIONS]
    for _ in range(draw(st.integers(1, 2))):
        trap = draw(mutated_trap())
        if draw(st.integers(0, 3)) == 0:  # long enough for every text field (en_bref: 20 characters at least)
            _set(data, draw(st.sampled_from(TEXT_FIELDS)), "Un texte assez long, puis : " + trap.replace("\n", " "))
        else:
            where = draw(st.integers(0, len(sections) - 1))
            sections[where] += f"\n{trap}\n"
    head = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10 ** 6)
    return f"---\n{head}---\n" + "\n".join(sections)


@fuzz_settings(250)
@given(text=sheet_with_traps())
def test_no_script_nor_remote_file_reaches_a_page(fuzz_root, text):
    """No script, and no picture or medium from another host (refused by remote_resources.py),
    in a page the generated sheet changed, neither in its Markdown nor in its sanitised HTML."""
    write_sheet(fuzz_root, text)
    for uri, page in check_pages(fuzz_root, run_pipeline(fuzz_root)).items():
        cleaned = sanitize_html(markdown.markdown(_without_meta(page), extensions=MARKDOWN_EXTENSIONS))
        assert not remote_in_html(cleaned), (uri, remote_in_html(cleaned))


# --- What the fuzzer found: each minimal example, kept as a plain test ---------------------

@pytest.mark.parametrize("value", [
    "!!timestamp x",  # PyYAML's timestamp constructor: AttributeError ('NoneType' … 'groupdict')
    "!!bool x",  # KeyError 'x'
    "!!int",  # an empty value: IndexError
    '"\\U0011FFFF"',  # an escape beyond Unicode: ValueError (chr() arg not in range)
])
def test_a_value_the_yaml_constructors_choke_on_is_refused_at_its_line(value):
    check_parsed(f"---\ntitre: Titre\nmise_a_jour: {value}\n---\n")


@pytest.mark.parametrize("value", ["!!str [a, b]", "!!str {a: b}"])
def test_a_text_tag_on_a_block_gives_plain_data(value):
    """The quick reading kept the YAML nodes themselves as the value (the walker does not)."""
    check_parsed(f"---\nmateriel: {value}\n---\n")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_unicode_line_separator_does_not_shift_the_lines(separator):
    """YAML counts U+2028, U+2029 and U+0085 as line ends, the file's lines do not: an error
    after one was reported lines further down (past the end of a short file)."""
    with pytest.raises(FrontMatterError) as caught:
        parse_document(f"---\ntitre: a{separator}{separator}{separator}b\nduree: [\n---\n", SHEET)
    assert caught.value.error.line in (2, 3), caught.value.error


def test_the_fuzz_helpers_see_what_they_look_for():
    assert unsafe_in_markdown('<SCRIPT>x</SCRIPT> <img src=x onerror=a> [x](JavaScript:a)') == [
        SCRIPT_TAG.pattern, EVENT_ATTRIBUTE.pattern, JAVASCRIPT.pattern]
    assert unsafe_in_markdown("`<script>` et `onclick=`, puis\n\n```\n<script>x</script>\n```\n") == []
    assert unsafe_in_html('<a href="java&#x09;script:alert(1)">x</a>') == ["<a href='java\\tscript:alert(1)'>"]
    assert unsafe_in_html('<p>javascript: en texte, onclick= en texte</p>') == []
    assert remote_in_html('<img src="&#47;&#47;evil.example/x.png">') == ["<img src='//evil.example/x.png'>"]
    assert remote_in_html('<img src="\\\\evil.example/x.png">')
    assert not remote_in_html('<img src="../image.png">')
