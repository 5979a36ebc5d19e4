"""Check the internal links and anchors that contributors write, before anything is built.

MkDocs checks links too, but only once pages are rendered and without the contributor's
file and line; here every internal link of a sheet, case or phase is resolved against the
pages the site will have (generated and hand-written) and their anchors.
"""

from __future__ import annotations

import posixpath
import re
from collections import ChainMap
from collections.abc import Mapping, MutableMapping
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import cast
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions.toc import TocExtension

from centre_ressources.content.contributed_markup import as_browser_reads
from centre_ressources.content.markdown_code import SITE_EXTENSIONS, mask_code
from centre_ressources.content.records import Origin
from centre_ressources.content.slugs import heading_slug
from centre_ressources.content.texts import FileTexts, line_within
from centre_ressources.errors import ContentError
from centre_ressources.render.html_blocks import place_blocks

_INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(?P<target>\S+?)>?(?:\s+.*)?$", re.M)
_HTML_LINK = re.compile(r"\b(?:href|src)\s*=\s*[\"'](?P<target>[^\"']+)[\"']", re.I)
_FRONT_MATTER = re.compile(r"\A---\n(?P<head>.*?\n)---\n", re.S)


def page_anchors(markdown_text: str) -> set[str]:
    """The anchors of a page: every id (and `<a name>`) of its HTML, the page converted by
    Python-Markdown as the build converts it (mkdocs.yml's extensions: the table of contents
    with the site's `heading_slug`, and the extension that treats the contributors' texts).

    The parts of a generated page written as HTML are left out, as the build leaves them to be
    put in place once the page is converted: the builder's link check never sees their ids."""
    head = _FRONT_MATTER.match(markdown_text)
    body = markdown_text[head.end():] if head else markdown_text
    reader = _page_reader()
    reader.reset()
    html_text = reader.convert(place_blocks(body, lambda _html: ""))
    ids = _Ids()
    ids.feed(html_text)
    ids.close()
    return ids.found


@cache
def _page_reader() -> markdown.Markdown:
    from centre_ressources.render.contributed import ContributedExtension

    return markdown.Markdown(extensions=[*SITE_EXTENSIONS, TocExtension(slugify=heading_slug), ContributedExtension()])


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.found.add(value)


class SiteMap:
    """The pages and files the built site will contain, with their anchors."""

    def __init__(self, pages: Mapping[str, str], assets: set[str], unread: set[str] | frozenset[str] = frozenset()):
        self.pages = pages  # src_uri -> Markdown
        self.assets = assets  # src_uri of non-page files
        self.unread = unread  # pages whose content is unknown here (their file is in error)
        self.hand_written: Mapping[str, str] = {}  # the pages of docs/, by src_uri
        self._anchors: dict[str, set[str]] = {}

    @classmethod
    def from_site(cls, generated: Mapping[str, str], generated_assets: set[str], docs_dir: Path,
                  unread: set[str] | frozenset[str] = frozenset()) -> SiteMap:
        hand_written: dict[str, str] = {}
        assets = set(generated_assets)
        if docs_dir.is_dir():
            for path in docs_dir.rglob("*"):
                if path.is_file() and "overrides" not in path.relative_to(docs_dir).parts:
                    uri = path.relative_to(docs_dir).as_posix()
                    if path.suffix == ".md":
                        hand_written[uri] = path.read_text(encoding="utf-8", errors="replace")
                    else:
                        assets.add(uri)
        # Generated pages first (they win over a hand-written page of the same address), and
        # read only when an anchor is checked: `generated` may render each page on demand.
        # (a cast, not a copy: copying would render every page)
        site = cls(ChainMap(cast(MutableMapping[str, str], generated), hand_written), assets, unread)
        site.hand_written = {uri: text for uri, text in hand_written.items() if uri not in generated}
        return site

    def anchors(self, uri: str) -> set[str]:
        if uri not in self._anchors:
            self._anchors[uri] = page_anchors(self.pages[uri])
        return self._anchors[uri]


def _maybe_link(lowered: str) -> bool:
    """What every link pattern above needs: texts without any of these hold no link to check.
    (Substring tests on the text in lower case, before any regular expression.)"""
    return "](" in lowered or "]:" in lowered or "href" in lowered or "src" in lowered


def check_links(texts: FileTexts, page_uri: str, site: SiteMap, templated: bool = False) -> list[ContentError]:
    """`templated`: the page's macros are rendered (`render_macros: true`), so a link holding
    « { » or « % » is written by a macro, and checked by the build once it is."""
    if not texts.may_match(_maybe_link):
        return []
    errors = []
    for text in texts.each():
        visible = mask_code(text.text)
        for pattern in (_INLINE_LINK, _REFERENCE, _HTML_LINK):
            for match in pattern.finditer(visible):
                if templated and ("{" in match["target"] or "%" in match["target"]):
                    continue
                problem = _problem(match["target"], page_uri, site)
                if problem:
                    line = line_within(text, match.start())
                    errors.append(ContentError(texts.origin.path, line, 1, text.field, problem))
    return errors


_MACROS = re.compile(r"^render_macros:\s*true\s*$", re.M)


def check_hand_written_links(site: SiteMap, docs_dir: str) -> list[ContentError]:
    """The links of the hand-written pages of docs/ (a phase or a term renamed leaves a link to
    its old anchor there), each at its file and line: `docs_dir` is the folder's name."""
    errors: list[ContentError] = []
    for uri, page in sorted(site.hand_written.items()):
        head = _FRONT_MATTER.match(page)
        templated = bool(head and _MACROS.search(head["head"]))
        # The front matter's lines are kept, blank: the body's lines stay the file's.
        body = "\n" * head.group(0).count("\n") + page[head.end():] if head else page
        texts = FileTexts(Origin(f"{docs_dir}/{uri}"), body)
        errors += check_links(texts, uri, site, templated)
    return errors


def _problem(target: str, page_uri: str, site: SiteMap) -> str | None:
    parts = urlsplit(as_browser_reads(target))  # `\\hôte/../x.png` leaves the site: not a file of it
    if parts.scheme or parts.netloc:
        return None  # external links are not checked here (no network during a build)
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if not path:
        if anchor and anchor not in site.anchors(page_uri):
            return f"l'ancre « #{anchor} » n'existe pas dans cette page."
        return None
    if path.startswith("/"):
        return (f"le lien « {target} » part de la racine du site : écrivez un lien relatif vers le "
                "fichier .md, par exemple « ../fiches/charte-de-cooperation.md ».")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))
    if resolved in site.unread:
        return None
    if resolved in site.pages:
        if anchor and anchor not in site.anchors(resolved):
            return f"l'ancre « #{anchor} » n'existe pas dans la page « {resolved} »."
        return None
    if resolved in site.assets:
        return None
    for candidate in (f"{resolved}.md", f"{resolved}/index.md"):
        if not path.endswith(".md") and candidate in site.pages:
            return (f"le lien « {target} » doit viser le fichier Markdown : "
                    f"« {posixpath.relpath(candidate, posixpath.dirname(page_uri) or '.')} ».")
    same_but_case = _differs_only_by_case(resolved, site)
    if same_but_case:
        name = posixpath.relpath(same_but_case, posixpath.dirname(page_uri) or ".")
        return (f"le lien « {target} » ne mène à aucun fichier : vouliez-vous dire « {name} » ? "
                "Sur le site, majuscules et minuscules comptent dans les noms de fichiers.")
    return f"le lien « {target} » ne mène à aucune page ni aucun fichier du site."


def _differs_only_by_case(resolved: str, site: SiteMap) -> str | None:
    wanted = resolved.casefold()
    for uri in site.assets:  # only a missing target gets here: a scan is affordable
        if uri.casefold() == wanted:
            return uri
    return next((uri for uri in site.pages if uri.casefold() == wanted), None)
