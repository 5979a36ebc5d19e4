"""Contributed Markdown inside a generated page keeps only what content/contributed_markup.py allows.

Templates frame each contributed text between two markers (the `contributed` filter). This
extension then strips, before the table of contents, every id and heading attribute written in
it (`_StripIds`: a contributed heading's id comes from its text, in its own namespace), and, once
the page is HTML, passes the framed HTML through nh3 with the contributed allowlist
(`_Sanitise`). An unpaired marker means Markdown swallowed one: the page is refused."""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from xml.etree import ElementTree

import nh3
from markdown import Markdown
from markdown.extensions import Extension, toc
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from centre_ressources.content import contributed_markup as allowed
from centre_ressources.content.slugs import heading_slug
from centre_ressources.render.plain_text import without_private_use

OPEN, CLOSE = "\ue020", "\ue021"  # private-use characters: `check` refuses them in contributions
_OPEN_P, _CLOSE_P = f"<p>{OPEN}</p>", f"<p>{CLOSE}</p>"
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))


def frame(text: str) -> str:
    """A contributed Markdown text, as its own blocks of a page (on a line of the template's
    own), between the two markers."""
    text = without_private_use(text).strip("\n")
    if not text.strip():
        return ""
    return f"\n{OPEN}\n\n{text}\n\n{CLOSE}\n"


class UnpairedMarker(ValueError):
    """A contributed text's frame was lost by Markdown."""


def _is_marker(element: ElementTree.Element, marker: str) -> bool:
    return element.tag == "p" and element.text == marker and not len(element)


def _contributed(root: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """The elements of the page that a contributed text made (each between two markers)."""
    for parent in root.iter():
        inside = False
        for child in parent:
            if _is_marker(child, OPEN):
                inside = True
            elif _is_marker(child, CLOSE):
                inside = False
            elif inside:
                yield from child.iter()


class _Ids:
    """What the two tree passes of one conversion hand to its sanitising pass."""

    def __init__(self) -> None:
        self.of_headings: frozenset[str] = frozenset()  # the contributed headings', given by the toc


class _StripIds(Treeprocessor):
    """Before the table of contents: no id nor heading attribute of the contributor's own, and
    the page's own headings claim their ids first, so that no contributed heading can take the
    anchor of one (a section of the page, a published step) by coming before it."""

    def __init__(self, md: Markdown, whole: bool, ids: _Ids):
        super().__init__(md)
        self.whole, self.ids = whole, ids

    def run(self, root: ElementTree.Element) -> None:
        self.ids.of_headings = frozenset()
        contributed = list(root.iter() if self.whole else _contributed(root))
        for node in contributed:
            if node.tag in _HEADINGS:
                node.attrib.clear()
            else:
                node.attrib.pop("id", None)
        if contributed and not self.whole:
            _claim_page_headings(root, {id(node) for node in contributed}, self.md)


def _claim_page_headings(root: ElementTree.Element, contributed: set[int], md: Markdown) -> None:
    """Each heading of the page's own without an id gets the one the table of contents would
    give it (toc's own helpers, the site's slug rule)."""
    used = {node.attrib["id"] for node in root.iter() if node.attrib.get("id")}
    for node in root.iter():
        if node.tag in _HEADINGS and id(node) not in contributed and not node.attrib.get("id"):
            name = toc.strip_tags(toc.render_inner_html(toc.remove_fnrefs(node), md))
            node.attrib["id"] = _unique(heading_slug(html.unescape(name), "-"), used)


def _unique(slug: str, used: set[str]) -> str:
    """`slug`, numbered as the table of contents numbers a repeated one (« _1 », « _2 »)."""
    candidate, number = slug, 0
    while candidate in used:
        number += 1
        candidate = f"{slug}_{number}"
    used.add(candidate)
    return candidate


class _HeadingIds(Treeprocessor):
    """After the table of contents: the ids it gave the contributed headings, the only ids a
    contributed text's HTML keeps (raw HTML's `<h3 id="etape-1">` among the others goes)."""

    def __init__(self, md: Markdown, ids: _Ids):
        super().__init__(md)
        self.ids = ids

    def run(self, root: ElementTree.Element) -> None:
        self.ids.of_headings = frozenset(node.attrib["id"] for node in _contributed(root)
                                         if node.tag in _HEADINGS and node.attrib.get("id"))


class _Sanitise(Postprocessor):
    def __init__(self, md: Markdown, whole: bool, ids: _Ids):
        super().__init__(md)
        self.whole, self.ids = whole, ids

    def run(self, text: str) -> str:
        if self.whole:
            return sanitise(text)
        if OPEN not in text and CLOSE not in text:
            return text
        pieces: list[str] = []
        position = 0
        while True:
            start = text.find(_OPEN_P, position)
            if start < 0:
                break
            end = text.find(_CLOSE_P, start)
            if end < 0:
                raise UnpairedMarker("a contributed text has no end: Markdown swallowed its frame")
            pieces += [text[position:start], sanitise(text[start + len(_OPEN_P):end], self.ids.of_headings)]
            position = end + len(_CLOSE_P)
        pieces.append(text[position:])
        result = "".join(pieces)
        if OPEN in result or CLOSE in result:
            raise UnpairedMarker("a contributed text's frame was split by Markdown")
        return result


_HEADING_IDS: ContextVar[frozenset[str]] = ContextVar("contributed_heading_ids", default=frozenset())


def _filter(tag: str, attribute: str, value: str) -> str | None:
    """What nh3's lists cannot say: which ids, which classes (none left: no empty attribute),
    which image addresses."""
    if attribute == "id":  # only the ids the table of contents gave the text's headings
        return value if tag in _HEADINGS and value in _HEADING_IDS.get() and allowed.is_heading_id(value) else None
    if attribute == "class":
        return " ".join(name for name in value.split() if name in allowed.CLASSES.get(tag, ())) or None
    if attribute in {"href", "src"} and tag == "img" and _is_remote(value):
        return None  # an image from another host would tell it of every visit
    return value


def _is_remote(url: str) -> bool:
    # a backslash reads as a slash (`\\hôte/../x.png`); the check refuses any, the build keeps none
    return "\\" in url or allowed.loads_from_elsewhere(url)


@cache
def _cleaner() -> nh3.Cleaner:
    attributes = {tag: set(names) for tag, names in allowed.ATTRIBUTES.items()}
    return nh3.Cleaner(
        tags=set(allowed.TAGS),
        attributes=attributes,
        allowed_classes={tag: set(names) for tag, names in allowed.CLASSES.items()},
        url_schemes=set(allowed.URL_SCHEMES),
        filter_style_properties=set(allowed.STYLE_PROPERTIES),
        attribute_filter=_filter,
        link_rel=None,
        strip_comments=True,
    )


def sanitise(text: str, heading_ids: frozenset[str] = frozenset()) -> str:
    """A contributed text's HTML, with nothing but what the contributed allowlist permits;
    `heading_ids`: the ids its headings may keep."""
    token = _HEADING_IDS.set(heading_ids)
    try:
        return _cleaner().clean(text)
    finally:
        _HEADING_IDS.reset(token)


class ContributedExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"whole": [False, "the whole text is contributed (no markers)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        whole = bool(self.getConfig("whole"))
        ids = _Ids()
        # after attr_list (8), before toc (5): toc then names each heading from its text
        md.treeprocessors.register(_StripIds(md, whole, ids), "centre_ressources_contributed_ids", 6)
        # after toc (5), before unescape (0): the ids toc gave
        md.treeprocessors.register(_HeadingIds(md, ids), "centre_ressources_contributed_heading_ids", 4)
        # after raw_html (30) and amp_substitute (20): the page's final HTML
        md.postprocessors.register(_Sanitise(md, whole, ids), "centre_ressources_contributed_html", 5)


def makeExtension(**kwargs) -> ContributedExtension:  # noqa: N802  (Python-Markdown's name)
    return ContributedExtension(**kwargs)
