"""What a contributor does with a scaffold, for the tests that build one (shared by build/test_contributing.py and build/test_packaging.py)."""

from __future__ import annotations

import re

CHOICES = {"type": "rural", "statut": "associatif"}  # the scaffold's enum fields, given a valid value
QUOTED_PLACEHOLDER = re.compile(r'^(?P<key>\s*(?:- )?(?P<name>\w+): )"À compléter[^"\n]*"$', re.M)


def fill_in(text: str) -> str:
    """What a contributor does with a scaffold: every « À compléter » replaced by her text."""
    text = QUOTED_PLACEHOLDER.sub(
        lambda m: m["key"] + CHOICES.get(m["name"], '"Un texte fictif, écrit pour le test"'), text)
    return re.sub(r"À compléter(?:, par exemple)? : ", "", text)
