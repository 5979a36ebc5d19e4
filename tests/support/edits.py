"""Small edits of a copied project, and the errors its content then gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import generate


def edit(project: Path, relative: str, old: str, new: str) -> None:
    """Replace the first `old` of a file by `new` (which must be there)."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors_of(project: Path) -> list[str]:
    """Every error of the project's content, as `check` prints them."""
    with pytest.raises(ContentErrors) as caught:
        generate(project)
    return [error.format() for error in caught.value.errors]
