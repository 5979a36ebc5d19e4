"""Refuse contributed text that could run script in a reader's browser, at file and line.

This is the contributor-facing check (a clear French error where the problem is); the
rendered HTML is sanitised again with nh3 (sanitize.py), so nothing missed here gets through.
"""

from __future__ import annotations

import re

from centre_ressources.content.texts import FileTexts, Text, line_within
from centre_ressources.errors import ContentError

_RULES = [
    (re.compile(r"<\s*script\b", re.I),
     "la balise <script> est interdite : le centre de ressources ne publie pas de script venant des contenus."),
    (re.compile(r"<\s*(iframe|object|embed|frame|frameset)\b", re.I),
     "l'intégration d'une autre page (<iframe>, <object>, <embed>) est interdite ; mettez plutôt un lien."),
    (re.compile(r"<\s*(style|link|meta|base|form)\b", re.I),
     "cette balise HTML n'est pas autorisée dans un contenu ; écrivez en Markdown."),
    (re.compile(r"(?<![\w-])on[a-z]+\s*=", re.I),
     "les attributs d'événement (onclick, onload…) sont interdits : ils exécuteraient du script."),
    (re.compile(r"(?:java|vb)script\s*:", re.I),
     "les liens « javascript: » sont interdits ; utilisez une adresse https://."),
    (re.compile(r"data\s*:\s*text/html", re.I),
     "les liens « data:text/html » sont interdits."),
]


def _could_be_unsafe(lowered: str) -> bool:
    """What each rule needs: « < » (tags), « = » (event attributes), « script » or « text/html »
    (link schemes). Most files have none of these in any text, and are passed over quickly
    (substring tests on the text in lower case, before any regular expression: see
    benchmarks/LISEZMOI.md)."""
    return "<" in lowered or "=" in lowered or "script" in lowered or "text/html" in lowered


def unsafe_markup(texts: FileTexts) -> list[ContentError]:
    return texts.scan(_could_be_unsafe, _scan)


def _scan(path: str, text: Text) -> list[ContentError]:
    found = []
    for pattern, message in _RULES:
        for match in pattern.finditer(text.text):
            found.append(ContentError(path, line_within(text, match.start()), 1, text.field, message))
    return found
