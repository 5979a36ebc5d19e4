"""A kit's pages without a browser: where each sheet starts, the blank pages, the numbers
stamped through the kit, the cover's French date; PDF files made with pypdf itself."""

from __future__ import annotations

import pytest
from pypdf import PdfReader, PdfWriter

from centre_ressources.downloads.kit_cover import CoverEntry, cover_html, french_date
from centre_ressources.downloads.pdf_finish import KitPart, kit_layout, merge_kit


@pytest.mark.parametrize(("cover", "sizes", "starts", "blanks", "total"), [
    (1, [6, 6], (3, 9), (2,), 14),
    (1, [5, 3, 4], (3, 9, 13), (2, 8, 12), 16),
    (2, [1, 1], (3, 5), (4,), 5),
    (0, [3, 2], (1, 5), (4,), 6),
])
def test_each_sheet_starts_on_an_odd_page(cover, sizes, starts, blanks, total):
    layout = kit_layout(cover, sizes)
    assert (layout.starts, layout.blanks, layout.total) == (starts, blanks, total)


def _pdf(path, pages: int):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    with path.open("wb") as stream:
        writer.write(stream)
    return path


def test_the_merged_kit_numbers_the_sheets_pages_through_the_kit(tmp_path):
    parts = [KitPart("Alpha", _pdf(tmp_path / "a.pdf", 3)), KitPart("Beta", _pdf(tmp_path / "b.pdf", 2))]
    layout = merge_kit(parts, tmp_path / "kit.pdf", "Kit", cover=_pdf(tmp_path / "cover.pdf", 1))
    kit = PdfReader(tmp_path / "kit.pdf")
    texts = [page.extract_text().strip() for page in kit.pages]
    # cover, blank, alpha 3-5, blank, beta 7-8
    assert texts == ["", "", "page 3 sur 8", "page 4 sur 8", "page 5 sur 8", "", "page 7 sur 8", "page 8 sur 8"]
    assert layout.starts == (3, 7)
    assert [(item.title, kit.get_destination_page_number(item)) for item in kit.outline] == \
        [("Sommaire", 0), ("Alpha", 2), ("Beta", 6)]


def test_the_cover_lists_the_pages_and_dates_in_french():
    document = cover_html("Phase 1 : Essai — kit", "Phase 1 : Essai", [CoverEntry("Fiche <a>", "1 h", 3)],
                          "2027-03-01", "Centre", "centre.example/demarche/essai/")
    assert "Fiche &lt;a&gt;" in document and "page 3" in document
    assert "au plus tard le 1er mars 2027" in document
    assert french_date("2026-11-26") == "26 novembre 2026"
    assert "http" not in document.replace("centre.example", "")  # nothing to load from anywhere
