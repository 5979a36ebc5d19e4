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
from centre_ressources.downloads.kit_cover import french_date
from centre_ressources.downloads.make import file_name, make_pdfs, page_file
from centre_ressources.pipeline import build_catalogue
from centre_ressources.render.pages import format_clock, format_duration, navigation
from support.project import PROJECT
from support.search import indexed_pages

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


def kit_of(destination, phase) -> PdfReader:
    return PdfReader(destination / file_name(urls.phase_kit_pdf(phase.slug)))


def sheet_starts(kit: PdfReader) -> list[int]:
    """The page (from 1) where each sheet of a kit starts, from its bookmarks (after « Sommaire »)."""
    top = [item for item in kit.outline if not isinstance(item, list)]
    assert top[0].title == "Sommaire" and kit.get_destination_page_number(top[0]) == 0
    return [kit.get_destination_page_number(item) + 1 for item in top[1:]]


def test_the_phase_kit_holds_its_sheets_in_pathway_order_each_on_an_odd_page(printed):
    catalogue, phase, sheets, destination = printed
    kit = kit_of(destination, phase)
    top = [item for item in kit.outline if not isinstance(item, list)]
    assert [item.title for item in top[1:]] == [sheet.titre for sheet in catalogue.sheets_of_phase(phase)]
    starts = sheet_starts(kit)
    sizes = [len(pdf_of(destination, sheet).pages) for sheet in sheets]
    assert all(start % 2 == 1 for start in starts), starts  # a right-hand page, never the back of another
    for start, size, following in zip(starts, sizes, [*starts[1:], None], strict=True):
        # the sheet's pages, then at most one blank page before the next sheet
        assert following is None or following - (start + size) in (0, 1)
        for index in range(start + size - 1, (following or start + size) - 1):
            assert not kit.pages[index].extract_text().strip()  # the blank page is blank
    assert len(kit.pages) == starts[-1] + sizes[-1] - 1
    assert phase.titre in kit.metadata.title


def test_the_kit_cover_lists_each_sheet_with_the_page_where_it_starts(printed):
    catalogue, phase, _, destination = printed
    kit = kit_of(destination, phase)
    cover = words(kit.pages[0].extract_text())
    assert contains(cover, words(f"Phase {phase.numero} : {phase.titre}"))
    assert contains(cover, words("Sommaire"))
    for sheet, start in zip(catalogue.sheets_of_phase(phase), sheet_starts(kit), strict=True):
        assert contains(cover, words(f"{sheet.titre} {format_duration(sheet.duree)}")), sheet.slug
        assert contains(cover, words(f"page {start}")), (sheet.slug, start)
    latest = max(str(sheet.mise_a_jour) for sheet in catalogue.sheets_of_phase(phase))
    assert contains(cover, words(f"mises à jour au plus tard le {french_date(latest)}"))


def test_the_kit_pages_are_numbered_through_the_whole_kit(printed):
    _, phase, _, destination = printed
    kit = kit_of(destination, phase)
    total = len(kit.pages)
    starts = sheet_starts(kit)
    for index, page in enumerate(kit.pages):
        text = words(page.extract_text())
        if index == 0 or not text:
            continue  # the cover and the blank pages carry no number
        assert index + 1 >= starts[0]
        assert text[-4:] == words(f"page {index + 1} sur {total}"), (index, text[-4:])


def test_a_sheet_on_its_own_is_numbered_from_1(printed):
    _, _, sheets, destination = printed
    for sheet in sheets:
        pages = pdf_of(destination, sheet).pages
        for index, page in enumerate(pages):
            assert words(page.extract_text())[-4:] == words(f"page {index + 1} sur {len(pages)}")


def materials_pages(pages: list[list[str]]) -> set[int]:
    """The pages (0-based) that the materials section spans, from its heading to the next one."""
    flat = [(number, word) for number, page in enumerate(pages) for word in page]
    text = [word for _, word in flat]
    following = words("Installation de la salle")
    end = next(i for i in range(len(text)) if text[i:i + len(following)] == following)
    start = max(i for i in range(end) if text[i] == "matériel")
    return {number for number, _ in flat[start:end]}


def test_the_materials_list_is_kept_on_one_page(printed):
    _, _, sheets, destination = printed
    for sheet in sheets:
        pages = [words(page.extract_text()) for page in pdf_of(destination, sheet).pages]
        assert len(materials_pages(pages)) == 1, (sheet.slug, materials_pages(pages))


def test_a_printed_sheet_starts_with_its_title_not_its_tags(printed):
    _, _, sheets, destination = printed
    assert any(sheet.mots_cles for sheet in sheets)  # otherwise there would be no chip to leave out
    for sheet in sheets:
        first = words(pdf_of(destination, sheet).pages[0].extract_text())
        address = words(urls.absolute(SITE_URL, urls.sheet_page(sheet.slug)))
        # the QR code's caption floats beside the title and may come first in the text
        if contains(first[:len(address) + 8], address):
            first = first[first.index(address[-1]) + 1:]
        assert first[:len(words(sheet.titre))] == words(sheet.titre), (sheet.slug, first[:8])


def test_the_printed_address_breaks_only_after_a_slash_or_a_hyphen(printed):
    _, _, sheets, destination = printed
    for sheet in sheets:
        address = urls.absolute(SITE_URL, urls.sheet_page(sheet.slug))
        text = pdf_of(destination, sheet).pages[0].extract_text()
        lines = text.split("Version en ligne de cette fiche :", 1)[1].split("\n")
        lines = [line.strip() for line in lines if line.strip()]
        kept = []
        while "".join(kept) != address:
            assert len("".join(kept)) < len(address), (sheet.slug, kept)
            kept.append(lines[len(kept)])
        assert all(line.endswith(("/", "-")) for line in kept[:-1]), (sheet.slug, kept)


def test_the_sheet_prints_its_date_in_french_and_the_addresses_of_related_pages(printed):
    catalogue, _, sheets, destination = printed
    for sheet in sheets:
        printed_words = words(" ".join(page.extract_text() for page in pdf_of(destination, sheet).pages))
        assert contains(printed_words, words(f"Mise à jour le {french_date(str(sheet.mise_a_jour))}"))
        for other in catalogue.related(sheet):
            address = urls.absolute(SITE_URL, urls.sheet_page(other.slug)).split("://", 1)[1]
            assert contains(printed_words, words(f"{other.titre} ({address})")), (sheet.slug, other.slug)


def test_print_style_hides_the_chrome_and_keeps_steps_together(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "fiches/ecrire-la-feuille-de-route/")
    assert not page.locator(".fiche-adresse").is_visible()  # the QR code is for paper
    page.emulate_media(media="print")
    for selector in ("header.md-header", ".md-sidebar--primary", ".md-search", "footer.md-footer",
                     ".md-sidebar--secondary", "form[data-md-component=palette]", ".fiche-navigation",
                     ".md-tags"):
        assert page.locator(selector).count() >= 1, selector
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".fiche-adresse svg[role=img]").is_visible()
    steps = page.locator(".etape")
    assert steps.count() >= 3
    for index in range(steps.count()):
        style = steps.nth(index).evaluate("e => getComputedStyle(e).breakInside")
        assert style == "avoid"
    assert page.locator(".etape h3#etape-1").count() == 1  # step anchors unchanged
    # On paper a link is plain text: no underline, and no address after a glossary word or a
    # link in the text; the related sheets, paths and case studies print their address.
    links = page.locator("article a[href]")
    assert links.count() > 10
    decorations = links.evaluate_all("links => links.map(a => getComputedStyle(a).textDecorationLine)")
    assert set(decorations) == {"none"}, set(decorations)
    terms = page.locator("article a.terme")
    assert terms.count() >= 1
    assert set(terms.evaluate_all("links => links.map(a => getComputedStyle(a, '::after').content)")) == {"none"}
    related = page.locator("article a[data-adresse]")
    assert related.count() >= 2
    for index in range(related.count()):
        link = related.nth(index)
        href = link.evaluate("a => new URL(a.getAttribute('href'), location.href).pathname")
        address = link.get_attribute("data-adresse")
        assert address == urls.absolute(SITE_URL, "").split("://", 1)[1] + href.lstrip("/")
        assert link.evaluate("a => getComputedStyle(a, '::after').content") == f'" ({address})"'


def test_the_printed_address_stays_out_of_search_results(real_site):
    indexed = indexed_pages(real_site)
    assert "/fiches/ecrire-la-feuille-de-route/" in indexed
    text = " ".join(page["content"] for page in indexed.values())
    assert "Code QR vers" not in text and "Version en ligne de cette fiche" not in text
