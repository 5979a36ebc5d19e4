"""Render the catalogue into the Markdown of every generated page, with Jinja2 templates.

The output is Markdown held in memory (src_uri -> text), in which the sheets and case studies
have parts written as HTML (html_blocks.py); the MkDocs hook hands it to MkDocs as generated
files, and the `export` command can write it to a folder instead.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2

from centre_ressources import urls
from centre_ressources.catalogue import CaseMoment, Catalogue
from centre_ressources.content.records import DEFAULT_START, Fiche, clock_minutes
from centre_ressources.content.sections import REQUIRED_SHEET_SECTIONS, Section, split_sections
from centre_ressources.content.slugs import slugify
from centre_ressources.render import contributed
from centre_ressources.render.comparison import COMPARED_CASES_LIMIT, MIN_CASES, compare_by_phase
from centre_ressources.render.deferred import DeferredParts
from centre_ressources.render.facets import duration_limits, keywords
from centre_ressources.render.fragments import block_html, inline_html
from centre_ressources.render.front_matter import front_matter
from centre_ressources.render.glossary_links import TermMatcher, link_terms
from centre_ressources.render.html_blocks import html_block
from centre_ressources.render.html_links import LINKS
from centre_ressources.render.inputs import NO_DOWNLOADS, Downloads
from centre_ressources.render.keywords import keyword_chips, keyword_index
from centre_ressources.render.pictures.actor_map import actor_map
from centre_ressources.render.pictures.markup import Html, as_markdown_block
from centre_ressources.render.pictures.phase_cycle import phase_cycle
from centre_ressources.render.pictures.qrcode import qr_svg
from centre_ressources.render.pictures.timeline import case_timeline, compared_timelines
from centre_ressources.render.plain_text import markdown_text

HOME_CASES_LIMIT = 6  # the home page shows a few cases; the full list lives on its index page
# A sheet or a phase page shows what a few cases did there; every case is on the cases' index
# page: the page a visitor loads does not grow with the number of case studies.
MOMENTS_CASES_LIMIT = 6


class GeneratedPages(Mapping[str, str]):
    """src_uri -> Markdown of every generated page, each rendered the first time it is read.

    A build reads them all; `check` reads only the pages that a contributed link points into
    with an anchor."""

    def __init__(self) -> None:
        self._makers: dict[str, Callable[[], str]] = {}
        self._texts: dict[str, str] = {}

    def add(self, src_uri: str, make: Callable[[], str]) -> None:
        self._makers[src_uri] = make

    def replace(self, src_uri: str, text: str) -> None:
        self._texts[src_uri] = text

    def __getitem__(self, src_uri: str) -> str:
        text = self._texts.get(src_uri)
        if text is None:
            text = self._texts[src_uri] = self._makers[src_uri]()
        return text

    def __contains__(self, src_uri: object) -> bool:
        return src_uri in self._makers  # Mapping's own would render the page to know

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


@dataclass(frozen=True)
class RenderedSite:
    pages: GeneratedPages  # src_uri -> Markdown
    assets: dict[str, str]  # src_uri -> absolute path of a file to copy (case images)
    nav: list  # MkDocs `nav` structure


def format_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def format_clock(minutes: int) -> str:
    """Minutes since midnight -> « 18 h 05 » (a workshop past midnight goes on at « 0 h 10 »)."""
    hours, rest = divmod(minutes % (24 * 60), 60)
    return f"{hours} h {rest:02d}"


def format_group(participants) -> str:
    if participants.min == participants.max:
        return f"{participants.min} personnes"
    return f"{participants.min} à {participants.max} personnes"


def format_size(size: int) -> str:
    """A file size as a French reader expects it: `840 ko`, `2,4 Mo`."""
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} ko"
    return f"{size / 1000 / 1000:.1f} Mo".replace(".", ",")


def escape_cell(text: str) -> str:
    """Keep a value from breaking a Markdown table row."""
    return " ".join(str(text).split()).replace("|", "\\|")


@cache
def template_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("centre_ressources.render", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown, not HTML
    )
    env.filters.update(duration=format_duration, clock=format_clock, group=format_group, cell=escape_cell)
    env.filters.update(slugify=slugify)
    env.filters.update(size=format_size)
    env.globals.update(urls=urls)
    # Pictures drawn from the data (HTML); `| picture` places one in the Markdown as a raw block,
    # or, in a build, leaves its place to be filled once Markdown has run (deferred.py).
    env.globals.update(actor_map=actor_map, case_timeline=case_timeline, compared_timelines=compared_timelines,
                       phase_cycle=phase_cycle)
    env.filters.update(picture=_place_picture)
    # The parts of a page written as HTML (html_blocks.py), and the contributors' texts in them.
    env.filters.update(html_block=html_block, inline=_inline, blocks=_blocks)
    env.globals.update(LINKS)  # sheet_a, case_a, path_a, phase_a: links in those parts
    env.globals.update(keyword_chips=_keyword_chips)
    # Contributed text: the metadata as data, a plain text (a title) escaped for Markdown, a
    # Markdown text (a section, a story) framed as contributed (render/contributed.py).
    env.globals.update(front_matter=front_matter)
    env.filters.update(md_text=markdown_text, contributed=_contributed)
    return env


@jinja2.pass_context
def _keyword_chips(context: jinja2.runtime.Context, words) -> str:
    return keyword_chips(context["page_uri"], words)


@jinja2.pass_context
def _contributed(context: jinja2.runtime.Context, text: str | Section) -> str:
    """A contributor's Markdown as blocks of the page: framed when the build runs the
    extension that treats it (mkdocs.yml), as it is for the core's tests and other builders."""
    if isinstance(text, Section):
        text = f"## {text.title}\n\n{text.text}" if text.title else text.text
    if context.get("frame_contributions"):
        return contributed.frame(text)
    return f"\n{text.strip(chr(10))}\n" if text.strip() else ""


@jinja2.pass_context
def _inline(context: jinja2.runtime.Context, text: object) -> str:
    return inline_html(str(text), context["page_uri"])


@jinja2.pass_context
def _blocks(context: jinja2.runtime.Context, text: object) -> str:
    return block_html(str(text), context["page_uri"])


@jinja2.pass_context
def _place_picture(context: jinja2.runtime.Context, html: Html) -> str:
    deferred: DeferredParts | None = context.get("deferred")
    if deferred is None:
        return as_markdown_block(html)
    return deferred.picture(context["page_uri"], html)


def sheet_sections(sheet: Fiche) -> dict[str, object]:
    """The prose of a sheet, split into the sections the page places around the generated ones."""
    sections = split_sections(sheet.body, sheet.origin.body_line)
    required = {slugify(title) for title in REQUIRED_SHEET_SECTIONS}
    by_key = {s.key: s for s in sections if s.title}
    return {
        "intro": next((s.text for s in sections if not s.title), ""),
        "before": [by_key[slugify(t)] for t in REQUIRED_SHEET_SECTIONS[:2]],
        "after": [by_key[slugify(t)] for t in REQUIRED_SHEET_SECTIONS[2:]],
        "extra": [s for s in sections if s.title and s.key not in required],
    }


def navigation(catalogue: Catalogue) -> list:
    """The site navigation: short, fixed in size; the phases in order, long lists left to index pages."""
    # MkDocs' themes write the navigation's titles as they are: HTML, escaped here.
    phases = [{html.escape(f"{p.numero}. {p.titre_court}"): urls.phase_page(p.slug)} for p in catalogue.phases]
    return [
        {"Accueil": urls.HOME},
        {"La démarche": [urls.APPROACH, *phases]},
        {"Fiches méthodes": urls.SHEETS},
        {"Parcours": urls.PATHS},
        {"Mon atelier": urls.PLANNER},
        {"Études de cas": ([urls.CASES, {"Comparer les cas": urls.COMPARISON}] if has_comparison(catalogue)
                           else urls.CASES)},
        {"Enseignements": [urls.LESSONS, *urls.LESSON_PAGES]},
        *([{"Glossaire": urls.GLOSSARY}] if catalogue.glossary else []),
        {"Télécharger": urls.DOWNLOADS},
        {"Contribuer": urls.CONTRIBUTE},
        {"À propos": urls.ABOUT},
        {"Données ouvertes": urls.OPEN_DATA},
    ]


def render_site(catalogue: Catalogue, case_dirs: dict[str, str] | None = None,
                site_url: str | None = None, downloads: Downloads = NO_DOWNLOADS,
                link_terms: bool = True, deferred: DeferredParts | None = None,
                frame_contributions: bool = False, *, open_data: Mapping[str, Any]) -> RenderedSite:
    """`site_url` gives each sheet its permanent address and QR code (none without it);
    `downloads` are the files produced for this build (PDF, offline pack), published and linked;
    `open_data`: what the open-data page shows (publish/open_data.page_context);
    `link_terms=False` leaves out the glossary links (`check` has no use for them);
    `deferred`, in a build, holds the pictures and glossary links that are put in place once
    Markdown has run (see deferred.py); without it the Markdown has them all;
    `frame_contributions`: the contributors' Markdown is framed for the build's extension that
    keeps only what may be published of it (render/contributed.py)."""
    env = template_environment()
    common = {"catalogue": catalogue, "downloads": downloads, "deferred": deferred, "site_url": site_url,
              "frame_contributions": frame_contributions}
    pages = GeneratedPages()

    def render(template: str, src_uri: str, **context) -> None:
        pages.add(src_uri, lambda: env.get_template(template).render(common, page_uri=src_uri, **context))

    render("home.md.j2", urls.HOME, home_cases=catalogue.cases[:HOME_CASES_LIMIT])
    render("approach.md.j2", urls.APPROACH)
    render("sheets_index.md.j2", urls.SHEETS, durations=duration_limits(catalogue.sheets),
           keywords=keywords(catalogue.sheets))
    render("cases_index.md.j2", urls.CASES)
    phases = catalogue.phases
    for index, phase in enumerate(phases):
        render("phase.md.j2", urls.phase_page(phase.slug), phase=phase,
               previous=phases[index - 1] if index else None,
               following=phases[index + 1] if index + 1 < len(phases) else None,
               **first_cases(catalogue.moments_by_phase.get(phase.slug, ())))
    for sheet in catalogue.sheets:
        previous, following = catalogue.neighbours(sheet)
        phase = catalogue.phase(sheet.phase)
        render("sheet.md.j2", urls.sheet_page(sheet.slug), sheet=sheet, phase=phase,
               step=phase.step(sheet.etape), previous=previous, following=following,
               sections=sheet_sections(sheet), **first_cases(catalogue.moments_by_sheet.get(sheet.slug, ())),
               related=catalogue.related(sheet), paths=catalogue.paths_by_sheet.get(sheet.slug, ()),
               address=sheet_address(site_url, sheet))
    render("keywords.md.j2", urls.KEYWORDS, keyword_index=keyword_index(catalogue.sheets))
    render("opendata.md.j2", urls.OPEN_DATA, **open_data)
    render("paths_index.md.j2", urls.PATHS)
    for path in catalogue.paths:
        render("path.md.j2", urls.path_page(path.slug), path=path)
    render("downloads.md.j2", urls.DOWNLOADS)
    render("planner.md.j2", urls.PLANNER, default_start=clock_minutes(DEFAULT_START))
    assets: dict[str, str] = {download.src_uri: download.path for download in downloads.files.values()}
    for case in catalogue.cases:
        render("case.md.j2", urls.case_page(case.slug), case=case, phases_by_slug={p.slug: p for p in phases})
        if case_dirs and case.slug in case_dirs:
            for image in case.images:
                assets[urls.case_asset(case.slug, image)] = f"{case_dirs[case.slug]}/{image}"
    if has_comparison(catalogue):
        compared = catalogue.cases[:COMPARED_CASES_LIMIT]
        render("comparison.md.j2", urls.COMPARISON, comparison=compare_by_phase(phases, compared),
               compared_cases=compared, more_cases=len(catalogue.cases) - len(compared))
    if catalogue.glossary:
        render("glossary.md.j2", urls.GLOSSARY)
        if link_terms:
            link_glossary_terms(pages, catalogue, deferred)
    return RenderedSite(pages=pages, assets=assets, nav=navigation(catalogue))


def first_cases(moments: tuple[CaseMoment, ...], limit: int = MOMENTS_CASES_LIMIT) -> dict[str, object]:
    """The moments of the first `limit` case studies, and how many other case studies there are."""
    shown_cases: set[str] = set()
    for moment in moments:
        if len(shown_cases) < limit:
            shown_cases.add(moment.case.slug)
    all_cases = {moment.case.slug for moment in moments}
    return {"moments": tuple(m for m in moments if m.case.slug in shown_cases),
            "more_cases": len(all_cases) - len(shown_cases)}


def sheet_address(site_url: str | None, sheet: Fiche) -> dict[str, str] | None:
    """The permanent address of a sheet, printed with a QR code to it; unknown without site_url."""
    if not site_url:
        return None
    url = urls.absolute(site_url, urls.sheet_page(sheet.slug))
    return {"url": url, "text": breakable_address(url),
            "qr": qr_svg(url, f"Code QR vers la version en ligne de cette fiche : {url}")}


def breakable_address(url: str) -> str:
    """An address as HTML that a narrow column breaks after a slash rather than inside a word
    (`<wbr>`: nothing is added to the text a reader copies)."""
    scheme, separator, rest = url.partition("://")
    if not separator:
        scheme, rest = "", url
    parts = [html.escape(part) for part in rest.split("/")]
    return (html.escape(scheme) + separator if separator else "") + "/<wbr>".join(parts).removesuffix("<wbr>")


def has_comparison(catalogue: Catalogue) -> bool:
    return len(catalogue.cases) >= MIN_CASES


def link_glossary_terms(pages: GeneratedPages, catalogue: Catalogue, deferred: DeferredParts | None = None,
                        only: Collection[str] | None = None) -> None:
    """Link the first occurrence of each glossary term on the pages about the approach,
    its phases, its sheets and the case studies (in place); `only` those pages, if given."""
    matcher = TermMatcher.build(catalogue.glossary)
    targets = [urls.APPROACH, *(urls.phase_page(p.slug) for p in catalogue.phases),
               *(urls.sheet_page(f.slug) for f in catalogue.sheets),
               *(urls.case_page(c.slug) for c in catalogue.cases)]
    if only is not None:
        targets = [uri for uri in targets if uri in only]
    for uri in targets:
        def href(slug: str, uri: str = uri) -> str:
            return urls.relative(uri, urls.GLOSSARY, slug)
        def html_href(slug: str, uri: str = uri) -> str:
            return urls.public_href(uri, urls.GLOSSARY, slug)
        write = deferred.term_link if deferred and deferred.terms else None
        pages.replace(uri, link_terms(pages[uri], matcher, href, write=write, html_href=html_href))
