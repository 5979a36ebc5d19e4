"""The benchmark's catalogue grower (benchmarks/grow.py) and floor (benchmarks/floor.py).

The benchmark itself takes minutes and is not part of the suite; these tests check that what
it measures is a valid catalogue and a buildable floor, so that its figures mean something.
"""

from __future__ import annotations

from benchmarks.floor import PageShape, floor_config, write_floor
from benchmarks.grow import grow_catalogue
from benchmarks.yamltext import load, split_front_matter
from support.project import PROJECT, copy_project, run_cli, run_mkdocs


def _snapshot(root):
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_grown_mini_catalogue_passes_check(tmp_path):
    root = copy_project(tmp_path / "project", content="mini")
    before = _snapshot(root / "methods") | _snapshot(root / "case_studies")

    growth = grow_catalogue(root, 30, case_share=0.5)

    assert (growth.sheets, growth.cases) == (15, 15)
    result = run_cli(root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "15 fiches, 15 études de cas" in result.stdout
    # The real files are untouched, so a real sheet's page can be compared with the real site.
    after = _snapshot(root / "methods") | _snapshot(root / "case_studies")
    assert {path: after[path] for path in before} == before


def test_copied_cases_use_the_real_and_the_copied_sheets(tmp_path):
    root = copy_project(tmp_path / "project", content="mini")
    grow_catalogue(root, 30, case_share=0.5)  # 4 real sheets + 11 copies: generations 0, 1, 2
    generations = set()
    for index in (root / "case_studies").glob("*-copie-*/index.md"):
        data, _ = split_front_matter(index.read_text("utf-8"))
        for entry in data["chronologie"]:
            generations |= {int(slug.rsplit("-", 1)[1]) if "-copie-" in slug else 0 for slug in entry.get("fiches", [])}
    assert generations == {0, 1, 2}


def test_default_growth_is_mostly_case_studies(tmp_path):
    root = copy_project(tmp_path / "project", content="mini")
    growth = grow_catalogue(root, 30)
    assert (growth.sheets, growth.cases) == (4, 26)
    result = run_cli(root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 fiches, 26 études de cas" in result.stdout


def test_floor_is_plain_material_and_builds(tmp_path):
    config = load(floor_config((PROJECT / "mkdocs.yml").read_text("utf-8")))
    assert "hooks" not in config
    assert all("macros" not in (p if isinstance(p, str) else next(iter(p))) for p in config["plugins"])
    assert config["theme"]["name"] == "material"

    root = tmp_path / "floor"
    write_floor(root, (PROJECT / "mkdocs.yml").read_text("utf-8"), [PageShape(3000, 5)] * 3,
                ["coopération", "territoire", "maison", "associations"])
    page = (root / "docs" / "pages" / "page-00002.md").read_text("utf-8")
    assert abs(len(page) - 3000) < 500 and page.count("\n#") + page.startswith("#") == 5
    result = run_mkdocs(root, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "pages" / "page-00003" / "index.html").is_file()


def test_stage_breakdown_accounts_for_the_whole_build(tmp_path):
    # benchmarks/LISEZMOI.md explains the missed targets with this breakdown: its stages must add up to
    # the build's time, and the project's own work must show where it is done.
    from benchmarks.measure import stages

    root = copy_project(tmp_path / "project", content="mini")
    found = stages(root, tmp_path / "site")

    assert found is not None
    parts = [found[k] for k in ("contenus", "markdown", "recherche", "gabarits", "crochets", "reste")]
    assert all(value >= 0 for value in parts)
    assert abs(sum(parts) - found["total"]) < 0.01
    assert found["contenus"] > 0 and found["markdown"] > 0 and found["recherche"] > 0
    assert (tmp_path / "site" / "fiches" / "index.html").is_file()


def test_floor_gets_the_same_search_engine_as_the_site(tmp_path):
    # The ratio to the floor weighs what the project adds to Material: a site searched with
    # Pagefind is compared with a floor indexed by Pagefind too, its cost counted in the floor.
    from benchmarks.__main__ import PAGEFIND, build_once, search_engine

    root = tmp_path / "floor"
    write_floor(root, (PROJECT / "mkdocs.yml").read_text("utf-8"), [PageShape(3000, 5)] * 3,
                ["coopération", "territoire", "maison", "associations"])
    plain = build_once(root, tmp_path / "plain", "plancher")
    indexed = build_once(root, tmp_path / "indexed", "plancher", search=PAGEFIND)

    assert search_engine(tmp_path / "indexed") == PAGEFIND
    assert search_engine(tmp_path / "plain") != PAGEFIND
    assert list((tmp_path / "indexed" / "pagefind").glob("fragment/*.pf_fragment"))
    assert indexed.cpu_seconds > 0 and plain.cpu_seconds > 0


def test_floor_pages_take_their_shape_from_the_exported_pages(tmp_path):
    # The floor copies the length, headings and words of the generated sheet and case pages,
    # read from the export: wherever the export puts them, the benchmark must find them all.
    from benchmarks.__main__ import exported_shapes

    root = copy_project(tmp_path / "project", content="mini")
    sheet_shape, case_shape, words = exported_shapes(root, tmp_path)

    assert sheet_shape.chars > 1000 and sheet_shape.headings >= 5
    assert case_shape.chars > 1000 and case_shape.headings >= 3
    assert "Objectifs" in words
    # the words of the parts written as HTML, which the export leaves to `finish`, count too
    assert "lisible" in words and "personnes" in words
    assert not [w for w in words if w.startswith("centre-ressources-image")]  # pictures are no words
