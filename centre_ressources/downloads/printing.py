"""Print pages of a built site to PDF, on A4, with Chromium driven by Playwright.

The PDF is what a visitor gets from the browser's own "Print" menu: the same print style
sheet (docs/assets/stylesheets/impression.css), plus a footer with the title. Pages
are opened from the file system (file://), so no server is needed. Playwright drives the
system's Chromium (Debian's `chromium` package): its own browser download is not used.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Chromium's footer template: the title only. The page numbers are stamped afterwards
# (page_numbers.py), since a kit numbers its pages through all its sheets. The page margins
# come from the style sheet's @page rule (prefer_css_page_size), the footer sits in the bottom margin.
FOOTER = (
    '<div style="width:100%;margin:0 14mm;font-size:7pt;color:#555;'
    'font-family:system-ui,sans-serif"><span class="title"></span></div>'
)


class PrintError(Exception):
    """Printing could not start or a page could not be printed (message in French)."""


@dataclass(frozen=True)
class PrintJob:
    page: str  # the page's path in the built site, e.g. fiches/x/index.html
    output: Path


def chromium_path() -> str:
    """The browser: $CHROMIUM if set, else the system's Chromium (or Google Chrome)."""
    path = os.environ.get("CHROMIUM") or next(
        filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    if path and not os.access(path, os.X_OK):
        raise PrintError(f"{path} : ce navigateur est introuvable ou ne peut pas être lancé (variable CHROMIUM).")
    if not path:
        raise PrintError("Chromium est introuvable : installez le paquet « chromium » de votre système "
                         "(ou indiquez son chemin dans la variable CHROMIUM).")
    return path


@contextmanager
def chromium():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PrintError(
            "Playwright n'est pas installé : pip install -e \".[publication]\"") from None
    from playwright.sync_api import Error as PlaywrightError

    executable = chromium_path()
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except PlaywrightError as error:
            raise PrintError(f"Chromium ({executable}) n'a pas pu démarrer : {error.message}") from None
        try:
            yield browser
        finally:
            browser.close()


def print_pages(site_dir: Path, jobs: list[PrintJob], browser=None) -> None:
    """Print each page of a built site (a folder) to its PDF file, in one browser: the one
    given (a Playwright Browser, e.g. the tests'), or a Chromium launched for the purpose."""
    if browser is None:
        with chromium() as launched:
            return print_pages(site_dir, jobs, launched)
    site_dir = site_dir.resolve()
    context = browser.new_context(locale="fr-FR")
    try:
        page = context.new_page()
        for job in jobs:
            source = site_dir / job.page
            if not source.is_file():
                raise PrintError(f"{job.page} : page introuvable dans le site construit.")
            page.goto(source.as_uri(), wait_until="load")
            job.output.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(
                path=str(job.output), format="A4", prefer_css_page_size=True, print_background=True,
                display_header_footer=True, header_template="<span></span>", footer_template=FOOTER,
                tagged=True, outline=True,
            )
    finally:
        context.close()


def print_document(document: str, output: Path, browser) -> None:
    """Print a complete HTML document (its style inline, nothing to load) to PDF, on A4 as its
    @page rule says, without footer: a kit's cover."""
    context = browser.new_context(locale="fr-FR", offline=True)
    try:
        page = context.new_page()
        page.set_content(document, wait_until="load")
        output.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(output), format="A4", prefer_css_page_size=True, print_background=True, tagged=True)
    finally:
        context.close()
