"""Make the downloads of a build: a PDF of each sheet, a PDF kit per phase, the offline pack.

The order matters, because the pages link to the files and the files are made from pages: a
first build is printed to PDF, then the offline pack is built (holding the PDFs), then the caller
builds the published site, which links to them. MkDocs runs in a child process through
`run_mkdocs`, given by the caller, so that this module never imports it.
"""

from __future__ import annotations

import html
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from centre_ressources import urls
from centre_ressources.catalogue import Catalogue
from centre_ressources.content.records import Fiche, Phase
from centre_ressources.downloads.listing import DOWNLOADS_VARIABLE
from centre_ressources.downloads.offline_pack import OFFLINE_VARIABLE, zip_site

# run_mkdocs(arguments, environment) -> exit code
RunMkdocs = Callable[[list[str], dict[str, str]], int]

_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
_TITLE = re.compile(r"<title>([^<]+)</title>")


class DownloadError(Exception):
    """A download could not be made (message in French)."""


def page_file(src_uri: str) -> str:
    """The HTML file of a page in a build with directory URLs: fiches/x.md -> fiches/x/index.html."""
    return urls.public_url(src_uri) + "index.html"


def site_address(site_dir: Path) -> str | None:
    """The public address of a built site, read from its home page's canonical link."""
    home = site_dir / "index.html"
    match = _CANONICAL.search(home.read_text(encoding="utf-8")) if home.is_file() else None
    return match.group(1) if match else None


def file_name(src_uri: str) -> str:
    return src_uri.rsplit("/", 1)[-1]


def sheet_pdf_title(sheet: Fiche) -> str:
    return f"{sheet.titre} — fiche méthode"


def kit_title(phase: Phase) -> str:
    return f"Phase {phase.numero} : {phase.titre} — kit des fiches méthodes"


def site_name(site_dir: Path) -> str | None:
    """The site's name, read from its home page's title (« Accueil - <name> »)."""
    home = site_dir / "index.html"
    match = _TITLE.search(home.read_text(encoding="utf-8")) if home.is_file() else None
    return html.unescape(match.group(1)).rsplit(" - ", 1)[-1] if match else None


def make_pdfs(site_dir: Path, catalogue: Catalogue, destination: Path,
              sheets: list[Fiche] | None = None, phases: list[Phase] | None = None,
              browser=None) -> list[Path]:
    """Print sheets of a built site to PDF, then merge each phase's sheets into its kit.

    By default every sheet and every phase that has sheets; a kit needs its sheets printed.
    `browser`: a running Playwright browser to print with (by default, Chromium is launched)."""
    from centre_ressources.downloads.printing import PrintError, chromium

    if browser is None:
        try:
            with chromium() as launched:
                return make_pdfs(site_dir, catalogue, destination, sheets, phases, launched)
        except PrintError as error:
            raise DownloadError(str(error)) from None
    sheets = list(catalogue.sheets if sheets is None else sheets)
    phases = [p for p in (catalogue.phases if phases is None else phases) if catalogue.sheets_of_phase(p)]
    for phase in phases:
        missing = [s.slug for s in catalogue.sheets_of_phase(phase) if s.slug not in {x.slug for x in sheets}]
        if missing:
            raise DownloadError(f"kit de la phase {phase.slug} : fiches non imprimées ({', '.join(missing)}).")
    with tempfile.TemporaryDirectory(prefix="impression-") as work:
        try:
            return _print_and_assemble(site_dir, catalogue, destination, sheets, phases, browser, Path(work))
        except PrintError as error:
            raise DownloadError(str(error)) from None


def _print_and_assemble(site_dir: Path, catalogue: Catalogue, destination: Path, sheets: list[Fiche],
                        phases: list[Phase], browser, work: Path) -> list[Path]:
    from centre_ressources.downloads.pdf_finish import finish_pdf
    from centre_ressources.downloads.printing import PrintJob, print_pages

    # Printed without page numbers (`work`), then numbered: alone as a sheet, through a kit.
    unnumbered = {sheet.slug: work / file_name(urls.sheet_pdf(sheet.slug)) for sheet in sheets}
    print_pages(site_dir, [PrintJob(page_file(urls.sheet_page(slug)), path) for slug, path in unnumbered.items()],
                browser)
    local_root = site_dir.resolve().as_uri() + "/"
    public_root = site_address(site_dir)
    made = []
    for sheet in sheets:
        published = destination / file_name(urls.sheet_pdf(sheet.slug))
        finish_pdf(unnumbered[sheet.slug], sheet_pdf_title(sheet), local_root, public_root, numbered=published)
        made.append(published)
    for phase in phases:
        kit = destination / file_name(urls.phase_kit_pdf(phase.slug))
        make_kit(catalogue, phase, unnumbered, kit, work, browser, site_name(site_dir), public_root)
        made.append(kit)
    return made


def make_kit(catalogue: Catalogue, phase: Phase, unnumbered: dict[str, Path], output: Path, work: Path,
             browser, name: str | None, public_root: str | None) -> None:
    """A phase's kit: its cover, whose table of contents gives the page of each sheet, then
    the sheets. The cover is printed once its page count is known, since the sheets' pages
    follow it: at most a few tries, a cover growing by one page per try."""
    from centre_ressources.downloads.kit_cover import CoverEntry, cover_html
    from centre_ressources.downloads.pdf_finish import KitPart, kit_layout, merge_kit, page_count
    from centre_ressources.downloads.printing import print_document
    from centre_ressources.render.pages import format_duration, format_group

    sheets = list(catalogue.sheets_of_phase(phase))
    parts = [KitPart(sheet.titre, unnumbered[sheet.slug]) for sheet in sheets]
    counts = [page_count(part.path) for part in parts]
    cover = work / f"couverture-{phase.slug}.pdf"
    address = urls.absolute(public_root, urls.phase_page(phase.slug)).split("://", 1)[-1] if public_root else None
    updated = max((str(sheet.mise_a_jour) for sheet in sheets), default=None)
    cover_pages = 1
    for _ in range(len(sheets) + 1):
        layout = kit_layout(cover_pages, counts)
        entries = [CoverEntry(sheet.titre, f"{format_duration(sheet.duree)} · {format_group(sheet.participants)}",
                              start) for sheet, start in zip(sheets, layout.starts, strict=True)]
        document = cover_html(kit_title(phase), f"Phase {phase.numero} : {phase.titre}", entries, updated,
                              name, address)
        print_document(document, cover, browser)
        if page_count(cover) == cover_pages:
            break
        cover_pages = page_count(cover)
    merge_kit(parts, output, kit_title(phase), cover=cover)


def make_offline_pack(run_mkdocs: RunMkdocs, work_dir: Path, downloads: Path) -> Path:
    """Build the offline pack (with the files already in `downloads`) and zip it there."""
    pack_site = work_dir / "hors-ligne"
    environment = {OFFLINE_VARIABLE: "true", DOWNLOADS_VARIABLE: str(downloads)}
    if run_mkdocs(["build", "--strict", "--site-dir", str(pack_site)], environment):
        raise DownloadError("La construction de la version hors ligne a échoué.")
    return zip_site(pack_site, downloads / file_name(urls.OFFLINE_PACK))


def make_downloads(run_mkdocs: RunMkdocs, catalogue: Catalogue, work_dir: Path,
                   pdf: bool, offline: bool) -> Path:
    """Make the requested downloads in `work_dir/telechargements` and return that folder."""
    downloads = work_dir / urls.DOWNLOADS_DIR
    downloads.mkdir(parents=True, exist_ok=True)
    if pdf:
        from centre_ressources.downloads.printing import PrintError, chromium_path

        try:
            chromium_path()  # before any build: say at once that the browser is missing
        except PrintError as error:
            raise DownloadError(str(error)) from None
        printed_site = work_dir / "impression"
        if run_mkdocs(["build", "--strict", "--site-dir", str(printed_site)], {}):
            raise DownloadError("La construction du site à imprimer a échoué.")
        make_pdfs(printed_site, catalogue, downloads)
    if offline:
        make_offline_pack(run_mkdocs, work_dir, downloads)
    return downloads
