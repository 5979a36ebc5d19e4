"""The published files of one build: the large ones written to a temporary folder for the
build to copy, the small ones handed over as text.

The open data of a large catalogue would weigh on the build's peak if held in memory, so it is
written out and let go; the planner's many small files cost less held than copied twice. A file
of `docs/` at the address of a generated one is refused: one of them would silently win.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from centre_ressources.catalogue import Catalogue
from centre_ressources.errors import SiteConflict
from centre_ressources.publish.files import each_published_file

# Above this size (in characters), a published file is written to the temporary folder.
HELD_AT_MOST = 64 * 1024


@dataclass(frozen=True)
class StagedFiles:
    directory: Path
    paths: tuple[str, ...]  # addresses in the built site, relative to its root
    texts: dict[str, str] = field(default_factory=dict)  # address -> text, for the small ones

    def source(self, path: str) -> Path:
        return self.directory / path

    def remove(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)


def refuse_hand_written_pages(generated: Iterable[str], hand_written: Callable[[str], bool]) -> None:
    for src_uri in generated:
        if hand_written(src_uri):
            raise SiteConflict(f"docs/{src_uri} : cette page est générée à partir des contenus ; "
                               "supprimez ce fichier de docs/ ou renommez-le.")


def stage_published_files(catalogue: Catalogue, site_url: str, site_name: str, description: str,
                          hand_written: Callable[[str], bool]) -> StagedFiles:
    directory = Path(tempfile.mkdtemp(prefix="centre-ressources-"))
    paths = []
    texts = {}
    try:
        for path, text in each_published_file(catalogue, site_url, site_name, description):
            if hand_written(path):
                raise SiteConflict(f"docs/{path} : ce fichier est produit par la construction "
                                   "(données ouvertes, flux ou redirection) ; supprimez-le de docs/.")
            if len(text) <= HELD_AT_MOST:
                texts[path] = text
                continue
            written = directory / path
            written.parent.mkdir(parents=True, exist_ok=True)
            written.write_bytes(text.encode("utf-8"))
            paths.append(path)
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    return StagedFiles(directory, tuple(paths), texts)
