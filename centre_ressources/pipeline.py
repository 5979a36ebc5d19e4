"""The whole core in one call: read and judge each file -> link -> render -> check links.

Every error that can be known is reported in one run: a file in error is left out and the
others go on to the next checks (references, then the links written in the texts), each
reference to a record left out being taken as good, since its own file has the error."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from centre_ressources import urls
from centre_ressources.catalogue import Catalogue, Dropped, link
from centre_ressources.checks.hyperlinks import SiteMap, check_hand_written_links, check_links
from centre_ressources.checks.per_file import file_problems
from centre_ressources.checks.regular_files import irregular_files
from centre_ressources.content.glossary import GLOSSARY_FILE
from centre_ressources.content.load import CASES_DIR, Content, Loaded, read_content
from centre_ressources.content.reading import FileReader
from centre_ressources.content.records import EtudeDeCas, Fiche, Parcours, Phase
from centre_ressources.content.texts import FileTexts
from centre_ressources.downloads.listing import find_downloads
from centre_ressources.errors import ContentError, ContentErrors
from centre_ressources.publish.open_data import page_context as open_data_page
from centre_ressources.render.deferred import DeferredParts
from centre_ressources.render.pages import RenderedSite, render_site

DOCS_DIR = "docs"


ABSENT_PAGES = {"phase": urls.phase_page, "fiche": urls.sheet_page,
                "etude-de-cas": urls.case_page, "parcours": urls.path_page}


@dataclass
class _Checked:
    catalogue: Catalogue  # of the records without error
    errors: list[ContentError]  # every error found so far
    absent: dict[str, frozenset[str]]  # the records left out, by kind
    texts: dict[str, FileTexts]  # the contributors' texts, by file, for the link check


def read_checked(root: Path, cache: FileReader | None = None) -> Loaded:
    """Every content file read, each judged by the per-file rules (checks/per_file.py) as it is:
    content/ reads and models, checks/ judges, and this stage, above both, brings them together."""
    return read_content(root, file_problems, cache)


def load_content(root: Path) -> Content:
    """Read and judge every content file under `root`; raise ContentErrors listing all problems at once."""
    loaded = read_checked(root)
    if loaded.errors:
        raise ContentErrors(list(loaded.errors))
    return loaded.content


def build_catalogue(root: Path) -> Catalogue:
    """Read and check all content; raise ContentErrors listing every problem."""
    checked = catalogue_of_what_passes(root)
    if checked.errors:
        raise ContentErrors(checked.errors)
    return checked.catalogue


def catalogue_of_what_passes(root: Path, cache: FileReader | None = None) -> _Checked:
    """The catalogue of the records without error, and every error found (ContentErrors if none can be made)."""
    links = irregular_files(root)
    if links:  # nothing is read through a link, not even to report on it
        raise ContentErrors(links)
    loaded = read_checked(root, cache)
    errors = list(loaded.errors)
    content, absent = loaded.content, dict(loaded.absent)
    while True:
        try:
            return _Checked(link(content, absent), errors, absent, loaded.texts)
        except Dropped as dropped:
            content, absent = _without(content, absent, dropped.records)
        except ContentErrors as found:
            errors += found.errors
            in_error = {error.path for error in found.errors}
            records = {(kind, r.slug) for kind, group in _records(content) for r in group if r.origin.path in in_error}
            records |= {("glossaire", "")} if GLOSSARY_FILE in in_error else set()
            if not records:  # an error of no record: nothing to leave out, so no catalogue
                raise ContentErrors(errors) from None
            content, absent = _without(content, absent, frozenset(records))


def _records(content: Content):
    return (("phase", content.phases), ("fiche", content.fiches),
            ("etude-de-cas", content.cases), ("parcours", content.paths))


def _without(content: Content, absent: dict[str, frozenset[str]], records: frozenset[tuple[str, str]]):
    def keep(kind: str, group):
        return tuple(r for r in group if (kind, r.slug) not in records)

    absent = {kind: absent.get(kind, frozenset()) | {slug for k, slug in records if k == kind} for kind in ABSENT_PAGES}
    return Content(
        phases=keep("phase", content.phases), fiches=keep("fiche", content.fiches),
        cases=keep("etude-de-cas", content.cases), paths=keep("parcours", content.paths),
        glossary=() if ("glossaire", "") in records else content.glossary,
    ), absent


def generate(root: Path, site_url: str | None = None,
             downloads_dir: Path | str | None = None, link_terms: bool = True,
             deferred: DeferredParts | None = None, in_pack: bool = False,
             cache: FileReader | None = None, frame_contributions: bool = False) -> tuple[Catalogue, RenderedSite]:
    """Check and render everything; raise ContentErrors before any file is written.

    `site_url` (the site's public address) gives each sheet its permanent address and QR code;
    `downloads_dir` holds the files produced for this build (PDF, offline pack) to publish;
    `link_terms=False` skips the glossary links, which no check depends on;
    `deferred` (a build) keeps the pictures and glossary links out of the Markdown, to be put
    in the HTML by `deferred.restore` once each page is converted;
    `in_pack`: the build is the offline pack (its downloads page says so);
    `cache` (the preview) keeps the files read, so that only those that changed are read again;
    `frame_contributions`: the build's Markdown treats the contributors' texts (render/contributed.py)."""
    with cyclic_gc_paused():
        return _generate(root, site_url, downloads_dir, link_terms, deferred, in_pack, cache, frame_contributions)


def _generate(root: Path, site_url: str | None, downloads_dir: Path | str | None, link_terms: bool,
              deferred: DeferredParts | None, in_pack: bool = False,
              cache: FileReader | None = None, frame_contributions: bool = False) -> tuple[Catalogue, RenderedSite]:
    checked = catalogue_of_what_passes(root, cache)
    catalogue, errors = checked.catalogue, checked.errors
    cases_dir = (root / CASES_DIR).resolve()  # resolved once, not once per case
    case_dirs = {case.slug: str(cases_dir / case.slug) for case in catalogue.cases}
    site = render_site(catalogue, case_dirs, site_url=site_url, downloads=find_downloads(downloads_dir, in_pack),
                       link_terms=link_terms, deferred=deferred, frame_contributions=frame_contributions,
                       open_data=open_data_page())
    absent_pages = {page(slug) for kind, page in ABSENT_PAGES.items() for slug in checked.absent.get(kind, ())}
    try:
        check_contributed_links(catalogue, checked.texts, site, root / DOCS_DIR, absent_pages)
    except ContentErrors as found:
        errors += found.errors
    if errors:
        raise ContentErrors(errors)
    return catalogue, site


def check_contributed_links(catalogue: Catalogue, texts: dict[str, FileTexts], site: RenderedSite,
                            docs_dir: Path, absent_pages: set[str] | frozenset[str] = frozenset()) -> None:
    """The links of the contributed texts, and of the hand-written pages of docs/.

    `absent_pages`: the pages of records in error, which a link may name (anchors unchecked)."""
    site_map = SiteMap.from_site(site.pages, set(site.assets), docs_dir, absent_pages)
    errors = check_hand_written_links(site_map, DOCS_DIR)
    records: list[tuple[Phase | Fiche | EtudeDeCas | Parcours, str]]
    records = [(p, urls.phase_page(p.slug)) for p in catalogue.phases]
    records += [(f, urls.sheet_page(f.slug)) for f in catalogue.sheets]
    records += [(c, urls.case_page(c.slug)) for c in catalogue.cases]
    records += [(p, urls.path_page(p.slug)) for p in catalogue.paths]
    for record, page_uri in records:
        errors += check_links(texts.pop(record.origin.path), page_uri, site_map)  # its last use
    if errors:
        raise ContentErrors(errors)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Reading and rendering a catalogue makes hundreds of thousands of small objects without
    reference cycles, freed by reference counting alone; Python's cyclic collector, which runs
    every few hundred new objects, only scans them again and again (benchmarks/LISEZMOI.md).
    It is paused meanwhile, and runs again as usual afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def hold_until_built() -> None:
    """The catalogue and pages just made live until the site is written: out of the cyclic
    collector's reach meanwhile (what `gc.freeze` is for), they are not scanned again at each
    of its passes. `release_after_build` hands them back."""
    gc.freeze()


def release_after_build() -> None:
    gc.unfreeze()
