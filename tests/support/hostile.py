"""Hostile strings, and a fictional catalogue whose every free text is one of them.

`check` refuses control, surrogate and private-use characters in contributions; the tests of
the writers (tests/unit/publish/) hand them such strings anyway, past the check, because each
writer must be safe on its own, whatever string reaches it.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from typing import Any

from centre_ressources.catalogue import Catalogue, link
from centre_ressources.content.load import Content
from centre_ressources.content.records import Origin
from centre_ressources.pipeline import load_content
from support.project import FIXTURES

HOSTILE = (
    '=HYPERLINK("https://x.example","Fiche fictive")',
    "+1",
    "-1",
    "@SUM(A1:A9)",
    "\t=1+1 après une tabulation",
    "\r=1+1 après un retour chariot",
    "=cmd|' /C calc'!A0",
    'Titre fictif « guillemets " et \' apostrophe », <b>chevrons</b> & esperluette',
    "</script><script>alert(1)</script>",
    "</title></svg><img src=x onerror=alert(1)>",
    '2025-01-01</lastmod><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
    "]]><!-- commentaire --><?pi x?>&amp;&#0;",
    "ligne\nsuivante\r\ntroisième\rquatrième",
    "tabulation\tverticale\x0bsaut de page\x0c fin",
    "C0 \x00\x01\x08\x0e\x1b\x1f fin",
    "C1 \x7f\x80\x85\x9b\x9f fin",
    "séparateurs \u2028 de ligne \u2029 de paragraphe",
    "usage privé \ue000\uf8ff\U000f0000 fin",
    "substitut seul \ud800 et \udfff fin",
    "non-caractères \ufdd0\ufffe\uffff\U0001fffe\U0010ffff fin",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Fields that name other records, dates and clock times: the catalogue is linked through
# them, and their form is the loader's to guarantee. Every other text is poisoned.
STRUCTURAL = frozenset({
    "slug", "phase", "etape", "fiche", "fiches", "fiches_liees", "alias", "mise_a_jour", "debut",
    "images", "categories", "categories_action", "voir_aussi",
})


def _poisoned(value: Any, strings: Iterator[str]) -> Any:
    if isinstance(value, Origin) or not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {}
    for field in dataclasses.fields(value):
        current = getattr(value, field.name)
        if field.name in STRUCTURAL:
            continue
        if isinstance(current, str) or (current is None and "str" in str(field.type)):
            changes[field.name] = next(strings)
        elif isinstance(current, tuple):
            changes[field.name] = tuple(next(strings) if isinstance(item, str) else _poisoned(item, strings)
                                        for item in current)
        elif dataclasses.is_dataclass(current):
            changes[field.name] = _poisoned(current, strings)
    return dataclasses.replace(value, **changes)


def hostile_catalogue() -> Catalogue:
    """The `mini` fixture (fictional), every free text replaced by the hostile strings in
    turn, and an old name (alias) given to each sheet, case and path, so that each is
    redirected."""
    content = load_content(FIXTURES / "mini")
    strings = itertools.cycle(HOSTILE)

    def poison(records: tuple) -> tuple:
        return tuple(dataclasses.replace(_poisoned(r, strings), alias=(*r.alias, f"{r.slug}-ancien"))
                     for r in records)

    return link(Content(
        phases=tuple(_poisoned(p, strings) for p in content.phases),
        fiches=poison(content.fiches),
        cases=poison(content.cases),
        paths=poison(content.paths),
        glossary=content.glossary,
    ))


def replaced_surrogates(value: Any) -> Any:
    """`value` (JSON data) with each lone surrogate replaced by U+FFFD, as a file written in
    UTF-8 must have it."""
    if isinstance(value, str):
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)
    if isinstance(value, list | tuple):
        return [replaced_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {key: replaced_surrogates(item) for key, item in value.items()}
    return value
