"""In Chromium: the comparison's overview reads every compared case, however many, on a phone
and on a laptop, in both schemes (fictional case studies grown from the mini fixture)."""

from __future__ import annotations

import re

import pytest

from benchmarks.grow import grow_catalogue
from centre_ressources.pipeline import build_catalogue
from centre_ressources.render.comparison import COMPARED_CASES_LIMIT
from support.axe import AXE_TAGS, RUN_AXE, new_context
from support.project import copy_project, run_mkdocs

PAGE = "etudes-de-cas/comparaison/"


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("cases") / "project", content="mini")
    grow_catalogue(root, COMPARED_CASES_LIMIT + 4)
    communes = [case.commune for case in build_catalogue(root).cases][:COMPARED_CASES_LIMIT]
    assert len(communes) >= 3  # what a phone could not show side by side
    site = root / "site"
    result = run_mkdocs(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    from support.browser import serve_directory

    with serve_directory(site) as address:
        yield address, communes


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1366])
def test_every_compared_case_is_read_within_the_screen(browser, grown, width, scheme):
    address, communes = grown
    context = new_context(browser, scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(address + PAGE)
    article = page.locator("article")
    for commune in communes:
        # each case once in the accessibility tree of the overview, its facts beside it
        name = article.get_by_role("link", name=commune, exact=True).first
        box = name.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, commune
        if width < 600:
            card = article.get_by_role("listitem").filter(has=page.get_by_role("link", name=commune, exact=True)).first
            assert card.get_by_text("Structure porteuse").is_visible()
            assert card.bounding_box()["width"] <= width
        else:
            row = article.get_by_role("row").filter(has=page.get_by_role("rowheader", name=commune)).first
            assert row.get_by_role("cell").count() == 3
            assert row.bounding_box()["x"] + row.bounding_box()["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []
    context.close()


def test_the_overview_is_one_row_per_case_so_the_table_keeps_its_columns(grown):
    address, communes = grown
    import urllib.request

    html = urllib.request.urlopen(address + PAGE).read().decode("utf-8")
    table = html.split('class="comparaison-tableau"', 1)[1].split("</table>", 1)[0]
    assert len(re.findall(r'<th scope="row">', table)) == len(communes)
    assert len(re.findall(r'<th scope="col">', table)) == 4
