"""`python -m benchmarks.preview [N ...]`: how long an edit takes to show in `centre-ressources serve`.

For each size, a copy grown to N items is served and edited again and again (a case's text, one
of its chronology entries, a sheet's summary, a case added then removed); the time runs from the
save to the moment the page, read over HTTP, holds the new text. The median judges the target;
the first build is reported apart (benchmarks/LISEZMOI.md)."""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .grow import grow_catalogue
from .project import copy_project
from .serving import Serving
from .targets import number, thousands
from .yamltext import join_front_matter, split_front_matter

DEFAULT_SIZES = (100, 1000)
DEFAULT_REPETITIONS = 5
TARGET_SECONDS, LIMIT_SECONDS = 1.0, 2.0  # the target, and its limit on a shared machine
TARGET_AT = 1000


@dataclass
class Measure:
    items: int
    edit: str
    seconds: list[float]
    ready_seconds: float

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def _edited_case(root: Path) -> Path:
    """A case study in the middle of the catalogue, whose chronology names sheets."""
    cases = sorted(root.glob("case_studies/*/index.md"))
    named = [c for c in cases if re.search(r"^\s+fiches: \[\w", c.read_text("utf-8"), re.M)] or cases
    return named[len(named) // 2]


def _edit_body(text: str, marker: str) -> str:
    return text.rstrip("\n") + f"\n\n{marker}\n"


def _edit_chronology(text: str, marker: str) -> str:
    edited, count = re.subn(r"^(\s*-?\s*texte: )(.+)$", lambda m: f"{m[1]}{marker} {m[2]}", text, count=1, flags=re.M)
    if not count:
        raise ValueError("aucune entrée de chronologie à modifier")
    return edited


SHEET = "« en bref » d'une fiche"
ADDED = "étude de cas ajoutée"  # measured, not judged: the target is for an edit
EDITS = {"texte de l'étude de cas": _edit_body, "entrée de sa chronologie": _edit_chronology}


def measure(items: int, work: Path, repetitions: int) -> list[Measure]:
    root = copy_project(work / f"n{items}")
    grow_catalogue(root, items)
    case = _edited_case(root)
    page = f"etudes-de-cas/{case.parent.name}/"
    original = case.read_text("utf-8")
    found = []
    started = time.perf_counter()
    with Serving(root) as serving:
        ready = time.perf_counter() - started
        print(f"{items} éléments : aperçu prêt en {number(ready, 1)} s ; étude de cas modifiée : {page}", flush=True)
        for label, change in EDITS.items():
            seconds = []
            for repetition in range(repetitions):
                marker = f"Modification {label.split()[0]} {repetition} {time.time_ns()}"
                text = change(original, marker)
                case.write_text(text, "utf-8")
                seconds.append(serving.wait_for(page, marker))
                time.sleep(0.3)  # the server's reload settled before the next save
            print(f"  {label} : " + ", ".join(number(s) for s in seconds) + " s", flush=True)
            found.append(Measure(items, label, seconds, ready))
            case.write_text(original, "utf-8")
            time.sleep(1)
        sheets = sorted(root.glob("methods/*.md"))
        sheet = sheets[len(sheets) // 2]
        sheet_text = sheet.read_text("utf-8")
        seconds = []
        for repetition in range(repetitions):  # a sheet's summary: its page, its phase's, the sheets' list
            marker = f"Fiche modifiée {repetition} {time.time_ns()}"
            data, body = split_front_matter(sheet_text)
            data["en_bref"] = f"{marker} {data['en_bref']}"
            sheet.write_text(join_front_matter(data, body), "utf-8")
            seconds.append(serving.wait_for(f"fiches/{sheet.stem}/", marker))
            time.sleep(0.3)
        sheet.write_text(sheet_text, "utf-8")
        print(f"  {SHEET} : " + ", ".join(number(s) for s in seconds) + " s", flush=True)
        found.append(Measure(items, SHEET, seconds, ready))
        time.sleep(1)
        seconds = []
        for repetition in range(repetitions):  # a new case study: its page, and the pages that list it
            added = case.parent.with_name(f"apercu-ajout-{repetition}")
            shutil.copytree(case.parent, added)
            marker = f"Étude ajoutée {repetition} {time.time_ns()}"
            index = added / "index.md"
            index.write_text(_edit_body(index.read_text("utf-8"), marker), "utf-8")
            seconds.append(serving.wait_for(f"etudes-de-cas/{added.name}/", marker))
            time.sleep(0.3)
            shutil.rmtree(added)
            serving.wait_for_output(f"etudes-de-cas/{added.name}/", timeout=120)
            time.sleep(1)
        print("  étude de cas ajoutée : " + ", ".join(number(s) for s in seconds) + " s", flush=True)
        found.append(Measure(items, ADDED, seconds, ready))
        lines = [line for line in serving.output().splitlines() if "Aperçu mis à jour" in line]
        for line in lines[-2:]:
            print(f"  terminal : {line}", flush=True)
    shutil.rmtree(root)
    return found


def table(measures: list[Measure]) -> str:
    rows = ["| Éléments | Modification | Médiane (s) | Plus court (s) | Plus long (s) | Aperçu prêt en (s) |",
            "| ---: | --- | ---: | ---: | ---: | ---: |"]
    for m in measures:
        rows.append(f"| {thousands(m.items)} | {m.edit} | {number(m.median)} | {number(min(m.seconds))} | "
                    f"{number(max(m.seconds))} | {number(m.ready_seconds, 1)} |")
    return "\n".join(rows)


def verdict(measures: list[Measure]) -> tuple[str, bool | None]:
    at = [m for m in measures if m.items == TARGET_AT and m.edit != ADDED]
    label = f"Modification visible dans l'aperçu à {thousands(TARGET_AT)} éléments (médiane)"
    if not at:
        return f"{label} : non mesuré", None
    worst = max(m.median for m in at)
    passed = worst <= LIMIT_SECONDS
    state = "atteint" if worst <= TARGET_SECONDS else ("dans la limite" if passed else "**manqué**")
    return (f"{label} : {number(worst)} s (cible ≤ {number(TARGET_SECONDS, 0)} s, "
            f"limite {number(LIMIT_SECONDS, 0)} s sur une machine partagée) : {state}"), passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.preview",
                                     description="Mesure le délai entre l'enregistrement d'une étude de cas et "
                                                 "sa page à jour dans l'aperçu (centre-ressources serve).")
    parser.add_argument("sizes", nargs="*", type=int, metavar="N",
                        help="nombres d'éléments ; par défaut : 100 1000")
    parser.add_argument("--repetitions", type=int, default=DEFAULT_REPETITIONS,
                        help=f"modifications par mesure (par défaut : {DEFAULT_REPETITIONS}) ; la médiane est retenue")
    parser.add_argument("--sortie", type=Path, help="écrire aussi le tableau (Markdown) dans ce fichier")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="centre-bench-apercu-"))
    try:
        measures = [m for items in sorted(set(args.sizes or DEFAULT_SIZES))
                    for m in measure(items, work, args.repetitions)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text, passed = verdict(measures)
    result = f"{table(measures)}\n\n{text}\n"
    print()
    print(result)
    if args.sortie:
        args.sortie.write_text(result, "utf-8")
    return 1 if passed is False else 0


if __name__ == "__main__":
    sys.exit(main())
