"""The theme overrides of each builder, chosen at export.

docs/overrides/ is Material's set, the one a MkDocs build uses. Zensical's theme is Material's
with a few templates changed: its set is the same, with the files of zensical/overrides/ in
place of those that differ (the sitemap, whose template receives pages, not files; the credit
in the footer; the content partial, with the target of Zensical's skip link).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from centre_ressources.export.configs import Target

ZENSICAL_OVERRIDES = "zensical/overrides"


def write_overrides(overrides: Path, destination: Path, target: Target) -> None:
    written = destination / target.overrides
    shutil.copytree(overrides, written, ignore=shutil.ignore_patterns("__pycache__"))
    if target.name == "zensical":
        replaced = overrides.parent.parent / ZENSICAL_OVERRIDES
        if replaced.is_dir():
            shutil.copytree(replaced, written, dirs_exist_ok=True)
