"""A folder written aside, then put in the place of the previous one: a failed build or export
leaves the previous folder intact, and a visitor or a builder never sees one half-written."""

from __future__ import annotations

import shutil
from pathlib import Path


def replace_folder(staging: Path, destination: Path) -> None:
    """Put `staging` (complete) in the place of `destination`, which may not exist yet."""
    previous = destination.with_name(f".{destination.name}-ancien")
    shutil.rmtree(previous, ignore_errors=True)
    if destination.exists():
        destination.rename(previous)
    staging.rename(destination)
    shutil.rmtree(previous, ignore_errors=True)
