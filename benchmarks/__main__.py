"""`python -m benchmarks [N ...]`: grow, build, measure, compare with the floor, check targets."""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from . import measure, preview
from .floor import PageShape, page_shape, words_of, write_floor
from .grow import DEFAULT_CASE_SHARE, grow_catalogue
from .project import PROJECT, copy_project, tree_size
from .search import measure_search
from .targets import (
    BUILD_VS_FLOOR_AT,
    SEARCH_AT,
    Results,
    SiteFigures,
    SizeResult,
    StageResult,
    Verdict,
    measures_table,
    search_table,
    stages_table,
    thousands,
    verdicts,
    verdicts_table,
)

DEFAULT_SIZES = (100, 1000, 2000)
# The machines are shared and their speed drifts: the shortest of three builds is steadier.
DEFAULT_REPETITIONS = 3
CHECK_RUNS = 5
PAGEFIND = "pagefind"


class BuildFailed(Exception):
    pass


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="bash scripts/bench.sh",
        description="Mesure la construction du centre de ressources quand le catalogue grandit, "
                    "et la compare au plancher (Material seul, mêmes pages en Markdown simple).")
    main.add_argument("sizes", nargs="*", type=int, metavar="N",
                      help="nombres d'éléments (fiches + études de cas) ; par défaut : 100 1000 2000")
    main.add_argument("--repetitions", type=int, default=DEFAULT_REPETITIONS,
                      help="constructions par mesure, site et plancher en alternance ; le temps retenu est "
                           f"le plus court (par défaut : {DEFAULT_REPETITIONS})")
    main.add_argument("--part-etudes", type=float, default=DEFAULT_CASE_SHARE, dest="case_share",
                      help="part des études de cas parmi les éléments (par défaut : 0,9)")
    main.add_argument("--fiche", help="fiche dont la page est pesée (par défaut : la première par ordre alphabétique)")
    main.add_argument("--sortie", type=Path, help="écrire aussi les tableaux (Markdown) dans ce fichier")
    main.add_argument("--garder", action="store_true", help="garder le dossier temporaire des copies")
    main.add_argument("--etapes", action="store_true",
                      help=f"détailler aussi, à {BUILD_VS_FLOOR_AT} éléments (ou à la plus grande taille), le temps "
                           "de chaque étape de la construction, site et plancher (deux constructions de plus)")
    main.add_argument("--sans-apercu", action="store_true", dest="no_preview",
                      help="ne pas mesurer le délai de l'aperçu (centre-ressources serve) à "
                           + " et ".join(thousands(n) for n in preview.DEFAULT_SIZES) + " éléments")
    main.add_argument("--sans-recherche", action="store_true", dest="no_search",
                      help=f"ne pas mesurer la recherche dans Chromium (à {SEARCH_AT} éléments, ou à la plus grande "
                           "taille : deux constructions de plus, Pagefind et Material)")
    return main


def search_index_bytes(site_dir: Path) -> int:
    """Pagefind's folder (index and library), or Material's index where it is built."""
    if (site_dir / "pagefind").is_dir():
        return tree_size(site_dir / "pagefind")
    index = site_dir / "search" / "search_index.json"
    return index.stat().st_size if index.is_file() else 0


def search_engine(site_dir: Path) -> str:
    """Which search a built site carries: Pagefind's chunked index, or Material's whole index."""
    if (site_dir / "pagefind" / "pagefind.js").is_file():
        return PAGEFIND
    return "material" if (site_dir / "search" / "search_index.json").is_file() else ""


def site_figures(runs: list[measure.Run], site_dir: Path, sheet_page: str | None) -> SiteFigures:
    page = site_dir / sheet_page if sheet_page else None
    engine = search_engine(site_dir)
    return SiteFigures(
        seconds=min(r.cpu_seconds for r in runs),
        wall_seconds=min(r.seconds for r in runs),
        peak_bytes=max(r.peak_bytes for r in runs),
        output_bytes=tree_size(site_dir),
        search_index_bytes=search_index_bytes(site_dir),
        sheet_page_bytes=page.stat().st_size if page and page.is_file() else None,
        search_engine=engine,
    )


def build_once(root: Path, site_dir: Path, what: str, search: str = "") -> measure.Run:
    """`search="pagefind"`: a floor indexed after its build by the same search engine as the
    site, so that the ratio weighs what the project adds to Material, not the engine's cost
    (which the stage table shows apart)."""
    shutil.rmtree(site_dir, ignore_errors=True)
    run = measure.mkdocs_build(root, site_dir)
    if run.returncode == 0 and search == PAGEFIND:
        run = measure.combined(run, measure.pagefind(site_dir))
    if run.returncode != 0:
        raise BuildFailed(f"La construction « {what} » a échoué :\n{run.output[-4000:]}")
    return run


def build(root: Path, site_dir: Path, repetitions: int, what: str, sheet_page: str | None) -> SiteFigures:
    runs = [build_once(root, site_dir, what) for _ in range(repetitions)]
    figures = site_figures(runs, site_dir, sheet_page)
    shutil.rmtree(site_dir, ignore_errors=True)
    return figures


def build_with_floor(root: Path, floor_root: Path, work: Path, repetitions: int, items: int,
                     sheet_page: str, search: str) -> tuple[SiteFigures, SiteFigures]:
    """The site and its floor built in turn (floor, site, floor, site…): on a shared machine
    whose speed drifts from minute to minute, both then meet the same slow and fast moments,
    and the ratio of their shortest times is fair."""
    site_runs, floor_runs = [], []
    for _ in range(repetitions):
        print(f"{items} éléments : plancher…", flush=True)
        floor_runs.append(build_once(floor_root, work / "site-plancher", f"plancher, {items} pages", search))
        print(f"{items} éléments : site…", flush=True)
        site_runs.append(build_once(root, work / "site", f"site, {items} éléments"))
    floor = site_figures(floor_runs, work / "site-plancher", None)
    site = site_figures(site_runs, work / "site", sheet_page)
    shutil.rmtree(work / "site-plancher", ignore_errors=True)
    shutil.rmtree(work / "site", ignore_errors=True)
    return site, floor


_TAG = re.compile(r"<[^>]+>")


def exported_shapes(root: Path, work: Path) -> tuple[PageShape, PageShape, list[str]]:
    """The length, headings and words of a generated sheet page and case page, from
    `centre-ressources export`."""
    destination = work / "export"
    run = measure.export(root, destination)
    if run.returncode != 0:
        raise BuildFailed(f"L'export des pages générées a échoué :\n{run.output[-4000:]}")
    docs = destination / "docs"  # the export's source folder, beside its configurations
    parts = json.loads((destination / "parties-differees.json").read_text("utf-8"))

    def visible(path: Path) -> str:
        """The page as its words reach a visitor: each part written as HTML, which the export
        leaves to `finish`, by its text; a picture's place by nothing (the floor has no
        picture)."""
        page = path.relative_to(docs).as_posix()
        text = path.read_text("utf-8")
        for index, part in enumerate(parts["pictures"].get(page, ())):
            words = "" if part.startswith("<figure") else html.unescape(_TAG.sub(" ", part))
            text = text.replace(f"{parts['token']}-{index}", " ".join(words.split()), 1)
        return text

    sheets = [visible(p) for p in sorted((docs / "fiches").glob("*.md")) if p.name != "index.md"]
    cases = [visible(p) for p in sorted((docs / "etudes-de-cas").glob("*/index.md"))]
    return page_shape(sheets), page_shape(cases), words_of(sheets + cases)


def versions() -> str:
    names = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin")
    found = ", ".join(f"{n} {metadata.version(n)}" for n in names)
    commit = subprocess.run(["git", "-C", str(PROJECT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    return f"commit {commit or 'inconnu'}, Python {platform.python_version()}, {found}, {os.cpu_count()} cœurs"


def run(args: argparse.Namespace, work: Path) -> Results:
    sizes = sorted(set(args.sizes or DEFAULT_SIZES))
    sheet = args.fiche or sorted((PROJECT / "methods").glob("*.md"))[0].stem
    sheet_page = f"fiches/{sheet}/index.html"
    real = copy_project(work / "reel")
    print(f"Site réel (fiche pesée : {sheet})…", flush=True)
    results = Results(real=build(real, work / "site", args.repetitions, "site réel", sheet_page))
    sheet_shape, case_shape, words = exported_shapes(real, work)
    project_config = (PROJECT / "mkdocs.yml").read_text("utf-8")
    staged_size = BUILD_VS_FLOOR_AT if BUILD_VS_FLOOR_AT in sizes else sizes[-1]
    search_size = SEARCH_AT if SEARCH_AT in sizes else sizes[-1]
    for items in sizes:
        print(f"{items} éléments : copie, croissance…", flush=True)
        root = copy_project(work / f"n{items}")
        growth = grow_catalogue(root, items, args.case_share)
        floor_root = work / f"plancher{items}"
        write_floor(floor_root, project_config, [sheet_shape] * growth.sheets + [case_shape] * growth.cases, words)
        site, floor = build_with_floor(root, floor_root, work, args.repetitions, items, sheet_page,
                                       results.real.search_engine)
        print(f"{items} éléments : check…", flush=True)
        # A few seconds each: always run several times, the shortest is the least disturbed.
        checks = [measure.check(root) for _ in range(max(CHECK_RUNS, args.repetitions))]
        if checks[0].returncode != 0:
            raise BuildFailed(f"`centre-ressources check` a échoué sur {items} éléments :\n{checks[0].output[-4000:]}")
        results.sizes.append(SizeResult(items, growth.sheets, growth.cases, site, floor,
                                        min(c.cpu_seconds for c in checks), min(c.seconds for c in checks)))
        if args.etapes and items == staged_size:
            print(f"{items} éléments : temps par étape…", flush=True)
            floor_stages = measure.stages(floor_root, work / "site")
            if floor_stages is not None and results.real.search_engine == PAGEFIND:
                indexed = measure.pagefind(work / "site").cpu_seconds
                floor_stages["recherche"] += indexed
                floor_stages["total"] += indexed
            results.stages = StageResult(items, measure.stages(root, work / "site"), floor_stages)
            shutil.rmtree(work / "site", ignore_errors=True)
        if not args.no_search and items == search_size:
            print(f"{items} éléments : recherche dans Chromium, Pagefind et Material…", flush=True)
            try:
                results.search = measure_search(root, work, items, sheet)
            except RuntimeError as failure:
                raise BuildFailed(str(failure)) from None
        shutil.rmtree(root)
        shutil.rmtree(floor_root)
    if not args.no_preview:
        # After the builds, on copies of its own: the preview's server then has the machine alone.
        for items in preview.DEFAULT_SIZES:
            print(f"{items} éléments : aperçu (centre-ressources serve)…", flush=True)
            results.preview += preview.measure(items, work, max(preview.DEFAULT_REPETITIONS, args.repetitions))
    return results


def preview_report(measures: list[preview.Measure]) -> str:
    text, _ = preview.verdict(measures)
    return ("Délai entre l'enregistrement d'une étude de cas et sa page à jour dans l'aperçu "
            f"(`centre-ressources serve`) :\n\n{preview.table(measures)}\n\n{text}")


def measuring_command(args: argparse.Namespace) -> str:
    """The command that repeats these measures (the options that change them, not --sortie)."""
    words = ["bash scripts/bench.sh", *(str(n) for n in args.sizes)]
    if args.repetitions != DEFAULT_REPETITIONS:
        words.append(f"--repetitions {args.repetitions}")
    if args.case_share != DEFAULT_CASE_SHARE:
        words.append(f"--part-etudes {args.case_share}")
    if args.fiche:
        words.append(f"--fiche {args.fiche}")
    if args.etapes:
        words.append("--etapes")
    if args.no_search:
        words.append("--sans-recherche")
    if args.no_preview:
        words.append("--sans-apercu")
    return " ".join(words)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="centre-bench-"))
    try:
        results = run(args, work)
    except BuildFailed as failure:
        print(failure, file=sys.stderr)
        return 2
    finally:
        if args.garder:
            print(f"Copies gardées dans {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    found = verdicts(results)
    command = measuring_command(args)
    report = "\n\n".join((
        f"Commande : `{command}` ({versions()}).",
        measures_table(results),
        verdicts_table(found),
        *([stages_table(results.stages)] if results.stages else []),
        *([search_table(results.search)] if results.search else []),
        *([preview_report(results.preview)] if results.preview else []),
    )) + "\n"
    print()
    print(report)
    if args.sortie:
        args.sortie.write_text(report, "utf-8")
    missed = [v for v in found if v.passed is False]
    if results.preview and preview.verdict(results.preview)[1] is False:
        missed.append(Verdict("aperçu", "", "", False))
    if missed:
        print(f"{len(missed)} objectif(s) manqué(s).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
