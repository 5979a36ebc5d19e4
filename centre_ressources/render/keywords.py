"""The sheets' keywords: the chips at the top of each sheet and the listing of the keyword page.

Written by the core for every builder, as Material's tags plugin wrote them (the same markup,
anchors and order: the keyword page's anchors are the catalogue filter's ASCII slugs,
`#tag:evaluation` for ?mot_cle=evaluation, sorted with accents folded), each keyword escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import escape

from centre_ressources import urls
from centre_ressources.content.records import Fiche
from centre_ressources.content.slugs import slugify
from centre_ressources.render.facets import keywords
from centre_ressources.render.pictures.markup import Html


def keyword_anchor(word: str) -> str:
    return f"tag:{slugify(word)}"


@dataclass(frozen=True)
class KeywordEntry:
    label: str  # as the first sheet wrote it
    anchor: str
    sheets: tuple[Fiche, ...]  # by title, accents folded


def keyword_index(sheets: Iterable[Fiche]) -> list[KeywordEntry]:
    """Each keyword, in the catalogue's order, with the sheets that carry it."""
    sheets = tuple(sheets)
    by_slug: dict[str, list[Fiche]] = {}
    for sheet in sheets:
        for slug in dict.fromkeys(slugify(word) for word in sheet.mots_cles):
            by_slug.setdefault(slug, []).append(sheet)
    return [KeywordEntry(keyword.label, f"tag:{keyword.slug}",
                         tuple(sorted(by_slug[keyword.slug], key=lambda sheet: slugify(sheet.titre))))
            for keyword in keywords(sheets)]


def keyword_chips(page_uri: str, words: Iterable[str]) -> Html:
    """A sheet's keywords, each a link to it on the keyword page."""
    links = "\n".join(
        f'<a href="{urls.public_href(page_uri, urls.KEYWORDS, keyword_anchor(word))}" class="md-tag">{escape(word)}</a>'
        for word in sorted(words, key=slugify))
    return Html(f'<nav class="md-tags">\n{links}\n</nav>')
