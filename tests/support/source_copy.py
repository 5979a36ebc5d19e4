"""Find passages of the source article copied, or followed too closely, into the built site.

The rule (../shared/sources/README.md): every sentence on the site is written for it; no
sentence of the source is copied, nor merely retouched (a few words swapped or moved).

Two sides, compared as *words*. Case, accents, apostrophes and punctuation fold away; the
article's title and the fixed names it uses (titles of the project and of the guide, names of
organisations, places and public policies) are cut out on both sides, each leaving a break:
naming them is citing, not copying. The approach's own vocabulary (`TERMS`: « fonction de
soutien », « communauté d'action »…) counts as one word each, so that naming two terms is not
a copy. A short list of grammatical words (`STOP_WORDS`: articles, prepositions, pronouns,
forms of « être » and « avoir », and the months) is dropped, so are numbers (a date or a
count is a fact, not a wording), and each word is cut to its first `STEM` letters, so that
« méthode » and « méthodologique », « finalise » and « finalisation » count as one.

A sentence of a page (the text between . ! ? or the end of a block: paragraph, list item,
table cell, heading) is too close to the article when, against one sentence of the article:
- it holds a clause of it (between . ! ? ; :) of `MIN_WORDS` words or more, word for word; or
- the two share a run of `RUN` consecutive words; or
- at least `SHARE` of its words, and `MIN_SHARED` or more, come from that sentence; or
- they share more than `IN_ORDER` words in the same order, or `IN_ORDER` or more that make at
  least `IN_ORDER_SHARE` of its words (the article's sentence, reworded but in its order).
Measured on the site as published in November 2026 (tests/site/test_source_rules.py holds the
passages it had to catch, and sentences written from the same facts that it lets through).
"""

from __future__ import annotations

import html.parser
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

MIN_WORDS = 8
RUN = 6
SHARE = 0.7
MIN_SHARED = 5
IN_ORDER = 6
IN_ORDER_SHARE = 0.5
STEM = 6
FIXED_NAMES = (
    "Structurer les coopérations pour résoudre les défis de nos territoires",
    "Structurer les coopérations pour résoudre les défis des territoires",
    "Réseau d’échanges et de service aux associations du Pays de Morlaix",
    "Réseau national des Maisons des associations",
    "Guide méthodologique du Faire ensemble",
    "Guide méthodologique de Faire ensemble",
    "Projet alimentaire de territoire (PAT) de Morlaix communauté",
    "Projet alimentaire de territoire",
    "convention territoriale globale de (CTG) de Mulhouse",
    "convention territoriale globale",
    "Les artisan.e.s de la transition",
    "programme Faire ensemble 2030",
    "Pôle ESS du Pays de Morlaix",
    "Ulamir-CPIE",
    "Carré des associations",
    "CAF du Haut-Rhin",
    "Fondation de France",
    "Pays de Morlaix",
    "Morlaix communauté",
    "La Fonda", "la Fonda", "Fonda", "RNMA", "Résam", "Morlaix", "Mulhouse", "Villeurbanne",
    # The names the article gives its first lesson and one action category, used as names.
    "Le rôle de « tiers veilleur » du groupe de pilotage",
    "le rôle de « tiers veilleur » du groupe de pilotage",
    "l’expérimentation d’une Sécurité sociale de l’alimentation",
    "Sécurité sociale de l’alimentation",
)
# The approach's own vocabulary (the glossary's terms): each counts as one word, so that naming
# two of them in a sentence does not make it a copy, but a sentence built like the article's
# around them still is.
TERMS = (
    "question stratégique essentielle", "question essentielle", "objectifs de transformation",
    "fonction de soutien", "communauté d'action", "communautés d'action", "groupe de pilotage",
    "groupes de pilotage", "comité de pilotage", "groupe d'initiative", "maison des associations",
    "maisons des associations", "dispositif d'évaluation", "évaluation partagée", "charte de coopération",
    "feuille de route", "portage politique", "conseil d'administration", "communautés apprenantes",
    "communauté apprenante", "tiers veilleur", "ingénierie de la coopération", "coopération territoriale",
    "coopérations territoriales", "appel à manifestation d'intérêt", "kit de consultation",
    "cartographie des acteurs", "impact collectif", "centre de ressources", "pouvoir d'agir",
    "phase d'impulsion", "phase de structuration", "phase de consolidation", "phase de capitalisation",
    "Sécurité sociale de l'alimentation",
)
STOP_WORDS = frozenset("""
    a à au aux avec c ce ces cet cette d dans de des du elle elles en est et été être il ils
    l la le les leur leurs lui m mais n ne ni on ont ou où par pas pour qu que qui s sa se ses
    si son sont sur t un une y ainsi donc aussi également ensemble
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    """.split())
_UNIT_END = re.compile(r"[.!?;:]+(?:\s|$)|\n")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n")
_BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div", "figcaption",
           "blockquote", "br", "tr", "section", "article", "header", "footer", "nav", "ul", "ol", "table"}


def normalise(text: str) -> str:
    """Compare words, not typography: case, apostrophes, quotes, spaces and dashes fold away."""
    text = text.casefold().replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"[«»\"“”()\[\]→–—-]", " ", text)
    return " ".join(text.split())


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", normalise(text))
    return "".join(char for char in text if not unicodedata.combining(char))


_STOP = frozenset(_fold(word) for word in STOP_WORDS)


def _tokens(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", _fold(text)))


_NAMES = sorted({_tokens(name) for name in FIXED_NAMES}, key=len, reverse=True)
_TERMS = sorted({_tokens(term) for term in TERMS}, key=len, reverse=True)


def words(text: str) -> list[str]:
    """The words compared: folded, fixed names cut out (each leaves a break), grammatical words dropped, stemmed."""
    tokens = _tokens(text)
    for name in _NAMES:
        tokens = re.sub(rf"\b{re.escape(name)}\b", " | ", tokens)
    for term in _TERMS:
        tokens = re.sub(rf"\b{re.escape(term)}\b", "_" + term.replace(" ", "_"), tokens)
    return [token if token == "|" or token.startswith("_") else token[:STEM]
            for token in tokens.split() if token not in _STOP and not token.isdigit()]


def _runs(found: list[str]) -> set[tuple[str, ...]]:
    return {tuple(found[i:i + RUN]) for i in range(len(found) - RUN + 1) if "|" not in found[i:i + RUN]}


def source_sentences(article: str) -> list[str]:
    """The article's sentences checked word for word: title dropped, fixed names cut out."""
    body = article.split("\n", 1)[1] if "\n" in article else ""
    for name in FIXED_NAMES:
        body = body.replace(name, "\n")
    units = (normalise(unit) for unit in _UNIT_END.split(body))
    return [unit for unit in units if len(unit.split()) >= MIN_WORDS]


def _source_units(article: str) -> list[tuple[str, list[str]]]:
    """Every sentence of the article (title dropped) with its compared words."""
    body = article.split("\n", 1)[1] if "\n" in article else ""
    units = ((normalise(unit), words(unit)) for unit in _SENTENCE_END.split(body))
    return [(text, found) for text, found in units if len([w for w in found if w != "|"]) >= MIN_SHARED]


class _Text(html.parser.HTMLParser):
    """The visible text of an HTML page (no script, style or inline drawing), a line per block."""

    _SKIP = {"script", "style", "svg", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data.replace("\n", " "))


def page_text(html_text: str) -> str:
    parser = _Text()
    parser.feed(html_text)
    return normalise(" ".join(parser.parts))


def page_sentences(html_text: str, set_aside: Iterable[str] = ()) -> list[str]:
    """The sentences of a page, each normalised; `set_aside` texts are cut out and leave a break."""
    parser = _Text()
    parser.feed(html_text)
    lines = [normalise(line) for line in "".join(parser.parts).split("\n")]
    text = "\n".join(line for line in lines if line)
    for piece in set_aside:
        text = text.replace(piece, "\n")
    return [unit.strip() for unit in _SENTENCE_END.split(text) if unit.strip()]


def _in_order(first: list[str], second: list[str]) -> int:
    """How many words the two sentences share in the same order (their longest common subsequence)."""
    previous = [0] * (len(second) + 1)
    for word in first:
        current = [0]
        for j, other in enumerate(second):
            current.append(previous[j] + 1 if word == other and word != "|" else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def too_close(sentence: str, units: list[tuple[str, list[str]]]) -> str | None:
    """The article sentence that `sentence` copies or follows too closely, if any."""
    found = words(sentence)
    own = {w for w in found if w != "|"}
    runs = _runs(found)
    for text, source in units:
        if runs & _runs(source):
            return text
        shared = own & set(source)
        if len(shared) >= MIN_SHARED and len(shared) >= SHARE * len(own):
            return text
        if len(shared) >= IN_ORDER:
            kept = _in_order(found, source)
            if kept > IN_ORDER or kept >= IN_ORDER_SHARE * len(own):
                return text
    return None


def copied_sentences(article: str, pages: dict[str, str], set_aside: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(page, sentence of the article) for every sentence of the article that a page copies,
    word for word or too closely (see the module's docstring).

    `set_aside`: texts written from other sources (the data of a case study that does not cite
    the article), cut out of every page, where it shows them as they are, before it is read.
    Only texts long enough to hold a checked sentence are cut: a short one (a name, a
    category) cut out of a page would break up the page's own sentences and hide a copy."""
    sentences = source_sentences(article)
    units = _source_units(article)
    pieces = {normalise(text) for text in set_aside}
    pieces = sorted((piece for piece in pieces if len(piece.split()) >= MIN_WORDS), key=len, reverse=True)
    found = []
    for name, html_text in pages.items():
        text = page_text(html_text)
        for piece in pieces:
            text = text.replace(piece, " | ")  # a mark no sentence holds: nothing joins across the cut
        hits = {sentence for sentence in sentences if sentence in text}
        for sentence in page_sentences(html_text, pieces):
            if any(copied in sentence for copied in hits):
                continue  # already reported word for word
            close = too_close(sentence, units)
            if close is not None:
                hits.add(close)
        found += [(name, sentence) for sentence in sorted(hits)]
    return found


def close_passages(article: str, pages: dict[str, str]) -> list[tuple[str, str, str]]:
    """(page, sentence of the page, sentence of the article) for every sentence too close: for reading the report."""
    units = _source_units(article)
    found = []
    for name, html_text in pages.items():
        for sentence in page_sentences(html_text):
            close = too_close(sentence, units)
            if close is not None:
                found.append((name, sentence, close))
    return found


def site_pages(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(site.rglob("*.html"))}
