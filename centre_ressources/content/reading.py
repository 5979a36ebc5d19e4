"""One content file read and modelled: its record, made only if nothing is wrong with it.

What is wrong is said by the schema and by the rules the caller hands in (`FileRules`: the
pipeline hands checks/per_file.py), so that reading never imports the checks that judge it.
`FileReader` is the seam of a reader that remembers what it read (content/load_cache.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from centre_ressources import urls
from centre_ressources.content.file_size import oversized_content_file
from centre_ressources.content.frontmatter import FrontMatterError, SourceDocument, read_source
from centre_ressources.content.records import Origin
from centre_ressources.content.slugs import is_slug, slug_advice
from centre_ressources.content.texts import FileTexts
from centre_ressources.content.validate import validate_document
from centre_ressources.errors import ContentError

# A case study's pictures: raster formats only (checks/picture_files.py says why, and checks each one's bytes).
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})

MakeRecord = Callable[[str, SourceDocument, Path, Origin], Any]


class FileRules(Protocol):
    def __call__(self, kind: str, doc: SourceDocument, texts: FileTexts | None,
                 schema_errors: list[ContentError], path: Path, root: Path) -> list[ContentError]:
        """Every problem of the file read, in the order a contributor reads them: the schema's
        errors among them (the rules may drop one that a clearer message of theirs says)."""


@dataclass(frozen=True)
class FileRead:
    """What reading one content file gave: its record, or the errors that kept it out."""

    record: Any = None
    errors: tuple[ContentError, ...] = ()
    texts: FileTexts | None = None  # the contributor's texts, for the link check


class FileReader(Protocol):
    def read(self, root: Path, path: Path, kind: str, make: MakeRecord, rules: FileRules) -> FileRead:
        """What `read_file` gives for this file."""


def slug_of(path: Path, kind: str) -> str:
    """A case study is named by its folder, any other record by its file (`methods/index.md`
    is a sheet named « index »)."""
    return path.parent.name if kind == "etude-de-cas" else path.stem


def read_file(root: Path, path: Path, kind: str, make: MakeRecord, rules: FileRules) -> FileRead:
    """Read, judge and model one content file."""
    display = path.relative_to(root).as_posix()
    slug = slug_of(path, kind)
    if not is_slug(slug):
        return FileRead(errors=(ContentError(display, 1, 1, "", slug_advice(slug)),))
    reserved = urls.reserved_name(kind, slug)
    if reserved:
        return FileRead(errors=(ContentError(display, 1, 1, "", reserved),))
    too_big = oversized_content_file(path, display)
    if too_big:  # not even read
        return FileRead(errors=(too_big,))
    try:
        doc = read_source(path, display)
    except FrontMatterError as exc:
        return FileRead(errors=(exc.error,))
    origin = Origin(doc.path, doc.locations, doc.body_line, doc.data)
    file_texts = FileTexts(origin, doc.body)
    schema_errors = validate_document(doc, kind)
    found = rules(kind, doc, file_texts, schema_errors, path, root)
    if found or schema_errors:  # a record is made only from a valid document
        return FileRead(errors=tuple(found or schema_errors))
    return FileRead(make(slug, doc, path, origin), texts=file_texts)


def pictures_beside(index: Path) -> list[Path]:
    """The pictures in a case study's folder, by name."""
    return [p for p in files_beside(index) if p.suffix.lower() in IMAGE_SUFFIXES]


def files_beside(index: Path) -> list[Path]:
    """Every file in a case study's folder but its index.md, by name (each must be a picture)."""
    return sorted(p for p in index.parent.iterdir() if p != index and p.is_file())
