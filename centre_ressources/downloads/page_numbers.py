"""Page numbers stamped on printed PDF pages with pypdf: « page 5 sur 24 », bottom right.

Chromium restarts the numbers with each document it prints, so sheets are printed without them
and numbered here once the final order is known (a sheet alone, or a kit with its cover). The
text is in Helvetica, which every PDF reader has, and marked as an artifact that screen readers skip.
"""

from __future__ import annotations

from pypdf import PageObject
from pypdf.generic import ContentStream, DictionaryObject, NameObject

MM = 72 / 25.4
FONT_SIZE = 7.0
RIGHT_MARGIN = 14 * MM  # impression.css @page; the footer's right edge
BASELINE = 16.2  # points from the bottom: the baseline of Chromium's footer
GREY = 0.333  # #555, the footer's colour
# Helvetica's advance widths (thousandths of the size) for the characters of « page 12 sur 34 ».
_WIDTHS = {" ": 278, "a": 556, "e": 556, "g": 556, "p": 556, "r": 333, "s": 500, "u": 556,
           **{digit: 556 for digit in "0123456789"}}


def label(number: int, total: int) -> str:
    return f"page {number} sur {total}"


def text_width(text: str, size: float = FONT_SIZE) -> float:
    return sum(_WIDTHS[character] for character in text) * size / 1000


def stamp(page: PageObject, text: str) -> None:
    """Draw `text` at the right of the page's footer (in place)."""
    width = float(page.mediabox.width)
    x = float(page.mediabox.left) + width - RIGHT_MARGIN - text_width(text)
    y = float(page.mediabox.bottom) + BASELINE
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = ContentStream(None, None)
    content.set_data(
        (f"/Artifact <</Type /Pagination /Subtype /Footer>> BDC q BT /FNumero {FONT_SIZE:g} Tf "
         f"{GREY} {GREY} {GREY} rg {x:.2f} {y:.2f} Td ({escaped}) Tj ET Q EMC").encode("ascii"))
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    })
    overlay = PageObject.create_blank_page(width=width, height=float(page.mediabox.height))
    overlay[NameObject("/Resources")] = DictionaryObject({
        NameObject("/Font"): DictionaryObject({NameObject("/FNumero"): font})})
    overlay.replace_contents(content)
    page.merge_page(overlay)


def number_pages(pages: list[PageObject], numbered: set[int]) -> None:
    """Stamp « page n sur N » on the pages whose index (0-based) is in `numbered`; n counts
    every page, stamped or not (a cover, a blank page), so that it is the page's place."""
    for index, page in enumerate(pages):
        if index in numbered:
            stamp(page, label(index + 1, len(pages)))
