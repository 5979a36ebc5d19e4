"""Every bad input gets its exact French error at file and line; no build damages the site."""

from __future__ import annotations

import pytest

from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import generate
from support.bad_inputs.corpus import CORPUS, BadInput
from support.project import copy_project, run_cli, run_mkdocs


def apply(project, bad: BadInput) -> None:
    for relative, data in bad.beside.items():
        (project / relative).write_bytes(data)
    path = project / bad.path
    current = path.read_text(encoding="utf-8") if path.exists() else None
    content = bad.edit(current)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 25
    assert len({bad.name for bad in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("bad", CORPUS, ids=lambda bad: bad.name)
def test_bad_input_gives_its_exact_message(tmp_path, bad):
    project = copy_project(tmp_path / "project", content="mini")
    apply(project, bad)
    with pytest.raises(ContentErrors) as caught:
        generate(project)
    assert [error.format() for error in caught.value.errors] == bad.lines


@pytest.mark.parametrize("bad", CORPUS, ids=lambda bad: bad.name)
def test_bad_input_stops_both_builds_and_keeps_the_old_site(tmp_path, bad):
    project = copy_project(tmp_path / "project", content="mini")
    site_dir = project / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("ancien site", encoding="utf-8")
    apply(project, bad)
    for result in (run_mkdocs(project, site_dir), run_cli(project, "build")):
        output = result.stdout + result.stderr
        assert result.returncode != 0
        for line in bad.lines:
            assert line in output
        assert "Traceback" not in output
        assert [p.name for p in site_dir.iterdir()] == ["index.html"]
        assert (site_dir / "index.html").read_text(encoding="utf-8") == "ancien site"
