"""A QR code to a page's permanent address, drawn at build time as inline SVG (with segno).

A printed sheet carries it so that a workshop participant can open the online version from
the paper. The SVG is inline (no image file, no request), announced to assistive technology
as one image whose name is the address it encodes, and uses only the SVG elements and
attributes the sanitiser (sanitize.py) keeps.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

# Level M recovers from about 15 % damage: enough for a creased or badly printed sheet while
# keeping the modules large. The quiet zone of 4 modules is the one the standard asks for.
ERROR_LEVEL = "m"
QUIET_ZONE = 4
# Every mask pattern is valid and every reader undoes any of them; letting segno score all
# eight to pick one costs three times as much per code (benchmarks/LISEZMOI.md). One fixed mask.
MASK = 0


# Remembered across the rebuilds of `mkdocs serve`.
@lru_cache(maxsize=8192)
def qr_svg(url: str, label: str, css_class: str = "qr-code") -> str:
    """Inline SVG of a QR code encoding `url`; `label` names it for screen readers."""
    import segno  # here, not at the top: `check` never draws a QR code (a tenth of its start)

    code = segno.make(url, error=ERROR_LEVEL, micro=False, boost_error=False, mask=MASK)
    svg = code.svg_inline(
        scale=1, border=QUIET_ZONE, dark="#000", light="#fff", omitsize=True,
        title=label, svgclass=css_class, lineclass=None,
    )
    # segno names neither a role nor an accessible name on the <svg> element itself.
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label, quote=True)}" ', 1)
