"""The planner holds against names written by contributors: a phase whose short title is
`__proto__`, a material named `constructor`, a sheet whose file is `constructor.md` (all
fictional, in a copy of tests/fixtures/mini) open in « Mon atelier » like any other, in Chromium."""

from __future__ import annotations

import shutil

import pytest

from support.axe import new_context
from support.edits import edit
from support.project import copy_project, run_mkdocs


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    from support.browser import serve_directory

    root = copy_project(tmp_path_factory.mktemp("noms") / "project", content="mini")
    edit(root, "phases/premiere.md", "titre: Première phase\n", "titre: Première phase\ntitre_court: __proto__\n")
    for name in ("alpha", "beta"):
        edit(root, f"methods/{name}.md", "materiel:\n  - Des post-it\n", "materiel:\n  - Des post-it\n  - constructor\n")
    shutil.copy(root / "methods" / "gamma.md", root / "methods" / "constructor.md")
    result = run_mkdocs(root, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_directory(root / "site") as address:
        yield address


@pytest.fixture
def context(browser):
    context = new_context(browser, "light", viewport={"width": 1280, "height": 900})
    context.errors = []
    context.on("weberror", lambda error: context.errors.append(str(error.error)))
    yield context
    context.close()


def test_names_of_object_s_own_properties_in_the_content_open_in_the_planner(context, base):
    page = context.new_page()
    page.goto(base + "atelier/#debut=18:00&plan=alpha~constructor~beta.1")
    page.get_by_role("group", name="La séance").wait_for()
    page.locator(".atelier-bloc").first.wait_for()
    titles = page.locator(".atelier-bloc h3, .atelier-bloc h2").all_inner_texts()
    assert any("Fiche alpha" in title for title in titles) and any("Fiche gamma" in title for title in titles)
    materials = page.locator("#cr--atelier-planificateur").inner_text()
    assert "constructor" in materials and "Des post-it" in materials
    options = page.get_by_label("Fiche", exact=True).locator("option").all_inner_texts()
    assert any("Fiche alpha" in option for option in options)
    assert context.errors == []
