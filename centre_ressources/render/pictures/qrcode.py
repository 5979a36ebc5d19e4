"""A QR code to a page's permanent address, drawn at build time as inline SVG (with zxing-cpp).

A printed sheet carries it so that a participant can open the online version. The SVG is one
image named by its address (escaped, well-formed whatever the label), with only the elements the
sanitiser keeps. zxing-cpp encodes the symbol, as a thousand sheets draw a thousand codes; the
drawing is one path of horizontal runs rather than its writer's rectangle per module.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from centre_ressources.characters import clean_line

# Level M, the standard's medium error correction: enough for a creased or badly printed sheet while
# keeping the modules large. The quiet zone of 4 modules is the one the standard asks for.
ERROR_LEVEL = "M"
QUIET_ZONE = 4
_DARK_RUN_SPLIT = re.compile(rb"(\x00+)")  # zxing-cpp's image: one byte per module, 0 for dark


# Remembered across the rebuilds of `mkdocs serve`.
@lru_cache(maxsize=8192)
def qr_svg(url: str, label: str, css_class: str = "qr-code") -> str:
    """Inline SVG of a QR code encoding `url`; `label` names it for screen readers."""
    import zxingcpp  # here, not at the top: `check` never draws a QR code

    symbol = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_LEVEL)
    image = symbol.to_image(add_quiet_zones=False)
    height, width = image.shape
    modules = bytes(image)  # type: ignore[call-overload]  # a buffer; its stub does not say so
    size = width + 2 * QUIET_ZONE
    name = escape(clean_line(label), quote=True)
    return (
        f'<svg role="img" aria-label="{name}" viewBox="0 0 {size} {size}" class="{escape(css_class, quote=True)}">'
        f"<title>{name}</title>"
        f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/>'
        f'<path stroke="#000" d="{_dark_runs(modules, width, height)}"/></svg>'
    )


def _dark_runs(modules: bytes, width: int, height: int) -> str:
    """Path data: each run of dark modules in a row as a stroke one module high, the first of
    a row placed absolutely (along the middle of the row), the next ones after the last."""
    # A row split on its dark runs gives the lengths of light, dark, light, …, light, and
    # one %-format writes them: no Python step per run, cheaper than a loop
    # over the runs (benchmarks/LISEZMOI.md), for a thousand codes in a build.
    commands = []
    for row in range(height):
        parts = _DARK_RUN_SPLIT.split(modules[row * width:(row + 1) * width])
        if len(parts) == 1:
            continue  # no dark module in this row
        lengths = list(map(len, parts))
        runs = len(parts) // 2
        commands.append(("M%d %d.5h%d" + "m%d 0h%d" * (runs - 1))
                        % (QUIET_ZONE + lengths[0], QUIET_ZONE + row, *lengths[1:-1]))
    return "".join(commands)
