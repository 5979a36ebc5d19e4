"""Content folders hold regular files only, inside the project.

A symbolic link in a pull request looks like any file name to a reviewer, yet the build would
read or copy whatever it points to (`photo.png -> /etc/passwd`) and publish it. Every entry
under the content folders and docs/ is looked at, without following any link, before anything
is read or copied: with no link anywhere below the project, no real path can leave it.
"""

from __future__ import annotations

import os
from pathlib import Path

from centre_ressources.errors import ContentError

CONTENT_FOLDERS = ("phases", "methods", "case_studies", "paths", "docs")
ROOT_FILES = ("glossary.yml",)


def irregular_files(root: Path) -> list[ContentError]:
    """A French error for each symbolic link (or device, socket…) among the content files."""
    errors: list[ContentError] = []
    for name in ROOT_FILES + CONTENT_FOLDERS:
        path = root / name
        if path.is_symlink():
            errors.append(_refused(name))
        elif path.is_dir() and name in CONTENT_FOLDERS:
            _walk(root, path, errors)
    return errors


def _walk(root: Path, folder: Path, errors: list[ContentError]) -> None:
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.is_symlink():
                errors.append(_refused(Path(entry.path).relative_to(root).as_posix()))
            elif entry.is_dir(follow_symlinks=False):
                _walk(root, Path(entry.path), errors)
            elif not entry.is_file(follow_symlinks=False):
                display = Path(entry.path).relative_to(root).as_posix()
                errors.append(ContentError(display, 1, 1, "",
                                           f"« {display} » n'est ni un fichier ni un dossier ordinaire : "
                                           "supprimez-le."))


def _refused(display: str) -> ContentError:
    return ContentError(display, 1, 1, "", (
        f"« {display} » est un lien symbolique : le centre de ressources ne lit et ne publie que des "
        "fichiers ordinaires du dépôt ; remplacez le lien par le fichier lui-même."))
