"""Limits on what one contribution may weigh, with a clear message rather than a slow build.

Far above what any real sheet or case study needs (benchmarks/LISEZMOI.md), low enough that
one file cannot slow every build down. They are stated in CONTRIBUTING.md (« Les limites »),
with those checked as a file is read: its weight (content/file_size.py) and its front
matter's nesting (content/yaml_depth.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from centre_ressources.content.file_size import size_text
from centre_ressources.content.frontmatter import SourceDocument
from centre_ressources.content.validate import field_name
from centre_ressources.errors import ContentError

MAX_PICTURE_BYTES = 5 * 1024 * 1024  # one picture beside a case study
MAX_LIST_ITEMS = 200  # actors, moments, steps, sources… in one list
# Lists, quotes, emphasis and HTML elements inside one another, in one text (the contents
# use three at most); the front matter's own limit is MAX_YAML_DEPTH.
MAX_NESTING = 32


def oversized_pictures(pictures: list[Path], root: Path) -> list[ContentError]:
    errors = []
    for picture in pictures:
        size = picture.stat().st_size
        if size > MAX_PICTURE_BYTES:
            errors.append(ContentError(picture.relative_to(root).as_posix(), 1, 1, "", (
                f"cette image pèse {size_text(size)}, plus que les {size_text(MAX_PICTURE_BYTES)} permis : "
                "enregistrez-la plus petite (2 000 pixels de large suffisent, en JPEG de qualité 80).")))
    return errors


def too_long_lists(doc: SourceDocument) -> list[ContentError]:
    errors = []
    for path, count in _lists(doc.data, ()):
        if count > MAX_LIST_ITEMS:
            line, column = doc.location(path)
            errors.append(ContentError(doc.path, line, column, field_name(path), (
                f"cette liste compte {count} éléments, plus que les {MAX_LIST_ITEMS} permis : "
                "gardez l'essentiel, ou répartissez-le en plusieurs contenus.")))
    return errors


def _lists(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], int]]:
    if isinstance(value, list):
        yield path, len(value)
        for index, item in enumerate(value):
            if isinstance(item, (list, dict)):
                yield from _lists(item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (list, dict)):
                yield from _lists(item, path + (key,))
