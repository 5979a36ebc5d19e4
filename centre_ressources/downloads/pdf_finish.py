"""Finish the printed PDF files with pypdf: public links, titles, page numbers, a kit per phase.

Chromium prints pages opened from the file system, so the links of a printed page point to
file:// addresses on the machine that printed it. Each one is rewritten to the page's public
address (the site's URL), or removed when the site has no public address.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from centre_ressources.downloads.page_numbers import number_pages


@dataclass(frozen=True)
class KitPart:
    title: str  # the bookmark of this part in the kit
    path: Path


def _public_uri(uri: str, local_root: str, public_root: str | None) -> str | None:
    """The public address of a link, None to remove it, or the link itself (not local)."""
    if not uri.startswith("file:"):
        return uri
    if public_root and uri.startswith(local_root):
        path = uri[len(local_root):]
        if path.endswith("index.html"):
            path = path.removesuffix("index.html")  # served as the folder's address
        return public_root.rstrip("/") + "/" + path
    return None


def publish_links(writer: PdfWriter, local_root: str, public_root: str | None) -> None:
    """Rewrite (in place) the file:// links of every page to the site's public addresses."""
    for page in writer.pages:
        annotations = page.get("/Annots")
        if not annotations:
            continue
        kept = []
        for reference in annotations:
            annotation = reference.get_object()
            action = annotation.get("/A")
            uri = action.get("/URI") if action else None
            if uri is not None:
                public = _public_uri(str(uri), local_root, public_root)
                if public is None:
                    continue
                action[NameObject("/URI")] = TextStringObject(public)
            kept.append(reference)
        annotations.clear()
        annotations.extend(kept)


def finish_pdf(path: Path, title: str, local_root: str, public_root: str | None,
               numbered: Path | None = None) -> None:
    """Give a printed PDF its title and public links (rewritten in place); with `numbered`,
    also write there a copy with its pages numbered (the sheet as published)."""
    writer = PdfWriter(clone_from=PdfReader(path))
    publish_links(writer, local_root, public_root)
    writer.add_metadata({"/Title": title})
    _write(writer, path)
    if numbered is not None:
        writer = PdfWriter(clone_from=PdfReader(path))
        number_pages(list(writer.pages), set(range(len(writer.pages))))
        _write(writer, numbered)


def _write(writer: PdfWriter, path: Path) -> None:
    writer.compress_identical_objects()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        writer.write(stream)


@dataclass(frozen=True)
class KitLayout:
    """Where each sheet of a kit starts (page numbers from 1) and which pages are left blank:
    each sheet starts on an odd page, a right-hand page once printed on both sides, so that
    no sheet starts on the back of the previous one and the sheets can be taken apart."""
    starts: tuple[int, ...]
    blanks: tuple[int, ...]
    total: int


def kit_layout(cover_pages: int, part_pages: list[int]) -> KitLayout:
    starts, blanks = [], []
    page = cover_pages + 1  # the next page to fill
    for pages in part_pages:
        if page % 2 == 0:
            blanks.append(page)
            page += 1
        starts.append(page)
        page += pages
    return KitLayout(tuple(starts), tuple(blanks), page - 1)


def page_count(path: Path) -> int:
    return len(PdfReader(path).pages)


def merge_kit(parts: list[KitPart], output: Path, title: str, cover: Path | None = None) -> KitLayout:
    """One PDF of several (already finished, not numbered): the cover (its table of contents),
    then each part bookmarked under its title and starting on an odd page, a blank page
    before it where needed; every page of the parts numbered through the whole kit."""
    writer = PdfWriter()
    cover_pages = 0
    if cover is not None:
        writer.append(cover, outline_item="Sommaire")
        cover_pages = len(writer.pages)
    layout = kit_layout(cover_pages, [page_count(part.path) for part in parts])
    numbered: set[int] = set()
    for part, start in zip(parts, layout.starts, strict=True):
        while len(writer.pages) < start - 1:  # a blank page (never the first: page 1 is odd)
            box = writer.pages[-1].mediabox
            writer.add_blank_page(width=box.width, height=box.height)
        outline = PdfReader(part.path).outline
        # Chromium's bookmarks of a sheet start with its title (its h1): kept as they are, the
        # kit's bookmarks list the sheets, each with its sections and steps beneath it.
        has_own = len(outline) >= 1 and not isinstance(outline[0], list) and outline[0].title == part.title
        writer.append(part.path, outline_item=None if has_own else part.title)
        numbered.update(range(start - 1, len(writer.pages)))
    number_pages(list(writer.pages), numbered)
    writer.add_metadata({"/Title": title})
    _write(writer, output)
    return layout
