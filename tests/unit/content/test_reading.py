"""One file read: its record is made only when nothing is wrong with it, whatever rules judge it,
and a reader that remembers judges an unchanged file once."""

from __future__ import annotations

import shutil

import pytest

from centre_ressources.checks.per_file import file_problems
from centre_ressources.content.load_cache import LoadCache
from centre_ressources.content.reading import read_file
from centre_ressources.errors import ContentError
from support.project import FIXTURES


@pytest.fixture
def sheet(tmp_path):
    root = tmp_path / "projet"
    shutil.copytree(FIXTURES / "mini", root)
    return root, root / "methods" / "alpha.md"


def _slug(slug, doc, path, origin):
    return slug


def _nothing_wrong(*_args):
    return []


def test_the_record_is_made_when_the_rules_find_nothing_and_not_when_they_find_a_problem(sheet):
    root, path = sheet
    assert read_file(root, path, "fiche", _slug, file_problems).record == "alpha"
    problem = ContentError("methods/alpha.md", 3, 1, "titre", "un problème fictif.")
    found = read_file(root, path, "fiche", _slug, lambda *_args: [problem])
    assert (found.record, found.errors) == (None, (problem,))


def test_the_schema_s_errors_keep_the_record_out_even_when_the_rules_say_nothing(sheet):
    root, path = sheet
    path.write_text(path.read_text(encoding="utf-8").replace("\ntitre:", "\ntitr: x\ntitre:", 1), encoding="utf-8")
    found = read_file(root, path, "fiche", _slug, _nothing_wrong)
    assert found.record is None
    assert [error.field for error in found.errors] == ["titr"]


def test_the_cache_judges_an_unchanged_file_once_and_a_changed_one_again(sheet):
    root, path = sheet
    judged: list[str] = []

    def rules(kind, doc, texts, schema_errors, file, project):
        judged.append(doc.path)
        return file_problems(kind, doc, texts, schema_errors, file, project)

    cache = LoadCache()
    first = cache.read(root, path, "fiche", _slug, rules)
    assert cache.read(root, path, "fiche", _slug, rules) is first
    assert judged == ["methods/alpha.md"]
    path.write_text(path.read_text(encoding="utf-8") + "\nUn paragraphe de plus.\n", encoding="utf-8")
    assert cache.read(root, path, "fiche", _slug, rules).record == "alpha"
    assert len(judged) == 2
    cache.read(root, path, "fiche", _slug, file_problems)  # other rules: judged by them
    assert cache.read_again == ["methods/alpha.md"] * 3
