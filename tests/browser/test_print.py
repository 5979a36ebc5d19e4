"""A sheet printed for a workshop: Chromium prints it to PDF as `centre-ressources build --pdf`
does, and the PDF is read back: A4 pages, none of the site's chrome, every step whole on one
page, the sheet's address with a QR code that a phone reads back to it; one phase kit."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from centre_ressources import urls
from centre_ressources.downloads.make import file_name, make_pdfs, page_file
from centre_ressources.pipeline import build_catalogue
from centre_ressources.render.pages import format_clock, format_duration, navigation
from support.project import PROJECT

PHASE = "consolidation"  # two sheets: their PDF files and the phase's kit, to stay fast
A4_POINTS = (595.28, 841.89)
SITE_URL = re.search(r"^site_url:\s*(\S+)", (PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)


@pytest.fixture(scope="module")
def printed(real_site, browser, tmp_path_factory):
    catalogue = build_catalogue(PROJECT)
    phase = catalogue.phase(PHASE)
    sheets = list(catalogue.sheets_of_phase(phase))
    assert len(sheets) >= 2
    destination = tmp_path_factory.mktemp("pdf")
    make_pdfs(real_site, catalogue, destination, sheets=sheets, phases=[phase], browser=browser)
    return catalogue, phase, sheets, destination


def pdf_of(destination, sheet) -> PdfReader:
    return PdfReader(destination / file_name(urls.sheet_pdf(sheet.slug)))


def words(text: str) -> list[str]:
    """Letters and digits only, so that line breaks and typographic quotes do not matter."""
    return re.findall(r"\w+", html.unescape(text).lower())


def contains(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i:i + size] == needle for i in range(len(haystack) - size + 1))


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def article_text(page_html: str) -> str:
    article = re.search(r"<article\b.*?</article>", page_html, re.S).group(0)
    parser = _Text()
    parser.feed(article)
    return " ".join(parser.parts)


def test_every_page_is_a4(printed):
    _, _, sheets, destination = printed
    for sheet in sheets:
        for page in pdf_of(destination, sheet).pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (sheet.slug, width, height)


def test_the_site_chrome_is_not_printed(printed, real_site):
    catalogue, _, sheets, destination = printed
    labels = [label for entry in navigation(catalogue) for label in entry]
    chrome = ["Rechercher", "Table des matières", "Aller au contenu", "Contenus sous licence",
              "Passer au thème sombre", "Télécharger cette fiche", *labels]
    for sheet in sheets:
        content = words(article_text((real_site / page_file(urls.sheet_page(sheet.slug))).read_text(encoding="utf-8")))
        printed_words = words(" ".join(page.extract_text() for page in pdf_of(destination, sheet).pages))
        assert contains(printed_words, words(sheet.titre))
        for text in chrome:
            if text in labels and contains(content, words(text)):
                continue  # a navigation label that is also a word of the sheet itself
            assert not contains(printed_words, words(text)), (sheet.slug, text)


def test_every_step_is_printed_whole_on_one_page(printed):
    _, _, sheets, destination = printed
    for sheet in sheets:
        pages = [words(page.extract_text()) for page in pdf_of(destination, sheet).pages]
        assert len(pages) >= 2  # the check below means something only across pages
        for step in sheet.deroule:
            heading = words(f"Étape {step.numero} : {step.titre}")
            start = [i for i, page in enumerate(pages) if contains(page, heading)]
            assert len(start) == 1, (sheet.slug, step.numero, start)
            page = pages[start[0]]
            assert contains(page, heading + words(f"Durée : {format_duration(step.duree)}"))
            first, last = words(step.consignes)[:4], words(step.consignes)[-4:]
            assert contains(page, first) and contains(page, last), (sheet.slug, step.numero)


def test_the_materials_and_the_timing_are_printed(printed):
    _, _, sheets, destination = printed
    for sheet in sheets:
        printed_words = words(" ".join(page.extract_text() for page in pdf_of(destination, sheet).pages))
        assert contains(printed_words, words("Matériel"))
        for item in sheet.materiel:
            assert contains(printed_words, words(item)), (sheet.slug, item)
        assert contains(printed_words, words(f"Durée Participants À distance {format_duration(sheet.duree)}"))


def test_the_timed_agenda_and_each_invitation_are_printed(printed):
    _, _, sheets, destination = printed
    for sheet in sheets:
        pages = [words(page.extract_text()) for page in pdf_of(destination, sheet).pages]
        printed_words = [word for page in pages for word in page]
        assert contains(printed_words, words(f"Les horaires supposent un début à {format_clock(sheet.deroule[0].debut)}"))
        assert contains(printed_words, words(f"L'atelier finit à {format_clock(sheet.deroule[-1].fin)}, pauses comprises"))
        assert any(step.pause for step in sheet.deroule), sheet.slug
        for step in sheet.deroule:
            # the agenda's row, then the step's own page with its clock times and what to say
            assert contains(printed_words, words(f"{format_clock(step.debut)} – {format_clock(step.fin)} {step.titre}"))
            [page] = [page for page in pages if contains(page, words(f"Étape {step.numero} : {step.titre}"))]
            assert contains(page, words(f"de {format_clock(step.debut)} à {format_clock(step.fin)}"))
            assert contains(page, words(f"Ce que vous dites : « {step.invitation} »")), (sheet.slug, step.numero)
        assert contains(printed_words, words("Installation de la salle") + words(sheet.salle)[:6])


def test_the_qr_code_reads_back_to_the_sheet_address(printed):
    _, _, sheets, destination = printed
    for sheet in sheets:
        address = urls.absolute(SITE_URL, urls.sheet_page(sheet.slug))
        path = destination / file_name(urls.sheet_pdf(sheet.slug))
        image = pypdfium2.PdfDocument(path)[0].render(scale=200 / 72).to_pil()  # first page, 200 dpi
        codes = zxingcpp.read_barcodes(image)
        assert [(code.format, code.text) for code in codes] == [(zxingcpp.BarcodeFormat.QRCode, address)]
        first_page = "".join(pdf_of(destination, sheet).pages[0].extract_text().split())
        assert address in first_page  # the address is printed too, for those without a phone


def test_links_in_the_pdf_point_to_the_public_site(printed):
    _, _, sheets, destination = printed
    uris = [annotation.get_object()["/A"]["/URI"]
            for page in pdf_of(destination, sheets[0]).pages
            for annotation in page.get("/Annots") or []
            if "/URI" in annotation.get_object().get("/A", {})]
    assert uris
    assert all(uri.startswith(SITE_URL) for uri in uris), [u for u in uris if not u.startswith(SITE_URL)]


def test_the_phase_kit_holds_its_sheets_in_pathway_order(printed):
    catalogue, phase, sheets, destination = printed
    kit = PdfReader(destination / file_name(urls.phase_kit_pdf(phase.slug)))
    parts = [pdf_of(destination, sheet) for sheet in sheets]
    assert len(kit.pages) == sum(len(part.pages) for part in parts)
    top = [item for item in kit.outline if not isinstance(item, list)]
    assert [item.title for item in top] == [sheet.titre for sheet in catalogue.sheets_of_phase(phase)]
    starts = [kit.get_destination_page_number(item) for item in top]
    expected, page = [], 0
    for part in parts:
        expected.append(page)
        page += len(part.pages)
    assert starts == expected
    assert phase.titre in kit.metadata.title


def test_print_style_hides_the_chrome_and_keeps_steps_together(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "fiches/ecrire-la-feuille-de-route/")
    assert not page.locator(".fiche-adresse").is_visible()  # the QR code is for paper
    page.emulate_media(media="print")
    for selector in ("header.md-header", ".md-sidebar--primary", ".md-search", "footer.md-footer",
                     ".md-sidebar--secondary", "form[data-md-component=palette]", ".fiche-navigation"):
        assert page.locator(selector).count() >= 1, selector
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".fiche-adresse svg[role=img]").is_visible()
    steps = page.locator(".etape")
    assert steps.count() >= 3
    for index in range(steps.count()):
        style = steps.nth(index).evaluate("e => getComputedStyle(e).breakInside")
        assert style == "avoid"
    assert page.locator(".etape h3#etape-1").count() == 1  # step anchors unchanged


def test_the_printed_address_stays_out_of_search_results(real_site):
    index = (real_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "fiches/ecrire-la-feuille-de-route/" in index
    assert "Code QR vers" not in index and "Version en ligne de cette fiche" not in index
