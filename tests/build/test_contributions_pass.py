"""Contributions of every shape pass: the real project grown with fictional content (three case
studies and a method sheet, tests/fixtures/contributions/) is valid, builds strictly, keeps the
properties the other tests check on the real project, and shows the new content everywhere it
belongs, with links both ways between the cases and the sheets they use."""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path

import pytest

from centre_ressources import urls
from centre_ressources.pipeline import build_catalogue
from support.content_checks import check_content_properties
from support.pictures import check_maps_say_what_is_not_documented
from support.project import FIXTURES, copy_project, run_cli, run_mkdocs
from support.source_copy import normalise, page_text
from support.source_rules import (
    ARTICLE,
    article_title,
    check_case_pages_cite_their_sources,
    check_no_sentence_of_the_article_is_copied,
    cites_the_article,
)

CONTRIBUTIONS = FIXTURES / "contributions"
NEW_CASES = sorted(path.parent.name for path in (CONTRIBUTIONS / "case_studies").glob("*/index.md"))
NEW_SHEETS = sorted(path.stem for path in (CONTRIBUTIONS / "methods").glob("*.md"))


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> tuple[Path, Path]:
    """The real project plus the fictional contributions, built once (strictly) for this module."""
    base = tmp_path_factory.mktemp("contributions")
    root = copy_project(base / "project", content="real")
    for name in ("case_studies", "methods"):
        shutil.copytree(CONTRIBUTIONS / name, root / name, dirs_exist_ok=True)
    result = run_mkdocs(root, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root, base / "site"


@pytest.fixture(scope="module")
def catalogue(grown):
    return build_catalogue(grown[0])


@pytest.fixture(scope="module")
def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def html_of(site: Path, src_uri: str) -> str:
    return (site / urls.public_url(src_uri) / "index.html").read_text(encoding="utf-8")


def shows(html: str, text: str) -> bool:
    """Whether the page's visible text holds `text`, whatever the spacing (a glossary link
    inside a sentence splits it into several pieces of text)."""
    return "".join(normalise(text).split()) in "".join(page_text(html).split())


def href(from_src: str, to_src: str) -> str:
    """The relative link a built page at `from_src` writes to the page at `to_src`."""
    start, target = urls.public_url(from_src), urls.public_url(to_src)
    return f'href="{posixpath.relpath(target or ".", start or ".")}/"'


def test_the_contributions_are_the_shapes_this_module_promises(catalogue):
    # Guards the fixtures themselves: each shape the module is about is really there.
    cases = {case.slug: case for case in catalogue.cases if case.slug in NEW_CASES}
    assert len(cases) == len(NEW_CASES) >= 3 and NEW_SHEETS
    assert any(not (c.acteurs or c.categories_action or c.politiques_publiques or c.enseignements)
               for c in cases.values())  # only the required fields
    long = [c for c in cases.values() if len(c.chronologie) >= 8]
    assert long and all(e.titre and e.periode for e in long[0].chronologie)
    assert len({e.phase for e in long[0].chronologie}) >= 3
    assert len({f for e in long[0].chronologie for f in e.fiches}) >= 5
    assert any(c.categories_action and any(a.categories for a in c.acteurs) and c.politiques_publiques
               and c.enseignements and c.resultats.charte for c in cases.values())
    for slug in NEW_SHEETS:  # every new sheet is used by a new case
        assert any(slug in e.fiches for c in cases.values() for e in c.chronologie), slug


def test_check_passes(grown):
    result = run_cli(grown[0], "check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_properties_of_any_valid_content_hold(grown, catalogue, article):
    root, site = grown
    checked = check_content_properties(root)
    assert set(NEW_CASES) <= {c.slug for c in checked.cases}
    assert set(NEW_SHEETS) <= {f.slug for f in checked.sheets}
    check_maps_say_what_is_not_documented(catalogue.cases)
    check_case_pages_cite_their_sources(root, site, article)


def test_the_copy_rule_judges_the_content_written_from_the_article_and_not_the_fictional_cases(
        grown, catalogue, article):
    root, site = grown
    judged = check_no_sentence_of_the_article_is_copied(root, site, article)
    title = article_title(article)
    for case in catalogue.cases:
        page = urls.public_url(urls.case_page(case.slug)) + "index.html"
        if case.slug in NEW_CASES:
            assert not cites_the_article(case, title) and page not in judged.pages, case.slug
        elif cites_the_article(case, title):
            assert page in judged.own, case.slug
    for slug in NEW_SHEETS:  # a new sheet is judged like every other sheet
        assert urls.public_url(urls.sheet_page(slug)) + "index.html" in judged.shared


@pytest.mark.parametrize("slug", NEW_CASES)
def test_each_new_case_page_shows_its_title_moments_and_sources(grown, catalogue, slug):
    site = grown[1]
    case = next(c for c in catalogue.cases if c.slug == slug)
    html = html_of(site, urls.case_page(slug))
    assert shows(html, case.titre) and shows(html, case.question_strategique)
    for entry in case.chronologie:
        assert shows(html, entry.texte), entry.texte
        if entry.titre:
            label = f"{entry.periode} : {entry.titre}" if entry.periode else entry.titre
            assert shows(html, label), label  # on the timeline
    for source in case.sources:
        assert shows(html, source.titre), source.titre
    for actor in case.acteurs:
        assert shows(html, actor.nom) and shows(html, actor.role), actor.nom
    for item in (*case.categories_action, *case.objectifs_transformation, *case.enseignements,
                 *(p.nom for p in case.politiques_publiques)):
        assert shows(html, item), item
    assert href(urls.CASES, urls.case_page(slug)) in html_of(site, urls.CASES)


@pytest.mark.parametrize("slug", NEW_CASES)
def test_a_new_case_and_the_sheets_it_uses_link_to_each_other(grown, catalogue, slug):
    site = grown[1]
    case = next(c for c in catalogue.cases if c.slug == slug)
    case_html = html_of(site, urls.case_page(slug))
    for entry in case.chronologie:
        for sheet in entry.fiches:
            assert href(urls.case_page(slug), urls.sheet_page(sheet)) in case_html, sheet
            sheet_html = html_of(site, urls.sheet_page(sheet))
            assert href(urls.sheet_page(sheet), urls.case_page(slug)) in sheet_html, (sheet, slug)
            assert shows(sheet_html, entry.texte), (sheet, slug)  # the moment, under « Sur le terrain »


@pytest.mark.parametrize("slug", NEW_SHEETS)
def test_a_new_sheet_is_in_the_catalogue_on_its_phase_page_and_lists_the_cases_using_it(grown, catalogue, slug):
    site = grown[1]
    sheet = catalogue.sheet(slug)
    html = html_of(site, urls.sheet_page(slug))
    assert shows(html, sheet.titre) and shows(html, sheet.en_bref)
    for step in sheet.deroule:
        assert shows(html, step.titre), step.titre
    sheets_page = html_of(site, urls.SHEETS)
    assert href(urls.SHEETS, urls.sheet_page(slug)) in sheets_page and shows(sheets_page, sheet.titre)
    phase_page = html_of(site, urls.phase_page(sheet.phase))
    assert href(urls.phase_page(sheet.phase), urls.sheet_page(slug)) in phase_page
    assert shows(phase_page, sheet.titre)
    users = {m.case.slug for m in catalogue.moments_by_sheet[slug]}
    assert users and users <= set(NEW_CASES)
    for case_slug in users:
        assert href(urls.sheet_page(slug), urls.case_page(case_slug)) in html, case_slug
