"""The pictures beside a case study are what their names say, and nothing more.

The site publishes them as they are, at its own address: a « photo.svg » holding a script, or
a « photo.jpg » that is really a web page, would run in the site's name when opened on its
own. Each picture's first bytes must be those of its format; an SVG drawing may hold neither
script, event attribute, embedded page nor file from another host.
"""

from __future__ import annotations

import re
from pathlib import Path

from centre_ressources.errors import ContentError

_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
}
_SVG_DANGER = re.compile(
    rb"<\s*(?:script|foreignobject|iframe|object|embed)\b|\bon[a-z]+\s*=|javascript\s*:"
    rb"|\b(?:xlink:)?href\s*=\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:)?//|<\s*!entity",
    re.I)


def picture_problems(pictures: list[Path], root: Path) -> list[ContentError]:
    errors = []
    for picture in pictures:
        display = picture.relative_to(root).as_posix()
        suffix = picture.suffix.lower()
        with picture.open("rb") as file:
            head = file.read(16)
        if suffix == ".webp":
            genuine = head[:4] == b"RIFF" and head[8:12] == b"WEBP"
        elif suffix == ".svg":
            genuine = True
            if _SVG_DANGER.search(picture.read_bytes()):
                errors.append(ContentError(display, 1, 1, "", (
                    "ce dessin SVG contient un script, un attribut d'événement, une page intégrée ou un "
                    "fichier venu d'un autre site : enregistrez l'image en PNG ou en JPEG.")))
        else:
            genuine = head.startswith(_SIGNATURES.get(suffix, (b"",)))
        if not genuine:
            errors.append(ContentError(display, 1, 1, "", (
                f"ce fichier n'est pas une image {suffix.lstrip('.').upper()}, malgré son nom : enregistrez "
                "l'image depuis un logiciel d'images (« Exporter » en JPEG ou en PNG), puis ajoutez-la de nouveau.")))
    return errors
