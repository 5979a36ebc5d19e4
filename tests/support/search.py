"""The published site's search index (Pagefind), read back as the browser would: each page's
fragment is a gzip file holding, after a short signature, the JSON of that page (address,
indexed text, meta, filters)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def indexed_pages(site: Path) -> dict[str, dict]:
    """Every page in the index, by its address (`/fiches/x/`)."""
    pages = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        fragment = json.loads(data[len(SIGNATURE):])
        pages[fragment["url"]] = fragment
    return pages
