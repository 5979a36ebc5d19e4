"""The weight a content file may have: one above it is refused before it is read.

The other limits on a contribution (lists, pictures, nesting) are checks/limits.py; all are
stated in CONTRIBUTING.md (« Les limites »).
"""

from __future__ import annotations

from pathlib import Path

from centre_ressources.errors import ContentError

MAX_CONTENT_FILE_BYTES = 256 * 1024  # one sheet, case study, phase, path, or the glossary


def size_text(count: int) -> str:
    """A size in bytes as the limits' messages write it: `256 Ko`, `5,0 Mo`."""
    return f"{count / 1024 / 1024:.1f} Mo".replace(".", ",") if count >= 1024 * 1024 else f"{count // 1024} Ko"


def oversized_content_file(path: Path, display: str) -> ContentError | None:
    """Checked before the file is read."""
    size = path.stat().st_size
    if size <= MAX_CONTENT_FILE_BYTES:
        return None
    return ContentError(display, 1, 1, "", (
        f"ce fichier pèse {size_text(size)}, plus que les {size_text(MAX_CONTENT_FILE_BYTES)} permis pour un "
        "contenu : découpez-le (une étude de cas par dossier, une fiche par fichier) ou raccourcissez-le."))
