"""The whole core in one call: load -> validate -> model -> link -> render."""

from __future__ import annotations

from pathlib import Path

from .link import Catalogue, link
from .load import CASES_DIR, load_content
from .render import RenderedSite, render_site


def build_catalogue(root: Path) -> Catalogue:
    """Read and check all content; raise ContentErrors listing every problem."""
    return link(load_content(root))


def generate(root: Path) -> tuple[Catalogue, RenderedSite]:
    catalogue = build_catalogue(root)
    case_dirs = {case.slug: str((root / CASES_DIR / case.slug).resolve()) for case in catalogue.cases}
    return catalogue, render_site(catalogue, case_dirs)
