"""A contributor reads the same three ways in, in the same order, wherever she starts:
the form first, the web editor second, a local clone third."""

from __future__ import annotations

import pytest

from support.project import PROJECT

# The words that name each path, in the order every guide must present them.
PATHS = ("formulaire", "éditeur web", "ordinateur")


def _positions(text: str) -> list[int]:
    lowered = text.lower()
    return [lowered.find(word) for word in PATHS]


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", ".github/PULL_REQUEST_TEMPLATE.md"])
def test_guides_present_the_form_then_the_editor_then_a_clone(guide):
    positions = _positions((PROJECT / guide).read_text(encoding="utf-8"))
    assert all(p >= 0 for p in positions), f"{guide} ne nomme pas les trois chemins {PATHS}"
    assert positions == sorted(positions), f"{guide} : ordre attendu {PATHS}"


def test_contributing_adds_images_after_the_file_and_warns_of_the_approval():
    text = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    images = text.index("## Ajouter des images")
    assert text.index("## Chemin 1") < images < text.index("## Chemin 3")
    assert "approuve" in text and "Première contribution" in text
