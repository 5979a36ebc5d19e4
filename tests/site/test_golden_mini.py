"""The generated Markdown of the small fixture site (tests/fixtures/mini), page by page, against
reference files under tests/golden/mini/<src_uri>: a change of a template or of the rendering
shows as a diff to review, in the test's failure and then in the commit.

To accept a change (after reading the diff), rewrite the references instead of comparing:

    METTRE_A_JOUR_LES_REFERENCES=1 .venv/bin/python -m pytest tests/site/test_golden_mini.py

then review and commit tests/golden/mini/ (see tests/golden/LISEZMOI.md). Pages no longer
generated are removed from the references; new pages are added.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

from centre_ressources.pipeline import generate
from centre_ressources.render.html_blocks import as_markdown
from support.project import FIXTURES, GOLDEN

REFERENCES = GOLDEN / "mini"
UPDATE = os.environ.get("METTRE_A_JOUR_LES_REFERENCES") == "1"


def generated_pages(tmp_path: Path, monkeypatch) -> dict[str, str]:
    """Every page of the mini site as the core renders it: pictures, glossary links and the parts
    written as HTML inline (no `deferred`, so no random token; `as_markdown`, the form any
    builder reads), a fixed date for whatever reads SOURCE_DATE_EPOCH."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    _, site = generate(root)
    return {uri: as_markdown(text) for uri, text in sorted(site.pages.items())}


def reference_files() -> dict[str, Path]:
    return {path.relative_to(REFERENCES).as_posix(): path for path in sorted(REFERENCES.rglob("*")) if path.is_file()}


def write_references(pages: dict[str, str]) -> None:
    for src_uri, path in reference_files().items():
        if src_uri not in pages:
            path.unlink()
    for src_uri, markdown in pages.items():
        target = REFERENCES / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8", newline="")


def first_difference(pages: dict[str, str], references: dict[str, Path]) -> str | None:
    """A readable account of the first page that differs (in src_uri order), or None."""
    missing = sorted(set(pages) - set(references))
    unexpected = sorted(set(references) - set(pages))
    if missing or unexpected:
        return ("Les pages générées ne sont pas celles des références.\n"
                f"  sans référence : {missing}\n  références sans page : {unexpected}\n"
                "Relancer avec METTRE_A_JOUR_LES_REFERENCES=1 si le changement est voulu.")
    for src_uri, markdown in pages.items():
        expected = references[src_uri].read_bytes().decode("utf-8")  # as written, line ends included
        if markdown != expected:
            diff = difflib.unified_diff(expected.splitlines(keepends=True), markdown.splitlines(keepends=True),
                                        fromfile=f"tests/golden/mini/{src_uri} (référence)",
                                        tofile=f"{src_uri} (généré)")
            return (f"La page {src_uri} a changé (première page différente) :\n" + "".join(diff)
                    + "\nRelancer avec METTRE_A_JOUR_LES_REFERENCES=1 si le changement est voulu.")
    return None


def test_the_generated_markdown_of_the_mini_site_matches_the_references(tmp_path, monkeypatch):
    pages = generated_pages(tmp_path, monkeypatch)
    assert len(pages) > 10  # every kind of page: home, phases, sheets, a case, a path, catalogue, data
    if UPDATE:
        write_references(pages)
    problem = first_difference(pages, reference_files())
    if problem:
        pytest.fail(problem, pytrace=False)


def test_a_changed_page_is_reported_with_a_unified_diff(tmp_path):
    reference = tmp_path / "fiches" / "alpha.md"
    reference.parent.mkdir(parents=True)
    reference.write_text("# Alpha\n\nUne ligne.\n", encoding="utf-8")
    problem = first_difference({"fiches/alpha.md": "# Alpha\n\nUne autre ligne.\n"},
                               {"fiches/alpha.md": reference})
    assert problem is not None and "fiches/alpha.md" in problem
    assert "-Une ligne.\n+Une autre ligne.\n" in problem
    assert "--- tests/golden/mini/fiches/alpha.md (référence)" in problem
    assert "sans référence : ['index.md']" in first_difference({"index.md": ""}, {})
