"""Finish the printed PDF files with pypdf: public links, titles, and a kit per phase.

Chromium prints pages opened from the file system, so the links of a printed page point to
file:// addresses on the machine that printed it. Each one is rewritten to the page's public
address (the site's URL), or removed when the site has no public address.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject


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


def finish_pdf(path: Path, title: str, local_root: str, public_root: str | None) -> None:
    """Give a printed PDF its title and public links (rewritten in place)."""
    writer = PdfWriter(clone_from=PdfReader(path))
    publish_links(writer, local_root, public_root)
    writer.add_metadata({"/Title": title})
    writer.compress_identical_objects()
    with path.open("wb") as stream:
        writer.write(stream)


def merge_kit(parts: list[KitPart], output: Path, title: str) -> None:
    """One PDF of several (already finished), each part bookmarked under its title."""
    writer = PdfWriter()
    for part in parts:
        outline = PdfReader(part.path).outline
        # Chromium's bookmarks of a sheet start with its title (its h1): kept as they are, the
        # kit's bookmarks list the sheets, each with its sections and steps beneath it.
        has_own = len(outline) >= 1 and not isinstance(outline[0], list) and outline[0].title == part.title
        writer.append(part.path, outline_item=None if has_own else part.title)
    writer.add_metadata({"/Title": title})
    writer.compress_identical_objects()
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as stream:
        writer.write(stream)
