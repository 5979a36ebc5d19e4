"""Links computed at build, both ways: sheet <-> case <-> phase, on the real site."""

from __future__ import annotations

from pathlib import Path

import pytest

from centre_ressources.pipeline import build_catalogue
from support.project import PROJECT


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(PROJECT)


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def section(page: str, heading_id: str) -> str:
    """The HTML of one level-2 section: from its heading to the next level-2 heading."""
    start = page.index(f'<h2 id="{heading_id}"')
    end = page.find("<h2", start + 1)
    return page[start:end if end > 0 else len(page)]


def used_sheets(case) -> set[str]:
    return {slug for entry in case.chronologie for slug in entry.fiches}


def test_the_real_cases_use_sheets(catalogue):
    assert all(used_sheets(case) for case in catalogue.cases)


def test_every_sheet_used_by_a_case_links_back_to_that_case(real_site, catalogue):
    for case in catalogue.cases:
        for slug in used_sheets(case):
            field = section(html(real_site, f"fiches/{slug}"), "sur-le-terrain")
            assert f'href="../../etudes-de-cas/{case.slug}/"' in field, (case.slug, slug)


def test_each_moment_of_a_case_shows_on_the_sheets_it_used_with_its_phase(real_site, catalogue):
    for case in catalogue.cases:
        for entry in case.chronologie:
            for slug in entry.fiches:
                field = section(html(real_site, f"fiches/{slug}"), "sur-le-terrain")
                assert f"phase {catalogue.phase(entry.phase).titre.lower()}" in field, (case.slug, slug)


def test_a_sheet_no_case_used_says_so(real_site, catalogue):
    used = {slug for case in catalogue.cases for slug in used_sheets(case)}
    for sheet in catalogue.sheets:
        field = section(html(real_site, f"fiches/{sheet.slug}"), "sur-le-terrain")
        assert ("Aucune étude de cas ne mentionne encore cette fiche." in field) == (sheet.slug not in used)


def test_each_case_links_the_sheets_it_used(real_site, catalogue):
    for case in catalogue.cases:
        page = html(real_site, f"etudes-de-cas/{case.slug}")
        for slug in used_sheets(case):
            assert f'href="../../fiches/{slug}/"' in page, (case.slug, slug)


def test_each_phase_lists_the_case_moments_in_it_and_their_sheets(real_site, catalogue):
    for phase in catalogue.phases:
        field = section(html(real_site, f"demarche/{phase.slug}"), "sur-le-terrain")
        moments = catalogue.moments_by_phase.get(phase.slug, ())
        assert moments, phase.slug
        for moment in moments:
            assert f'href="../../etudes-de-cas/{moment.case.slug}/"' in field
            for slug in moment.entry.fiches:
                assert f'href="../../fiches/{slug}/"' in field, (phase.slug, slug)
