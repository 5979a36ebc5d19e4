"""The QR code's path draws exactly the dark modules of the symbol, row by row; its label is
text, whatever it holds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from centre_ressources.characters import clean_line
from centre_ressources.render.pictures.qrcode import QUIET_ZONE, _dark_runs, qr_svg
from support.hostile import HOSTILE

_COMMAND = re.compile(r"([Mmh])(-?\d+)(?: (-?\d+)(\.5)?)?")


def drawn_modules(path: str) -> set[tuple[int, int]]:
    """The (column, row) of every module the path's horizontal strokes cover."""
    drawn: set[tuple[int, int]] = set()
    x = y = 0
    for command, first, second, half in _COMMAND.findall(path):
        if command == "M":
            assert half == ".5", "a row's stroke runs along its middle"
            x, y = int(first), int(second)
        elif command == "m":
            assert second == "0", "a move stays on its row"
            x += int(first)
        else:
            length = int(first)
            assert length > 0
            drawn.update((column, y) for column in range(x, x + length))
            x += length
    assert "".join("".join(parts) for parts in _COMMAND.findall(path)) == path.replace(" ", ""), path
    return drawn


grids = st.integers(1, 12).flatmap(
    lambda width: st.lists(st.lists(st.booleans(), min_size=width, max_size=width), min_size=1, max_size=12))


@given(grids)
def test_the_path_covers_the_dark_modules_and_only_them(grid):
    width, height = len(grid[0]), len(grid)
    modules = bytes(0 if dark else 255 for row in grid for dark in row)
    expected = {(QUIET_ZONE + column, QUIET_ZONE + row)
                for row, cells in enumerate(grid) for column, dark in enumerate(cells) if dark}
    assert drawn_modules(_dark_runs(modules, width, height)) == expected


def test_a_real_code_is_drawn_inside_its_quiet_zone():
    svg = qr_svg("https://exemple.org/fiches/une-fiche/", "Code QR vers la fiche")
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    path = re.search(r'<path stroke="#000" d="([^"]+)"', svg).group(1)
    drawn = drawn_modules(path)
    assert drawn, "a QR code has dark modules"
    assert min(x for x, _ in drawn) == QUIET_ZONE and max(x for x, _ in drawn) == size - QUIET_ZONE - 1
    assert min(y for _, y in drawn) == QUIET_ZONE and max(y for _, y in drawn) == size - QUIET_ZONE - 1


@pytest.mark.parametrize("label", HOSTILE)
def test_the_label_is_text_in_a_well_formed_svg(label):
    svg = qr_svg("https://exemple.org/fiches/une-fiche/", label)
    root = ET.fromstring(svg)
    assert [element.tag for element in root.iter()] == ["svg", "title", "path", "path"], "an element was injected"
    assert (root.find("title").text or "") == clean_line(label)
    assert root.get("aria-label") == clean_line(label)
