"""The sitemap, checked, and its compressed copy, made reproducible.

`sitemap.xml`, written by the theme's template, is parsed back before it is compressed: one that
does not parse, holds an element the protocol does not define or a <lastmod> that is not a date
stops the build. `sitemap.xml.gz` is stamped with the latest <lastmod> (or 0) rather than the
build date, so that two builds of the same sources are identical.
"""

from __future__ import annotations

import gzip
import io
import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, time
from pathlib import Path

_GZIP_MTIME_MAX = 2**32 - 1
NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# The elements of the sitemap protocol (sitemaps.org), where each may stand.
_URL_CHILDREN = frozenset(f"{NAMESPACE}{name}" for name in ("loc", "lastmod", "changefreq", "priority"))
# A W3C date, or the start of a W3C date and time.
_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:T[0-9:.+\-Z]*)?\s*")


class SitemapRefused(ValueError):
    """The sitemap holds something else than addresses and dates (message in French)."""


def _refused(reason: str) -> SitemapRefused:
    return SitemapRefused(f"sitemap.xml {reason} : le plan du site n'est pas publié.")


def sitemap_dates(sitemap_xml: str) -> list[date]:
    """The <lastmod> dates of a sitemap; ValueError (in French) if it is anything but
    addresses and their dates."""
    try:
        root = ET.fromstring(sitemap_xml)
    except ET.ParseError as error:
        raise _refused(f"n'est pas du XML bien formé ({error})") from None
    if root.tag != f"{NAMESPACE}urlset":
        raise _refused(f"commence par <{root.tag}> au lieu de <urlset>")
    dates = []
    for url in root:
        if url.tag != f"{NAMESPACE}url":
            raise _refused(f"contient <{url.tag}> dans <urlset>")
        for field in url:
            if field.tag not in _URL_CHILDREN or len(field):
                raise _refused(f"contient <{field.tag}> dans <url>")
            if field.tag == f"{NAMESPACE}lastmod":
                found = _DATE.fullmatch(field.text or "")
                if found is None:
                    raise _refused(f"donne « {field.text} » pour date de mise à jour")
                dates.append(date.fromisoformat(found[1]))
    return dates


def latest_date(sitemap_xml: str) -> int:
    """Seconds since the epoch of the latest <lastmod> (midnight UTC), or 0 without one."""
    dates = sitemap_dates(sitemap_xml)
    if not dates:
        return 0
    return int(datetime.combine(max(dates), time(), tzinfo=UTC).timestamp())


def compress(sitemap_xml: str) -> bytes:
    """`sitemap.xml.gz`: the same bytes for the same sitemap, whenever it is built."""
    buffer = io.BytesIO()
    stamp = min(max(latest_date(sitemap_xml), 0), _GZIP_MTIME_MAX)
    # filename="" keeps the file name out of the header, as `gzip -n` does.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=stamp) as out:
        out.write(sitemap_xml.encode("utf-8"))
    return buffer.getvalue()


def rewrite_compressed(site_dir: Path) -> None:
    """Check sitemap.xml (ValueError if it is refused), then write sitemap.xml.gz again from
    it, without the build date."""
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        (site_dir / "sitemap.xml.gz").write_bytes(compress(sitemap.read_text(encoding="utf-8")))
