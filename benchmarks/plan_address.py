"""`python -m benchmarks.plan_address [--racine DOSSIER] [--fois N]`: how long /atelier/ takes
to open a plan carried in its address, in headless Chromium.

Builds and serves a temporary copy, then opens /atelier/ with no plan, a plan at the limits of
docs/assets/javascripts/atelier/plan.js (steps, then characters) and an address far over them;
each time runs until the page, drawn, answers again. The cases are in benchmarks/LISEZMOI.md.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from . import measure
from .project import PROJECT, copy_project
from .search import CHROMIUM_ARGS, served

PLAN_SCRIPT = Path("docs/assets/javascripts/atelier/plan.js")
DEFAULT_MAX_ITEMS, DEFAULT_MAX_ADDRESS = 100, 8000  # when the measured project states none
OVERSIZED = 360_000  # characters: an address far over the limit
TITLE_LENGTH = 120  # the planner's title field (maxlength)
# The planner drawn: its list holds this many steps (none: it says the plan is empty), or it
# says why it opened another plan.
DRAWN = """([rows, message]) => (rows ? document.querySelectorAll('.atelier-etape').length >= rows
    : Boolean(document.querySelector('.atelier-seance') && document.querySelector('.atelier-vide')))
  || (message && [...document.querySelectorAll('.atelier-alerte')].some((p) => p.textContent.includes(message)))"""
FREE = "() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()))))"


def limits(root: Path) -> tuple[int, int]:
    """The planner's limits, as the measured project's plan.js states them."""
    text = (root / PLAN_SCRIPT).read_text(encoding="utf-8")
    items = re.search(r"A\.MAX_ITEMS = (\d+)", text)
    address = re.search(r"A\.MAX_ADDRESS = (\d+)", text)
    return (int(items[1]) if items else DEFAULT_MAX_ITEMS, int(address[1]) if address else DEFAULT_MAX_ADDRESS)


def _head(title: str) -> str:
    return f"debut=09:00&fin=18:00&titre={quote(title, safe='')}&plan="


def steps_plan(sheets: list[dict], items: int) -> str:
    """`items` steps, taken from the sheets in turn (so that each is a block of its own), each
    with a duration of its own."""
    title = ("Séminaire d'été « coopérer » à Ville-Exemple " * 4)[:TITLE_LENGTH]
    longest = sorted(sheets, key=lambda s: -len(s["slug"]))
    blocks = []
    for index in range(items):
        sheet = longest[index % len(longest)]
        step = sheet["deroule"][(index // len(longest)) % len(sheet["deroule"])]
        blocks.append(f"{sheet['slug']}.{step['numero']}_{min(600, step['duree'] + 1)}")
    return _head(title) + "~".join(blocks)


def unknown_plan(items: int, length: int) -> str:
    """A plan of exactly `length` characters: `items` blocks naming sheets the site lacks."""
    head = _head("")
    room = length - len(head) - (items - 1)  # the « ~ » between blocks
    sizes = [room // items + (1 if index < room % items else 0) for index in range(items)]
    blocks = []
    for index, size in enumerate(sizes):
        suffix = f"-{index}.1"
        name = ("fiche-absente-" * (size // 14 + 1))[: size - len(suffix)]
        blocks.append(name.rstrip("-").ljust(size - len(suffix), "x") + suffix)
    return head + "~".join(blocks)


def oversized_plan(sheets: list[dict], length: int) -> tuple[str, int]:
    """An address of `length` characters of real sheets' steps; with its number of steps."""
    blocks, size, count = [], len(_head("")), 0
    while size < length:
        sheet = sheets[len(blocks) % len(sheets)]
        block = sheet["slug"] + "".join(f".{step['numero']}" for step in sheet["deroule"][:3])
        blocks.append(block)
        count += min(3, len(sheet["deroule"]))
        size += len(block) + 1
    return _head("") + "~".join(blocks), count


def _open(page, url: str, rows: int, message: str, timeout_ms: int) -> float:
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    page.wait_for_function(DRAWN, arg=[rows, message], polling="raf", timeout=timeout_ms)
    seconds = float(page.evaluate(FREE)) / 1000
    page.wait_for_load_state("networkidle")  # nothing left in flight when the browser closes
    return seconds


def _fresh(browser):
    return browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})


def run(root: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise RuntimeError("Chromium est introuvable : lancez « bash scripts/browser-deps.sh ».")
    max_items, max_address = limits(root)
    with tempfile.TemporaryDirectory(prefix="banc-atelier-") as work:
        copy = copy_project(Path(work) / "projet", root)
        site = Path(work) / "site"
        build = measure.mkdocs_build(copy, site)
        if build.returncode != 0:
            raise RuntimeError(f"La construction a échoué :\n{build.output[-4000:]}")
        sheets = json.loads((site / "api" / "fiches.json").read_text(encoding="utf-8"))["fiches"]
        at_limit = steps_plan(sheets, max_items)
        unknown = unknown_plan(max_items, max_address)
        oversized, oversized_rows = oversized_plan(sheets, OVERSIZED)
        figures: dict = {"limites": {"etapes": max_items, "caracteres": max_address},
                         "longueurs": {"limite_etapes": len(at_limit), "limite_caracteres": len(unknown),
                                       "trop_long": len(oversized)}}
        times: dict[str, list[float]] = {"vide": [], "limite_etapes": [], "limite_etapes_stockee": [],
                                         "limite_caracteres": [], "trop_long": []}
        with served(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                for _ in range(runs):
                    context = _fresh(browser)
                    times["vide"].append(_open(context.new_page(), f"{base}atelier/", 0, "", 60_000))
                    context.close()
                    context = _fresh(browser)
                    times["limite_etapes"].append(
                        _open(context.new_page(), f"{base}atelier/#{at_limit}", max_items, "", 60_000))
                    times["limite_etapes_stockee"].append(
                        _open(context.new_page(), f"{base}atelier/", max_items, "", 60_000))
                    context.close()
                    context = _fresh(browser)
                    times["limite_caracteres"].append(
                        _open(context.new_page(), f"{base}atelier/#{unknown}", 10**9, "n'existent pas", 60_000))
                    context.close()
                for _ in range(max(1, runs // 2)):
                    context = _fresh(browser)
                    page, started = context.new_page(), time.perf_counter()
                    try:
                        times["trop_long"].append(
                            _open(page, f"{base}atelier/#{oversized}", oversized_rows, "pas été ouvert", 300_000))
                    except Exception:  # noqa: BLE001 - a page that never opens is a figure too
                        times["trop_long"].append(time.perf_counter() - started)
                    context.close()
            finally:
                browser.close()
    figures["secondes"] = {name: round(statistics.median(values), 3) for name, values in times.items()}
    figures["chromium"] = chromium
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.plan_address", description=__doc__.split("\n\n")[0])
    parser.add_argument("--racine", type=Path, default=PROJECT, help="le projet à mesurer (par défaut : celui-ci)")
    parser.add_argument("--fois", type=int, default=5, help="nombre de mesures de chaque cas (la médiane est donnée)")
    options = parser.parse_args(argv)
    figures = run(options.racine.resolve(), options.fois)
    seconds, lengths = figures["secondes"], figures["longueurs"]
    limit = figures["limites"]
    print(f"Limites : {limit['etapes']} étapes et pauses, {limit['caracteres']} caractères.")
    print(f"Sans atelier : {seconds['vide']} s")
    print(f"{limit['etapes']} étapes ({lengths['limite_etapes']} caractères), navigateur neuf : "
          f"{seconds['limite_etapes']} s")
    print(f"{limit['etapes']} étapes, depuis le stockage du navigateur : {seconds['limite_etapes_stockee']} s")
    print(f"{lengths['limite_caracteres']} caractères de fiches absentes : {seconds['limite_caracteres']} s")
    print(f"{lengths['trop_long']} caractères : {seconds['trop_long']} s")
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
