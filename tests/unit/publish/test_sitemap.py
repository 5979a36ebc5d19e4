"""The compressed sitemap does not depend on the day of the build (centre_ressources/publish/sitemap.py)."""

import gzip
import struct

from centre_ressources.publish.sitemap import compress, latest_date

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset><url><loc>https://example.org/a/</loc><lastmod>2025-03-02</lastmod></url>
<url><loc>https://example.org/b/</loc><lastmod>2026-11-26</lastmod></url>
<url><loc>https://example.org/</loc></url></urlset>"""


def test_stamp_is_the_latest_content_date_or_none():
    assert latest_date(SITEMAP) == 1795651200  # 2026-11-26T00:00:00Z
    assert latest_date("<urlset></urlset>") == 0


def test_compressed_sitemap_is_stable_and_complete():
    packed = compress(SITEMAP)
    assert packed == compress(SITEMAP)
    assert gzip.decompress(packed).decode("utf-8") == SITEMAP
    assert struct.unpack("<I", packed[4:8]) == (1795651200,)
