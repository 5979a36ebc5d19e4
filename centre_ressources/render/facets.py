"""The choices the catalogue's filters offer, drawn from the sheets themselves."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from centre_ressources.content.records import Fiche
from centre_ressources.content.slugs import slugify


@dataclass(frozen=True)
class Keyword:
    slug: str  # what the filter writes into the URL (?mot_cle=impact-collectif)
    label: str  # as the first sheet wrote it


def keywords(sheets: Iterable[Fiche]) -> list[Keyword]:
    """Every keyword once (accents and case folded to compare), in alphabetical order."""
    found: dict[str, str] = {}
    for sheet in sheets:
        for word in sheet.mots_cles:
            found.setdefault(slugify(word), word)
    return [Keyword(slug, label) for slug, label in sorted(found.items())]


def duration_limits(sheets: Iterable[Fiche]) -> list[int]:
    """The durations that occur, ascending: each one is a choice « N ou moins »."""
    return sorted({sheet.duree for sheet in sheets})
