"""Write the generated pages to a folder: the site stays buildable without the MkDocs hooks."""

from __future__ import annotations

import shutil
from pathlib import Path

from centre_ressources.render.pages import RenderedSite


def export_pages(site: RenderedSite, destination: Path) -> list[Path]:
    written = []
    for src_uri, text in sorted(site.pages.items()):
        target = destination / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    for src_uri, source in sorted(site.assets.items()):
        target = destination / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written
