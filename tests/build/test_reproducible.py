"""Reproducible builds: the same sources give the same bytes, whatever the day of the build
and the folder the project sits in; the sitemap's dates come from the content."""

from __future__ import annotations

import gzip
import hashlib
import re
import struct
from datetime import UTC, datetime
from pathlib import Path

import pytest

from support.project import PROJECT, copy_project, run_mkdocs
from support.site_pages import configured_site_url

BUILD_EPOCH = "946684800"  # 2000-01-01: a build date that no content carries


def _files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    sites = []
    for name in ("premiere", "seconde"):
        root = tmp_path_factory.mktemp(name)
        project = copy_project(root / "projet")
        with pytest.MonkeyPatch.context() as env:
            env.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
            result = run_mkdocs(project, root / "site")
        assert result.returncode == 0, result.stderr
        sites.append(root / "site")
    return sites[0], sites[1]


def test_two_builds_of_the_same_sources_are_byte_identical(two_builds):
    first, second = _files(two_builds[0]), _files(two_builds[1])
    assert len(first) > 50
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def _lastmods(sitemap: str) -> dict[str, str]:
    return dict(re.findall(r"<loc>([^<]+)</loc>\s*(?:<lastmod>([^<]+)</lastmod>)?", sitemap))


def test_sitemap_dates_come_from_the_content_not_the_clock(two_builds):
    from centre_ressources.pipeline import build_catalogue

    site = two_builds[0]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    lastmods = _lastmods(sitemap)
    catalogue = build_catalogue(PROJECT)
    root = configured_site_url().rstrip("/")
    for sheet in catalogue.sheets:
        assert lastmods[f"{root}/fiches/{sheet.slug}/"] == sheet.mise_a_jour
    for case in catalogue.cases:
        assert lastmods[f"{root}/etudes-de-cas/{case.slug}/"] == case.mise_a_jour
    assert "2000-01-01" not in sitemap  # the build date
    # The compressed copy holds the same sitemap, stamped with its latest date, not the build's.
    packed = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed).decode("utf-8") == sitemap
    latest = max(date for date in lastmods.values() if date)
    (mtime,) = struct.unpack("<I", packed[4:8])
    assert datetime.fromtimestamp(mtime, UTC).date().isoformat() == latest
