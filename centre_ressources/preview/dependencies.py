"""Which generated pages an edit can change: the preview renders those again, and no other.

The rules follow what each template reads (render/templates/); tests/unit/preview checks them
against a full rendering after a set of edits. An edit the rules do not cover incrementally
(a record added or removed, a phase, a sheet's keywords) asks for a whole build instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from centre_ressources import urls
from centre_ressources.catalogue import Catalogue
from centre_ressources.content.records import EtudeDeCas, Fiche, Parcours

# Pages that list or count records of every kind (sheets, cases): rendered again at each edit
# of a sheet or a case; their Markdown most often stays the same, and is then not converted.
CASE_LISTINGS = (urls.HOME, urls.CASES, urls.COMPARISON)
SHEET_LISTINGS = (urls.HOME, urls.APPROACH, urls.SHEETS, urls.DOWNLOADS, urls.KEYWORDS, urls.COMPARISON,
                  urls.GLOSSARY, urls.PATHS)


class WholeBuild(Exception):
    """The edit changes what MkDocs holds for the whole site; `reason` says what, in French."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Plan:
    pages: frozenset[str] | None  # the pages to render again; None: every generated page
    records: tuple[str, ...]  # the content files whose record changed


R = TypeVar("R", Fiche, EtudeDeCas, Parcours)


def _changed(old: Iterable[R], new: Iterable[R], noun: str,
             may_come_and_go: bool = False) -> tuple[list[tuple[R, R]], list[R], list[R]]:
    """The records edited (before, after), added and removed; WholeBuild if some came or went
    and `may_come_and_go` is False."""
    before = {r.slug: r for r in old}
    after = {r.slug: r for r in new}
    added = [r for slug, r in after.items() if slug not in before]
    removed = [r for slug, r in before.items() if slug not in after]
    if (added or removed) and not may_come_and_go:
        raise WholeBuild(f"{noun} ajoutée ou retirée")
    # The load cache gives back the same record for an unchanged file: `is` settles most of them.
    edited = [(before[slug], record) for slug, record in after.items()
              if slug in before and before[slug] is not record and before[slug] != record]
    return edited, added, removed


def plan(old: Catalogue, new: Catalogue) -> Plan:
    """The pages to render again to go from the site of `old` to the site of `new`.

    A case study or a path may come or go: its page is added or removed, and the pages that
    list it are rendered again. A sheet that comes or goes changes Material's tags index too:
    the whole site is built again."""
    if old.phases != new.phases:
        raise WholeBuild("phase modifiée")  # the navigation, every page of the phase, the forms' choices
    sheets, _, _ = _changed(old.sheets, new.sheets, "fiche")
    cases, new_cases, old_cases = _changed(old.cases, new.cases, "étude de cas", may_come_and_go=True)
    paths, new_paths, old_paths = _changed(old.paths, new.paths, "parcours", may_come_and_go=True)
    if any(a.mots_cles != b.mots_cles for a, b in sheets):
        raise WholeBuild("mots-clés d'une fiche modifiés")  # Material's tags index every page's tags
    records = (*(r.origin.path for _, r in sheets), *(r.origin.path for _, r in cases),
               *(r.origin.path for _, r in paths), *(r.origin.path for r in [*new_cases, *old_cases]),
               *(r.origin.path for r in [*new_paths, *old_paths]))
    if old.glossary != new.glossary:
        return Plan(None, records + ("glossary.yml",))  # a term can be linked on any page
    pages: set[str] = set()
    # A change of the Markdown text alone shows on the record's own page only.
    every: list[tuple[Fiche | EtudeDeCas | Parcours, Fiche | EtudeDeCas | Parcours]] = [*sheets, *cases, *paths]
    pages.update(_own_page(after) for before, after in every if _body_only(before, after))
    sheets = [(a, b) for a, b in sheets if not _body_only(a, b)]
    cases = [(a, b) for a, b in cases if not _body_only(a, b)]
    paths = [(a, b) for a, b in paths if not _body_only(a, b)]
    for catalogue in (old, new):  # what the record touched before the edit, and what it touches now
        for before, sheet in sheets:
            pages |= _sheet_pages(catalogue, sheet.slug, titled=before.titre != sheet.titre)
        for _, case in cases:
            pages |= _case_pages(catalogue, case.slug)
        for _, path in paths:
            pages |= _path_pages(catalogue, path.slug)
    for catalogue, cases_there, paths_there in ((new, new_cases, new_paths), (old, old_cases, old_paths)):
        for case in cases_there:
            pages |= _case_pages(catalogue, case.slug)
        for path in paths_there:
            pages |= _path_pages(catalogue, path.slug)
    return Plan(frozenset(pages), records)


def _body_only(before: Fiche | EtudeDeCas | Parcours, after: Fiche | EtudeDeCas | Parcours) -> bool:
    """Only the text after the front matter changed (the same front matter: the same origin too)."""
    return replace(before, body=after.body) == after


def _own_page(record: Fiche | EtudeDeCas | Parcours) -> str:
    if isinstance(record, Fiche):
        return urls.sheet_page(record.slug)
    if isinstance(record, EtudeDeCas):
        return urls.case_page(record.slug)
    return urls.path_page(record.slug)


def _sheet_pages(catalogue: Catalogue, slug: str, titled: bool) -> set[str]:
    """`titled`: its title changed, which the case studies naming it show (and nothing else of it)."""
    sheet = catalogue.sheet(slug)
    pages = {urls.sheet_page(slug), urls.phase_page(sheet.phase), *SHEET_LISTINGS}
    pages.update(urls.sheet_page(s.slug) for s in catalogue.neighbours(sheet) if s is not None)
    pages.update(urls.sheet_page(s.slug) for s in catalogue.sheets if slug in s.fiches_liees)
    pages.update(urls.path_page(m.path.slug) for m in catalogue.paths_by_sheet.get(slug, ()))
    if titled:
        pages.update(urls.case_page(m.case.slug) for m in catalogue.moments_by_sheet.get(slug, ()))
    return pages


def _case_pages(catalogue: Catalogue, slug: str) -> set[str]:
    case = next(c for c in catalogue.cases if c.slug == slug)
    pages = {urls.case_page(slug), *CASE_LISTINGS}
    for entry in case.chronologie:
        pages.add(urls.phase_page(entry.phase))
        pages.update(urls.sheet_page(s) for s in entry.fiches)
    return pages


def _path_pages(catalogue: Catalogue, slug: str) -> set[str]:
    path = next(p for p in catalogue.paths if p.slug == slug)
    return {urls.path_page(slug), urls.PATHS, *(urls.sheet_page(step.fiche) for step in path.etapes)}


def only_generated(pages: frozenset[str] | None, generated: Mapping[str, str]) -> list[str]:
    """The planned pages the site has (the comparison page exists from a few cases on), in its order."""
    return [uri for uri in generated if pages is None or uri in pages]
