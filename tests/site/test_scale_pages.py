"""Pages that a visitor loads do not grow with the number of case studies (scale issue).

A sheet or a phase page shows what the first few case studies did there, then says how many
others there are and links to the cases' index, where every case is listed.
"""

from __future__ import annotations

import re

from benchmarks.grow import grow_catalogue
from centre_ressources import urls
from centre_ressources.pipeline import generate
from centre_ressources.render.pages import MOMENTS_CASES_LIMIT
from support.project import copy_project


def _section(markdown: str, title: str) -> str:
    return markdown.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_sheet_and_phase_pages_show_a_few_cases_and_link_to_all(tmp_path):
    root = copy_project(tmp_path / "project", content="mini")
    grow_catalogue(root, 30)  # 26 case studies, every one using the sheet « alpha »
    _, site = generate(root)

    for page, count in ((urls.sheet_page("alpha"), 26), (urls.phase_page("premiere"), 26)):
        field = _section(site.pages[page], "Sur le terrain")
        cases = set(re.findall(r"etudes-de-cas/([^)/]+)/(?:index\.md\)|\")", field))  # Markdown or HTML link
        assert len(cases) == MOMENTS_CASES_LIMIT, page
        assert f"Et {count - MOMENTS_CASES_LIMIT} autres études de cas" in field, page
        assert re.search(r"(?:\[|>)voir toutes les études de cas", field), page


def test_a_few_cases_are_all_shown(tmp_path):
    root = copy_project(tmp_path / "project", content="mini")
    _, site = generate(root)
    field = _section(site.pages[urls.sheet_page("alpha")], "Sur le terrain")
    assert 'etudes-de-cas/vallee-exemple/"' in field
    assert "autres études de cas" not in field and "autre étude de cas" not in field


def test_the_comparison_puts_a_few_cases_side_by_side_and_links_to_all(tmp_path):
    from centre_ressources.render.comparison import COMPARED_CASES_LIMIT

    root = copy_project(tmp_path / "project", content="mini")
    grow_catalogue(root, 30)  # 26 case studies
    _, site = generate(root)
    page = site.pages[urls.COMPARISON]
    overview = page.split("## En un coup d'œil\n", 1)[1].split("</table>", 1)[0]
    assert overview.count('<th scope="row">') == COMPARED_CASES_LIMIT
    assert f"Le catalogue compte {26 - COMPARED_CASES_LIMIT} autres études de cas" in page
    assert "[voir toutes les études de cas](index.md)" in page
