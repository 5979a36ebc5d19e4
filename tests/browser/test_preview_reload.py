"""The preview in a browser: a page open in Chromium shows an edit of its file by itself (the
live reload, once the page is written), then the notice of a content error, in French."""

from __future__ import annotations

from benchmarks.serving import Serving
from support.edits import edit
from support.project import copy_project

CASE = "case_studies/vallee-exemple/index.md"


def test_an_open_page_reloads_with_the_edit_then_shows_the_error(tmp_path, browser):
    # The session's browser: a second Playwright started in the same thread while it runs
    # is refused ("Sync API inside the asyncio loop").
    root = copy_project(tmp_path / "project", content="mini")
    with Serving(root, ready_timeout=180) as serving:
        page = browser.new_page()
        try:
            page.goto(serving.url + "etudes-de-cas/vallee-exemple/")
            page.wait_for_load_state("load")
            edit(root, CASE, "Un récit de test.", "Un récit lu dans le navigateur.")
            page.get_by_text("Un récit lu dans le navigateur.").wait_for(timeout=30_000)  # no reload asked

            edit(root, CASE, "fiches: [alpha, beta]", "fiches: [alpha, betta]")
            notice = page.get_by_role("alert")
            notice.wait_for(timeout=30_000)
            assert "aucune fiche ne s'appelle « betta »" in notice.inner_text()
            assert page.get_by_text("Un récit lu dans le navigateur.").is_visible()  # the last good page
        finally:
            page.close()
