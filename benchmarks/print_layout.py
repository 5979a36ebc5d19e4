"""`python -m benchmarks.print_layout [--dossier PDF]`: how the printed sheets fill their pages.

Builds the project's site, prints every sheet to PDF as `centre-ressources build --pdf` does
(or reads the PDF files already in a folder), and says for each sheet: its number of pages,
how full each page is (share of the printable height down to its last line of text), and
whether its materials list is split between two pages. Figures for the print style sheet
(docs/assets/stylesheets/impression.css); they depend on the catalogue, so they are not a test.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .project import PROJECT, copy_project

MM = 72 / 25.4
TOP_MARGIN, BOTTOM_MARGIN = 14 * MM, 16 * MM  # impression.css @page; the footer sits below


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def contains(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i:i + size] == needle for i in range(len(haystack) - size + 1))


def page_fill(page) -> float:
    """Share of the printable height used, from the top margin down to the lowest text."""
    height = page.get_height()
    text = page.get_textpage()
    lowest = height
    for index in range(text.count_rects()):
        _, bottom, _, _ = text.get_rect(index)
        if bottom > BOTTOM_MARGIN - 2:  # not the footer ("page n sur m")
            lowest = min(lowest, bottom)
    usable = height - TOP_MARGIN - BOTTOM_MARGIN
    return max(0.0, min(1.0, (height - TOP_MARGIN - lowest) / usable))


def page_words(path: Path) -> tuple[list[list[str]], list[float]]:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    texts, fills = [], []
    for page in document:
        texts.append(words(page.get_textpage().get_text_range()))
        fills.append(page_fill(page))
    return texts, fills


def materials_pages(pages: list[list[str]]) -> list[int]:
    """The pages (1-based) that the materials section spans: from its heading « Matériel »
    to the last word before the next section, « Installation de la salle »."""
    flat = [(number, word) for number, page in enumerate(pages, 1) for word in page]
    text = [word for _, word in flat]
    following = words("Installation de la salle")
    end = next(i for i in range(len(text)) if text[i:i + len(following)] == following)
    start = max(i for i in range(end) if text[i] == "matériel")
    return sorted({number for number, _ in flat[start:end]})


def print_project(work: Path) -> Path:
    """Build a copy of the project and print its sheets; the folder of the PDF files."""
    from centre_ressources.downloads.make import make_pdfs
    from centre_ressources.pipeline import build_catalogue

    root = copy_project(work / "projet")
    site = work / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=root, check=True)
    catalogue = build_catalogue(root)
    destination = work / "pdf"
    make_pdfs(site, catalogue, destination, phases=[])
    return destination


def measure(folder: Path) -> list[str]:
    from centre_ressources.pipeline import build_catalogue

    catalogue = build_catalogue(PROJECT)
    lines = ["| fiche | pages | remplissage de chaque page | matériel sur les pages |", "| --- | --- | --- | --- |"]
    split = 0
    last_fills, second_fills, inner_fills = [], [], []
    for sheet in catalogue.sheets:
        path = folder / f"fiche-{sheet.slug}.pdf"
        if not path.is_file():
            continue
        pages, fills = page_words(path)
        on = materials_pages(pages)
        split += len(on) > 1
        last_fills.append(fills[-1])
        inner_fills += fills[:-1]
        if len(fills) > 2:
            second_fills.append(fills[1])
        fill_text = " ".join(f"{round(fill * 100)} %" for fill in fills)
        lines.append(f"| {sheet.slug} | {len(pages)} | {fill_text} | {', '.join(map(str, on))} |")
    count = len(last_fills)
    lines += [
        "",
        f"{count} fiches, {len(inner_fills) + count} pages ; liste du matériel coupée : {split} sur {count}.",
        f"Pages autres que la dernière : remplies en moyenne à "
        f"{round(100 * sum(inner_fills) / max(1, len(inner_fills)))} %, "
        f"{sum(fill < 0.8 for fill in inner_fills)} remplies à moins de 80 %.",
        f"Dernière page remplie en moyenne à {round(100 * sum(last_fills) / max(1, count))} %.",
        f"Page 2 (fiches de plus de deux pages) remplie en moyenne à "
        f"{round(100 * sum(second_fills) / max(1, len(second_fills)))} %, au plus bas à "
        f"{round(100 * min(second_fills, default=0))} %.",
    ]
    return lines


def main() -> None:
    arguments = argparse.ArgumentParser(prog="python -m benchmarks.print_layout", description=__doc__)
    arguments.add_argument("--dossier", type=Path, help="dossier des PDF déjà imprimés (fiche-<nom>.pdf)")
    options = arguments.parse_args()
    if options.dossier:
        print("\n".join(measure(options.dossier)))
        return
    with tempfile.TemporaryDirectory(prefix="impression-") as work:
        print("\n".join(measure(print_project(Path(work)))))


if __name__ == "__main__":
    main()
