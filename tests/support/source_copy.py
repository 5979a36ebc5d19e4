"""Find sentences of the source article copied word for word into the built site.

The rule (../shared/sources/README.md): every sentence on the site is written for it; no
sentence of the source is copied. A sentence here is any run of the article between
. ! ? ; : or a line break, so that a copied clause counts too; only those of
`MIN_WORDS` words or more are checked (shorter ones are common phrases). The article's title
and the fixed names it uses (titles of the project and of the guide, names of organisations)
are taken out first: quoting them is citing, not copying.
"""

from __future__ import annotations

import html.parser
import re
from collections.abc import Iterable
from pathlib import Path

MIN_WORDS = 8
FIXED_NAMES = (
    "Structurer les coopérations pour résoudre les défis de nos territoires",
    "Structurer les coopérations pour résoudre les défis des territoires",
    "Réseau d’échanges et de service aux associations du Pays de Morlaix",
    "Réseau national des Maisons des associations",
    "Guide méthodologique du Faire ensemble",
    "Guide méthodologique de Faire ensemble",
    "Projet alimentaire de territoire (PAT) de Morlaix communauté",
    "convention territoriale globale de (CTG) de Mulhouse",
    "Les artisan.e.s de la transition",
    # The names the article gives its first lesson and one action category, used as names.
    "Le rôle de « tiers veilleur » du groupe de pilotage",
    "le rôle de « tiers veilleur » du groupe de pilotage",
    "l’expérimentation d’une Sécurité sociale de l’alimentation",
)
_UNIT_END = re.compile(r"[.!?;:]+(?:\s|$)|\n")


def normalise(text: str) -> str:
    """Compare words, not typography: case, apostrophes, quotes, spaces and dashes fold away."""
    text = text.casefold().replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"[«»\"“”()\[\]→–—-]", " ", text)
    return " ".join(text.split())


def source_sentences(article: str) -> list[str]:
    """The checked sentences of the article: title dropped, fixed names cut out."""
    body = article.split("\n", 1)[1] if "\n" in article else ""
    for name in FIXED_NAMES:
        body = body.replace(name, "\n")
    units = (normalise(unit) for unit in _UNIT_END.split(body))
    return [unit for unit in units if len(unit.split()) >= MIN_WORDS]


class _Text(html.parser.HTMLParser):
    """The visible text of an HTML page (no script, style or inline drawing)."""

    _SKIP = {"script", "style", "svg", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def page_text(html_text: str) -> str:
    parser = _Text()
    parser.feed(html_text)
    return normalise(" ".join(parser.parts))


def copied_sentences(article: str, pages: dict[str, str], set_aside: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(page, sentence) for every sentence of the article found word for word on a page.

    `set_aside`: texts written from other sources (the data of a case study that does not cite
    the article), cut out of every page, where it shows them as they are, before it is read.
    Only texts long enough to hold a checked sentence are cut: a short one (a name, a
    category) cut out of a page would break up the page's own sentences and hide a copy."""
    sentences = source_sentences(article)
    pieces = {normalise(text) for text in set_aside}
    pieces = sorted((piece for piece in pieces if len(piece.split()) >= MIN_WORDS), key=len, reverse=True)
    found = []
    for name, html_text in pages.items():
        text = page_text(html_text)
        for piece in pieces:
            text = text.replace(piece, " | ")  # a mark no sentence holds: nothing joins across the cut
        found += [(name, sentence) for sentence in sentences if sentence in text]
    return found


def site_pages(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(site.rglob("*.html"))}
