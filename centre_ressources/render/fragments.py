"""The contributors' short texts of a structured page (list items, table cells, a step's
instructions) turned into HTML by the core, for the parts of a page written as HTML.

Python-Markdown walks every text node once per inline pattern, so the structure the core knows
is written as HTML and only the texts need a Markdown reader. A text with no character or line
Markdown reads (`_MARKUP`, `_BLOCK_START`) converts to itself; any other goes through
Python-Markdown with the site's extensions (tests/unit/render/test_fragments.py holds the two equal)."""

from __future__ import annotations

import posixpath
import re
from functools import cache
from urllib.parse import urlsplit
from xml.etree import ElementTree

import markdown
from markdown.treeprocessors import Treeprocessor

from centre_ressources import urls
from centre_ressources.content.markdown_code import SITE_EXTENSIONS
from centre_ressources.render.contributed import ContributedExtension
from centre_ressources.render.pictures.markup import Html
from centre_ressources.render.plain_text import without_private_use

# Characters that inline Markdown, HTML or an attribute list can read, and a hard line break.
_MARKUP = re.compile(r"[\\`*_\[\]!<>&{}]| {2,}\n|\t")
# Lines that can open a block: indentation, a list, a heading, a quote, a table, a definition,
# a rule or a setext underline, an admonition, a fenced block.
_BLOCK_START = re.compile(r"^(?:[ \t]|[-+*#>|:=~]|\d+[.)]|\?\?\?|!!!)", re.MULTILINE)


def _is_plain(text: str) -> bool:
    return _MARKUP.search(text) is None and _BLOCK_START.search(text) is None


def inline_html(text: str, page_uri: str) -> Html:
    """A one-paragraph text (a list item, a cell, a sentence) as inline HTML."""
    text = without_private_use(text).strip()
    if _is_plain(text) and "\n\n" not in text:
        return Html(text)
    converted = _convert(text, page_uri)
    if converted.startswith("<p>") and converted.endswith("</p>") and converted.count("<p>") == 1:
        return Html(converted[3:-4])
    return Html(converted)


def block_html(text: str, page_uri: str) -> Html:
    """A text of one or more paragraphs (or lists, or anything Markdown) as HTML blocks."""
    text = without_private_use(text).strip()
    if not text:
        return Html("")
    if _is_plain(text):
        paragraphs = (p.strip() for p in re.split(r"\n[ \t]*\n", text))
        return Html("\n".join(f"<p>{p}</p>" for p in paragraphs if p))
    return Html(_convert(text, page_uri))


def _convert(text: str, page_uri: str) -> str:
    reader, links = _reader()
    reader.reset()
    links.page_uri = page_uri
    return reader.convert(text)


class _PageLinks(Treeprocessor):
    """Relative links to a page's Markdown file or to a file of the site, written from the page's
    source as contributors do (« ../fiches/x.md »), rewritten to the page's served address, as
    MkDocs does for the Markdown it converts itself; the core has checked them before."""

    page_uri = ""  # the page being converted, set before each conversion

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            attribute = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            if attribute is None or not element.get(attribute):
                continue
            element.set(attribute, served_link(self.page_uri, element.get(attribute, "")))


def served_link(page_uri: str, target: str) -> str:
    """`target`, written in the source of `page_uri`, as a link from the page's address."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("/", "#")) or not parts.path:
        return target
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), parts.path))
    return urls.public_href(page_uri, resolved, parts.fragment)


@cache
def _reader() -> tuple[markdown.Markdown, _PageLinks]:
    """One Markdown reader for every fragment of a build (reset before each), and its link
    rewriter, run last (priority 1), once the inline patterns have made the links."""
    # a fragment holds no heading of the page (no `toc`); the contributed extension treats the whole text
    reader = markdown.Markdown(extensions=[*SITE_EXTENSIONS, ContributedExtension(whole=True)])
    links = _PageLinks(reader)
    reader.treeprocessors.register(links, "centre_ressources_links", 1)
    return reader, links
