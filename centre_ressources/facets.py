"""The choices the catalogue's filters offer, drawn from the sheets themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .model import Fiche
from .slugs import slugify


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


# Keys for Material's tags plugin (set in mkdocs.yml with !!python/name): the keyword index
# sorts « évaluation » with the e, and its anchors are the same ASCII slugs as the catalogue's
# filter (#tag:evaluation, ?mot_cle=evaluation). Duck-typed: no MkDocs import here.
def tag_slug(name: str, separator: str = "-") -> str:
    return slugify(name)


def tag_sort_key(tag, *args) -> str:
    return slugify(tag.name)


def item_sort_key(mapping) -> str:
    return slugify(str(mapping.item.title))
