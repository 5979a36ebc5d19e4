"""Make the downloads of a build: a PDF of each sheet, a PDF kit per phase, the offline pack.

The order matters, because the pages link to the files and the files are made from pages:
1. a first build of the site, without downloads, is printed to PDF (sheets, then kits);
2. the offline pack is built (with the PDF files, so that it holds them too) and zipped;
3. the caller then builds the published site, told where the files are: it publishes them
   and links to them (downloads.py), and MkDocs checks those links like any other.
MkDocs runs in a child process through `run_mkdocs`, given by the caller (cli.py), so that
this module never imports it.
"""

from __future__ import annotations

import re
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


def make_pdfs(site_dir: Path, catalogue: Catalogue, destination: Path,
              sheets: list[Fiche] | None = None, phases: list[Phase] | None = None,
              browser=None) -> list[Path]:
    """Print sheets of a built site to PDF, then merge each phase's sheets into its kit.

    By default every sheet and every phase that has sheets; a kit needs its sheets printed.
    `browser`: a running Playwright browser to print with (by default, Chromium is launched)."""
    from centre_ressources.downloads.pdf_finish import KitPart, finish_pdf, merge_kit
    from centre_ressources.downloads.printing import PrintError, PrintJob, print_pages

    sheets = list(catalogue.sheets if sheets is None else sheets)
    phases = [p for p in (catalogue.phases if phases is None else phases) if catalogue.sheets_of_phase(p)]
    printed = {sheet.slug: destination / file_name(urls.sheet_pdf(sheet.slug)) for sheet in sheets}
    for phase in phases:
        missing = [s.slug for s in catalogue.sheets_of_phase(phase) if s.slug not in printed]
        if missing:
            raise DownloadError(f"kit de la phase {phase.slug} : fiches non imprimées ({', '.join(missing)}).")
    jobs = [PrintJob(page_file(urls.sheet_page(slug)), path) for slug, path in printed.items()]
    try:
        print_pages(site_dir, jobs, browser)
    except PrintError as error:
        raise DownloadError(str(error)) from None
    local_root = site_dir.resolve().as_uri() + "/"
    public_root = site_address(site_dir)
    for sheet in sheets:
        finish_pdf(printed[sheet.slug], sheet_pdf_title(sheet), local_root, public_root)
    made = list(printed.values())
    for phase in phases:
        kit = destination / file_name(urls.phase_kit_pdf(phase.slug))
        parts = [KitPart(sheet.titre, printed[sheet.slug]) for sheet in catalogue.sheets_of_phase(phase)]
        merge_kit(parts, kit, kit_title(phase))
        made.append(kit)
    return made


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
