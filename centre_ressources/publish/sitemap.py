"""The compressed sitemap, made reproducible.

MkDocs stamps `sitemap.xml.gz` with the build date (gzip header mtime), so two builds of the
same sources differ. Here the stamp is the latest <lastmod> of the sitemap itself, which the
theme's sitemap template takes from the content (`mise_a_jour`), or 0 ("no date", allowed
by the gzip format) when no page has a date.
"""

from __future__ import annotations

import gzip
import io
import re
from datetime import UTC, date, datetime, time
from pathlib import Path

_LASTMOD = re.compile(r"<lastmod>\s*(\d{4}-\d{2}-\d{2})")


def latest_date(sitemap_xml: str) -> int:
    """Seconds since the epoch of the latest <lastmod> (midnight UTC), or 0 without one."""
    dates = [date.fromisoformat(found) for found in _LASTMOD.findall(sitemap_xml)]
    if not dates:
        return 0
    return int(datetime.combine(max(dates), time(), tzinfo=UTC).timestamp())


def compress(sitemap_xml: str) -> bytes:
    """`sitemap.xml.gz`: the same bytes for the same sitemap, whenever it is built."""
    buffer = io.BytesIO()
    # filename="" keeps the file name out of the header, as `gzip -n` does.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=latest_date(sitemap_xml)) as out:
        out.write(sitemap_xml.encode("utf-8"))
    return buffer.getvalue()


def rewrite_compressed(site_dir: Path) -> None:
    """Write sitemap.xml.gz again from sitemap.xml, without the build date."""
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        (site_dir / "sitemap.xml.gz").write_bytes(compress(sitemap.read_text(encoding="utf-8")))
