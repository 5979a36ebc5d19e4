"""Refuse what the scaffold of `centre-ressources new` leaves to fill in.

Every value the contributor must write is, in the scaffold, a text beginning with
« À compléter » (templates/scaffold/): a file keeps failing `check` until each one is
replaced, and the error names every field still to fill, not just the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from centre_ressources.content.frontmatter import SourceDocument
from centre_ressources.content.texts import FileTexts
from centre_ressources.content.validate import field_name
from centre_ressources.errors import ContentError

MARK = "À compléter"
_MARKED = re.compile(r"^\s*[ÀA] compléter\b", re.IGNORECASE)
_MARKED_LINE = re.compile(r"^\s*(?:[-*+]\s+)?[ÀA] compléter\b", re.IGNORECASE)  # a paragraph or list item


def _may_hold_a_placeholder(lowered: str) -> bool:
    return "compléter" in lowered


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and _MARKED.match(value) is not None


def placeholder_paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value of `data` that is still a placeholder."""
    if is_placeholder(data):
        yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from placeholder_paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholder_paths(value, path + (index,))


def placeholder_errors(doc: SourceDocument, texts: FileTexts) -> list[ContentError]:
    # Most files hold no placeholder: one search in all their texts at once spares walking each value.
    if not texts.may_match(_may_hold_a_placeholder):
        return []
    errors = []
    for path in placeholder_paths(doc.data):
        line, column = doc.location(path)
        errors.append(ContentError(doc.path, line, column, field_name(path),
                                   f"ce champ est encore à remplir : remplacez « {_shown(doc.data, path)} » "
                                   "par votre texte."))
    for offset, text in enumerate(doc.body.split("\n")):
        if _MARKED_LINE.match(text):
            errors.append(ContentError(doc.path, doc.body_line + offset, 1, "",
                                       "ce paragraphe est encore à écrire : "
                                       "remplacez « À compléter… » par votre texte."))
    return errors


def without_placeholder_fields(errors: list[ContentError], placeholders: list[ContentError]) -> list[ContentError]:
    """The schema's errors on a field still to fill say the same thing less clearly: dropped."""
    fields = {p.field for p in placeholders if p.field}
    return [e for e in errors if not any(e.field == f or e.field.startswith((f + ".", f + "[")) for f in fields)]


def _shown(data: Any, path: tuple[Any, ...]) -> str:
    value = data
    for part in path:
        value = value[part]
    text = " ".join(str(value).split())
    return text if len(text) <= 50 else text[:47] + "…"
