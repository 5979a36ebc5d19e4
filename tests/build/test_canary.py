"""The canary: a hostile marker in every string field of every content kind's schema (found from
the schemas: a field added later is covered too), and in every Markdown body; `check` accepts
what a contributor may write, the strict build publishes it, and no published file shows it as
anything but text: no element, no attribute, no evaluated expression, no formula; the feed and
the sitemap parse as XML, the JSON files as JSON, the JSON-LD and the planner's data too.

Fictional content (tests/fixtures/mini), marked « Canari »."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from centre_ressources.content.schemas import load_schema
from support.canary import KINDS, Planted, plant_markers, string_fields, traces
from support.project import GLOSSARY, copy_project, run_cli, run_mkdocs


@pytest.fixture(scope="module")
def canary(tmp_path_factory) -> tuple[Path, Path, Planted]:
    base = tmp_path_factory.mktemp("canary")
    root = copy_project(base / "project", content="mini")
    (root / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    planted = plant_markers(root)
    result = run_mkdocs(root, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    return root, base / "site", planted


def test_check_accepts_every_marker(canary):
    root, _, planted = canary
    result = run_cli(root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    # a field that takes plain text takes the marker too: nothing a contributor may write is refused for its characters
    assert planted.over_refused == {}


def test_every_string_field_of_every_schema_holds_a_marker(canary):
    _, _, planted = canary
    for kind in (*KINDS.values(), "glossaire"):
        schema_fields = string_fields(kind)
        free = {name for name in schema_fields if not _constrained_by_schema(kind, name)}
        reached = {name for (path, name) in planted.markers if _kind_of(path) == kind}
        kept = {name for (path, name) in planted.constrained if _kind_of(path) == kind}
        assert free - reached - kept == set(), kind
        assert reached, kind


def test_no_published_file_shows_a_marker_as_anything_but_text(canary):
    _, site, _ = canary
    assert traces(site) == []


def test_the_markers_reach_the_pages_the_feed_and_the_open_data(canary):
    _, site, planted = canary
    pages = "".join(path.read_text(encoding="utf-8") for path in site.rglob("*.html"))
    titles = [marker for (path, name), marker in planted.markers.items() if name == "titre"]
    assert titles and all(_first_line(marker) in _as_text(pages) for marker in titles)
    for published in ("feed.xml", "api/fiches.json", "api/fiches.csv", "api/etudes-de-cas.json"):
        assert "Canari" in (site / published).read_text(encoding="utf-8"), published


def _first_line(marker: str) -> str:
    return marker.split("\n", 1)[0].split(" ", 1)[0]  # « =CanariN »


def _as_text(html: str) -> str:
    return re.sub(r"&amp;|&#0*61;|&#x3d;", lambda m: "=" if m[0] != "&amp;" else "&", html)


def _kind_of(path: str) -> str:
    if path == "glossary.yml":
        return "glossaire"
    return KINDS[path.split("/", 1)[0]]


def _constrained_by_schema(kind: str, name: str) -> bool:
    """A field whose values the schema itself restricts (a date, a slug, a choice)."""
    node = load_schema(kind)
    for part in re.findall(r"[^.\[\]]+|\[\]", name):
        node = _resolved(node, kind)
        node = node.get("items", {}) if part == "[]" else node.get("properties", {}).get(part, {})
    node = _resolved(node, kind)
    return any(key in node for key in ("pattern", "format", "enum", "const"))


def _resolved(node: dict, kind: str) -> dict:
    root = load_schema(kind)
    while "$ref" in node:
        node = {**root["$defs"][node["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node
