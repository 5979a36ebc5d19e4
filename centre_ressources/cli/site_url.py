"""The site's public address as mkdocs.yml gives it, and the warning when it is still the
example address: every printed sheet carries that address and a QR code leading to it."""

from __future__ import annotations

import re
from pathlib import Path

PLACEHOLDER = "https://example.org/"  # the address mkdocs.yml ships with
_SITE_URL = re.compile(r"^site_url:\s*['\"]?([^'\"\s#]+)", re.M)


def configured_site_url(root: Path) -> str | None:
    """`site_url` from mkdocs.yml (read as text: the file has MkDocs' own YAML tags)."""
    match = _SITE_URL.search((root / "mkdocs.yml").read_text(encoding="utf-8"))
    return match.group(1) if match else None


def placeholder_warning(root: Path) -> str | None:
    """A French warning when `site_url` is still the example address, else None."""
    site_url = configured_site_url(root)
    if site_url is None or site_url.rstrip("/") != PLACEHOLDER.rstrip("/"):
        return None
    return (f"attention : site_url vaut encore l'adresse d'exemple {PLACEHOLDER} (mkdocs.yml) ; "
            "l'adresse imprimée sur chaque fiche et son code QR y mènent. Avant de publier le site, "
            "indiquez son adresse publique dans site_url.")
