"""The site's and the repository's addresses as mkdocs.yml gives them, and what the build says
when they are not known (centre_ressources/deployment.py decides from where it is deployed)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from centre_ressources.deployment import address_warnings, deployed_addresses

_KEY = r"^{}:\s*['\"]?([^'\"\s#]+)"


def configured(root: Path, key: str) -> str | None:
    """`site_url` or `repo_url` from mkdocs.yml (read as text: the file has MkDocs' own YAML tags)."""
    match = re.search(_KEY.format(key), (root / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else None


def address_messages(root: Path) -> list[str]:
    """French warnings when the site's public address or its repository is unknown here."""
    addresses = deployed_addresses(configured(root, "site_url"), configured(root, "repo_url"), os.environ)
    return address_warnings(addresses)
