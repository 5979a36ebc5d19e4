"""The one « vouliez-vous dire » of every message: the closest known name to a mistyped one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(value: str, known: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """« ; vouliez-vous dire « x » ? », or "" when no known name is close."""
    suggestion = closest(value, known)
    return f" ; vouliez-vous dire « {suggestion} » ?" if suggestion else ""
