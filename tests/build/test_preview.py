"""`centre-ressources serve`: an edit shows in the served pages that depend on it, the other
pages' files are left alone, and a content error is told in the terminal and on the page, in
French, while the previous pages stay. (Its speed is measured by benchmarks/preview.py.)"""

from __future__ import annotations

import shutil
import time

import pytest

from benchmarks.serving import Serving
from support.edits import edit
from support.project import copy_project

CASE = "case_studies/vallee-exemple/index.md"
CASE_PAGE = "etudes-de-cas/vallee-exemple/"


@pytest.fixture
def serving(tmp_path):
    root = copy_project(tmp_path / "project", content="mini")
    with Serving(root, ready_timeout=180) as running:
        running.root = root
        yield running


def _until(condition, what: str, serving: Serving, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what}\n{serving.output()[-3000:]}")


def test_an_edit_shows_on_its_pages_and_leaves_the_others_alone(serving: Serving):
    unrelated = serving.site_dir / "fiches" / "gamma" / "index.html"  # a sheet the case does not name
    before = unrelated.stat()
    sheet = "fiches/alpha/"  # named by the chronology entry edited
    assert "Le groupe s'est réuni" in serving.get(sheet)

    edit(serving.root, CASE, "a exploré son territoire.", "a exploré son territoire pendant l'aperçu.")
    serving.wait_for(CASE_PAGE, "pendant l'aperçu")
    serving.wait_for(sheet, "pendant l'aperçu")  # where the sheet lists the cases that used it

    after = unrelated.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    serving.wait_for_output("Aperçu mis à jour")
    assert "etudes-de-cas/vallee-exemple/" in serving.output()


def test_a_content_error_is_told_in_french_and_the_previous_page_stays(serving: Serving):
    edit(serving.root, CASE, "Un récit de test.", "Un récit de test, première version.")
    serving.wait_for(CASE_PAGE, "première version")

    edit(serving.root, CASE, "fiches: [alpha, beta]", "fiches: [alpha, betta]")
    serving.wait_for_output("aucune fiche ne s'appelle « betta »")
    output = serving.output()
    assert f"{CASE}:" in output and "L'aperçu garde la dernière version valide" in output
    serving.wait_for(CASE_PAGE, "Erreur dans les contenus")
    page = serving.get(CASE_PAGE)
    assert "aucune fiche ne s'appelle « betta »" in page
    assert "première version" in page  # the last good page, under the notice

    edit(serving.root, CASE, "fiches: [alpha, betta]", "fiches: [alpha, beta]")
    edit(serving.root, CASE, "première version", "version corrigée")
    serving.wait_for(CASE_PAGE, "version corrigée")
    _until(lambda: "Erreur dans les contenus" not in serving.get(CASE_PAGE), "l'avis d'erreur est resté", serving)


def test_a_case_study_added_then_removed_during_the_preview(tmp_path):
    root = copy_project(tmp_path / "project", content="mini")
    # two cases from the start, so that a third one leaves the navigation as it is
    shutil.copytree(root / "case_studies" / "vallee-exemple", root / "case_studies" / "vallee-seconde")
    edit(root, "case_studies/vallee-seconde/index.md", "titre: La vallée exemple", "titre: La vallée seconde")
    with Serving(root, ready_timeout=180) as serving:
        unrelated = serving.site_dir / "fiches" / "gamma" / "index.html"
        before = unrelated.stat()
        added = root / "case_studies" / "vallee-ajoutee"
        shutil.copytree(root / "case_studies" / "vallee-exemple", added)
        edit(root, "case_studies/vallee-ajoutee/index.md", "titre: La vallée exemple", "titre: La vallée ajoutée")
        serving.wait_for("etudes-de-cas/vallee-ajoutee/", "La vallée ajoutée")
        serving.wait_for("etudes-de-cas/", "La vallée ajoutée")  # the list of cases
        assert "tout le site est reconstruit" not in serving.output()
        after = unrelated.stat()
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)

        shutil.rmtree(added)
        _until(lambda: "La vallée ajoutée" not in serving.get("etudes-de-cas/"), "l'étude retirée est restée", serving)
        assert "La vallée ajoutée" not in serving.get("etudes-de-cas/vallee-ajoutee/")
