"""A contributed file's texts, from its source, for the unit tests of the checks."""

from __future__ import annotations

from centre_ressources.content.frontmatter import parse_document
from centre_ressources.content.records import Origin
from centre_ressources.content.texts import FileTexts

PATH = "methods/exemple-fictif.md"


def file_texts(source: str, path: str = PATH) -> FileTexts:
    """`source`: a whole file (front matter between « --- » lines, then Markdown)."""
    doc = parse_document(source, path)
    return FileTexts(Origin(doc.path, doc.locations, doc.body_line, doc.data), doc.body)


def body_texts(body: str, path: str = PATH) -> FileTexts:
    """A file whose body is `body` (starting on line 4) under a one-field front matter."""
    return file_texts(f"---\ntitre: Une fiche fictive\n---\n{body}", path)


def errors(found) -> list[str]:
    return [error.format() for error in found]
