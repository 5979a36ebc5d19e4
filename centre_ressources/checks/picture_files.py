"""The files beside a case study are raster pictures, each what its name says.

They are published as they are, at the site's address: a « photo.jpg » that is a web page, or
any SVG, would run in the site's name when opened alone. So only PNG, JPEG, WebP and GIF, each
with its format's first bytes; and a name of lower-case letters, digits, `-` and `_` with one
extension, since it is written as is in addresses and in api/etudes-de-cas.json."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from centre_ressources.content.reading import IMAGE_SUFFIXES
from centre_ressources.errors import ContentError

_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
}
_PICTURE_NAME = re.compile(r"[a-z0-9_-]+\.(?:png|jpe?g|gif|webp)")


def picture_problems(files: list[Path], root: Path) -> list[ContentError]:
    """For every file beside a case study's index.md."""
    errors = []
    for file in files:
        display = _shown(file.relative_to(root).as_posix())  # a name may hold a line end
        suffix = file.suffix.lower()
        if suffix not in IMAGE_SUFFIXES:
            errors.append(ContentError(display, 1, 1, "", _not_a_picture(file.name, suffix)))
            continue
        with file.open("rb") as opened:
            head = opened.read(16)
        if suffix == ".webp":
            genuine = head[:4] == b"RIFF" and head[8:12] == b"WEBP"
        else:
            genuine = head.startswith(_SIGNATURES[suffix])
        if not genuine:
            errors.append(ContentError(display, 1, 1, "", (
                f"ce fichier n'est pas une image {suffix.lstrip('.').upper()}, malgré son nom : enregistrez "
                "l'image depuis un logiciel d'images (« Exporter » en JPEG ou en PNG), puis ajoutez-la de nouveau.")))
        if not _PICTURE_NAME.fullmatch(file.name):
            errors.append(ContentError(display, 1, 1, "", (
                f"le nom « {_shown(file.name)} » ne convient pas à l'adresse d'une image : n'y mettez que des lettres "
                "minuscules sans accents, des chiffres, des tirets (-) ou des tirets bas (_), puis un seul point "
                f"avant l'extension ; renommez le fichier, par exemple « {suggested_name(file.name)} », et le lien "
                "qui le montre avec lui.")))
    return errors


def suggested_name(name: str) -> str:
    """A picture's name as the rule above takes it: accents folded, lower case, every other run
    of characters a hyphen (`Photo Été 1.JPG` -> `photo-ete-1.jpg`)."""
    stem, _, suffix = name.rpartition(".")
    folded = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii").lower()
    stem = re.sub(r"[^a-z0-9_]+", "-", folded).strip("-") or "image"
    return f"{stem}.{suffix.lower()}"


def _shown(name: str) -> str:
    return name.replace("\n", "U+000A").replace("\r", "U+000D").replace("\t", "U+0009")


def _not_a_picture(name: str, suffix: str) -> str:
    if suffix == ".svg":
        return ("les dessins SVG ne sont pas acceptés : ouvert seul, un SVG peut exécuter du script au nom du site ; "
                "exportez le dessin en PNG (« Exporter » dans votre logiciel de dessin), ou en JPEG pour une photo, "
                "et liez l'image exportée.")
    return (f"« {name} » n'est pas une image acceptée : seules des images PNG, JPEG, WebP ou GIF accompagnent une "
            "étude de cas ; exportez-la en PNG (ou en JPEG pour une photo), ou retirez ce fichier du dossier.")
