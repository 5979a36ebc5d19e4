"""Temporary copies of the project, made like `copy_project` in tests/support/project.py.

The copy takes the whole project except what is not part of a build (version control, virtual
environment, tests, built site...), so that pages, hooks and settings added later are measured
too; the content folders can then be grown in the copy without touching the project.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
_NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "venv", "site", "tests", "benchmarks", "node_modules", "build", ".ci",
    ".pytest_cache", "__pycache__", "*.egg-info", ".site-*",
)


def copy_project(destination: Path, source: Path = PROJECT) -> Path:
    shutil.copytree(source, destination, ignore=_NOT_COPIED, symlinks=True)
    return destination


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
