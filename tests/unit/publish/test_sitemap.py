"""The sitemap holds addresses and dates only, and its compressed copy does not depend on the
day of the build (centre_ressources/publish/sitemap.py)."""

import gzip
import struct
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from centre_ressources.publish.sitemap import NAMESPACE, compress, latest_date, rewrite_compressed, sitemap_dates
from support.hostile import HOSTILE
from support.project import PROJECT

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/a/</loc><lastmod>2025-03-02</lastmod></url>
<url><loc>https://example.org/b/</loc><lastmod>2026-11-26</lastmod></url>
<url><loc>https://example.org/</loc></url></urlset>"""


def test_stamp_is_the_latest_content_date_or_none():
    assert latest_date(SITEMAP) == 1795651200  # 2026-11-26T00:00:00Z
    assert latest_date('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>') == 0


def test_compressed_sitemap_is_stable_and_complete():
    packed = compress(SITEMAP)
    assert packed == compress(SITEMAP)
    assert gzip.decompress(packed).decode("utf-8") == SITEMAP
    assert struct.unpack("<I", packed[4:8]) == (1795651200,)


def _dated(day: str) -> str:
    return ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/</loc>'
            f"<lastmod>{day}</lastmod></url></urlset>")


@pytest.mark.parametrize("day,stamp", [("2200-01-01", 2**32 - 1), ("1900-01-01", 0), ("2099-12-31", 4102358400)])
def test_a_date_the_gzip_header_cannot_hold_gives_its_nearest_end(day, stamp):
    packed = compress(_dated(day))
    assert struct.unpack("<I", packed[4:8]) == (stamp,)
    assert gzip.decompress(packed).decode("utf-8") == _dated(day)


# The theme's templates: MkDocs' (given files) and Zensical's (given pages), rendered here by
# Jinja without autoescape, as MkDocs renders its own.
TEMPLATES = {
    "docs/overrides/sitemap.xml": lambda url, date: {"pages": [SimpleNamespace(page=SimpleNamespace(
        is_link=False, abs_url=url, canonical_url=url, meta={"mise_a_jour": date}))]},
    "zensical/overrides/sitemap.xml": lambda url, date: {"pages": [SimpleNamespace(
        canonical_url=url, meta={"mise_a_jour": date})]},
}
INJECTED = '2025-01-01</lastmod><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script><lastmod>2025-01-01'


def rendered(template: str, url: str, date: str) -> str:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(PROJECT))
    return environment.get_template(template).render(**TEMPLATES[template](url, date))


def published_sitemap(site: Path, xml: str) -> str | None:
    """What the finish step publishes from this sitemap: its text, or None when refused."""
    try:
        (site / "sitemap.xml").write_text(xml, encoding="utf-8")
    except UnicodeEncodeError:  # a lone surrogate: the builder cannot write the file either
        return None
    try:
        rewrite_compressed(site)
    except ValueError as error:
        assert "le plan du site n'est pas publié" in str(error)
        return None
    return gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8")


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_address_or_date_is_refused_or_stays_text(tmp_path, template, text):
    for url, day in ((f"https://exemple.org/{text}/", "2025-01-01"), ("https://exemple.org/a/", text)):
        published = published_sitemap(tmp_path, rendered(template, url, day))
        if published is not None:
            root = ET.fromstring(published)
            assert {e.tag for e in root.iter()} <= {f"{NAMESPACE}{n}" for n in ("urlset", "url", "loc", "lastmod")}
            assert [d.isoformat() for d in sitemap_dates(published)] in ([], ["2025-01-01"])


@pytest.mark.parametrize("template", TEMPLATES)
def test_an_element_injected_through_a_date_is_refused(tmp_path, template):
    assert published_sitemap(tmp_path, rendered(template, "https://exemple.org/a/", INJECTED)) is None


def test_the_templates_write_a_sitemap_the_check_accepts(tmp_path):
    for template in TEMPLATES:
        published = published_sitemap(tmp_path, rendered(template, "https://exemple.org/a/", "2025-01-01"))
        assert published is not None and sitemap_dates(published) == [date(2025, 1, 1)]


@pytest.mark.parametrize("xml", [
    "<urlset",
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>a\x01</loc></url></urlset>',
    '<feed xmlns="http://www.w3.org/2005/Atom"/>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><script/></urlset>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc><b>a</b></loc></url></urlset>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>demain</lastmod></url></urlset>',
])
def test_anything_but_addresses_and_dates_is_refused(xml):
    with pytest.raises(ValueError, match="le plan du site n'est pas publié"):
        sitemap_dates(xml)
