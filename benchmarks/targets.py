"""The targets of the scale issue, as ratios from one run, and the French tables of results."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .search import QUERIES, SearchResult

if TYPE_CHECKING:  # preview.py imports this module's formatting
    from .preview import Measure as PreviewMeasure

BUILD_VS_FLOOR_AT = 1000
BUILD_VS_FLOOR_MAX = 1.3
GROWTH_FROM, GROWTH_TO, GROWTH_MAX = 1000, 2000, 2.1
SHEET_PAGE_MAX = 1.1
CHECK_AT, CHECK_MAX_SECONDS = 2000, 2.0
MEMORY_VS_FLOOR_MAX = 1.5
SEARCH_AT = 1000
SEARCH_QUERY_MAX_BYTES = 300_000  # a first query, library and WebAssembly included


@dataclass
class SiteFigures:
    seconds: float  # processor time of the build (user + system): what the targets compare
    wall_seconds: float
    peak_bytes: int
    output_bytes: int
    search_index_bytes: int
    sheet_page_bytes: int | None = None
    search_engine: str = ""  # "pagefind", "material", or "" (none found in the output)


@dataclass
class SizeResult:
    items: int
    sheets: int
    cases: int
    site: SiteFigures
    floor: SiteFigures
    check_seconds: float  # processor time, like the builds
    check_wall_seconds: float


@dataclass
class Verdict:
    label: str
    measured: str
    target: str
    passed: bool | None  # None: not measured in this run


@dataclass
class StageResult:
    items: int
    site: dict[str, float] | None  # stage -> processor seconds (benchmarks/stages.py)
    floor: dict[str, float] | None


@dataclass
class Results:
    real: SiteFigures
    sizes: list[SizeResult] = field(default_factory=list)
    stages: StageResult | None = None
    search: SearchResult | None = None
    preview: list[PreviewMeasure] = field(default_factory=list)  # benchmarks/preview.py

    def at(self, items: int) -> SizeResult | None:
        return next((s for s in self.sizes if s.items == items), None)


def number(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def thousands(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def verdicts(results: Results) -> list[Verdict]:
    found: list[Verdict] = []
    at = results.at(BUILD_VS_FLOOR_AT)
    label = f"Construction à {thousands(BUILD_VS_FLOOR_AT)} éléments, rapportée au plancher"
    if at:
        ratio = at.site.seconds / at.floor.seconds
        measured = f"{number(ratio)} ({number(at.site.seconds, 1)} s / {number(at.floor.seconds, 1)} s)"
        found.append(Verdict(label, measured,
                             f"≤ {number(BUILD_VS_FLOOR_MAX, 1)}", ratio <= BUILD_VS_FLOOR_MAX))
    else:
        found.append(Verdict(label, "non mesuré", f"≤ {number(BUILD_VS_FLOOR_MAX, 1)}", None))

    low, high = results.at(GROWTH_FROM), results.at(GROWTH_TO)
    label = f"Croissance de la construction de {thousands(GROWTH_FROM)} à {thousands(GROWTH_TO)} éléments"
    if low and high:
        ratio = high.site.seconds / low.site.seconds
        found.append(Verdict(label, number(ratio), f"≤ {number(GROWTH_MAX, 1)}", ratio <= GROWTH_MAX))
    else:
        found.append(Verdict(label, "non mesuré", f"≤ {number(GROWTH_MAX, 1)}", None))

    if results.sizes and results.real.sheet_page_bytes:
        worst = max(results.sizes, key=lambda s: s.site.sheet_page_bytes or 0)
        ratio = (worst.site.sheet_page_bytes or 0) / results.real.sheet_page_bytes
        found.append(Verdict(
            f"Poids d'une page de fiche à {thousands(worst.items)} éléments, rapporté au site réel",
            f"{number(ratio)} ({thousands(worst.site.sheet_page_bytes or 0)} o"
            f" / {thousands(results.real.sheet_page_bytes)} o)",
            f"≤ {number(SHEET_PAGE_MAX, 1)}", ratio <= SHEET_PAGE_MAX))

    at = results.at(CHECK_AT)
    label = f"`centre-ressources check` à {thousands(CHECK_AT)} éléments"
    if at:
        found.append(Verdict(label, f"{number(at.check_seconds)} s ({number(at.check_wall_seconds)} s en durée réelle)",
                             f"< {number(CHECK_MAX_SECONDS, 0)} s",
                             at.check_seconds < CHECK_MAX_SECONDS))
    else:
        found.append(Verdict(label, "non mesuré", f"< {number(CHECK_MAX_SECONDS, 0)} s", None))

    if results.sizes:
        worst = max(results.sizes, key=lambda s: s.site.peak_bytes / s.floor.peak_bytes)
        ratio = worst.site.peak_bytes / worst.floor.peak_bytes
        found.append(Verdict(
            f"Mémoire de pointe rapportée au plancher (la plus forte, à {thousands(worst.items)} éléments)",
            f"{number(ratio)} ({megabytes(worst.site.peak_bytes)} Mo / {megabytes(worst.floor.peak_bytes)} Mo)",
            f"≤ {number(MEMORY_VS_FLOOR_MAX, 1)}", ratio <= MEMORY_VS_FLOOR_MAX))
    found.extend(search_verdicts(results.search))
    return found


def search_verdicts(search: SearchResult | None) -> list[Verdict]:
    query_label = (f"Recherche à {thousands(SEARCH_AT)} éléments : octets d'une première requête, tout compris "
                   "(bibliothèque, WebAssembly, index ; la plus lourde des requêtes)")
    view_label = "Recherche : index chargé par la première vue d'une page"
    same_label = ("Recherche : le premier résultat de Material parmi les trois premiers de Pagefind "
                  f"({len(QUERIES)} requêtes)")
    target = f"≤ {kilobytes(SEARCH_QUERY_MAX_BYTES)} Ko"
    if search is None:
        return [Verdict(query_label, "non mesuré", target, None), Verdict(view_label, "non mesuré", "0 o", None),
                Verdict(same_label, "non mesuré", "toutes", None)]
    heaviest = search.heaviest_query()
    measured = f"{kilobytes(heaviest.search_bytes)} Ko (« {heaviest.query} »)"
    if search.items != SEARCH_AT:
        measured += f", à {thousands(search.items)} éléments"
    agreeing = [q for q in QUERIES if search.agreement(q)[0]]
    return [
        Verdict(query_label, measured, target,
                heaviest.search_bytes <= SEARCH_QUERY_MAX_BYTES if search.items == SEARCH_AT else None),
        Verdict(view_label, f"{thousands(search.pagefind.first_view_search_bytes)} o (Material : "
                f"{megabytes(search.material.first_view_search_bytes)} Mo)", "0 o",
                search.pagefind.first_view_search_bytes == 0),
        Verdict(same_label, f"{len(agreeing)} sur {len(QUERIES)}", "toutes", len(agreeing) == len(QUERIES)),
    ]


def search_table(search: SearchResult) -> str:
    """Bytes a visitor's browser loads for the search, both engines, in the same run."""
    rows = [f"Recherche à {thousands(search.items)} éléments ({thousands(search.indexed_pages)} pages dans "
            "l'index de Pagefind), octets transférés depuis un serveur local sans compression, cache vide :", "",
            "| Mesure | Material (Ko) | Pagefind (Ko) | Pagefind (s) | Mêmes premiers résultats | "
            "Premières pages : Pagefind / Material |",
            "| --- | ---: | ---: | ---: | --- | --- |",
            f"| Première vue d'une fiche, en tout | {kilobytes(search.material.first_view_bytes)} | "
            f"{kilobytes(search.pagefind.first_view_bytes)} | | | |",
            f"| dont la recherche | {kilobytes(search.material.first_view_search_bytes)} | "
            f"{kilobytes(search.pagefind.first_view_search_bytes)} | | | |"]
    for query in QUERIES:
        mine = next(q for q in search.pagefind.queries if q.query == query)
        theirs = next(q for q in search.material.queries if q.query == query)
        agree, tops = search.agreement(query)
        rows.append(f"| « {query} », première requête | {kilobytes(theirs.search_bytes)} | "
                    f"{kilobytes(mine.search_bytes)} | {number(mine.seconds, 1)} | {'oui' if agree else '**non**'} | "
                    f"{tops} |")
    return "\n".join(rows)


def megabytes(value: int) -> str:
    return number(value / 1_000_000, 0 if value >= 100_000_000 else 1)


def kilobytes(value: int) -> str:
    return number(value / 1000, 1)


def measures_table(results: Results) -> str:
    rows = [
        "| Éléments | Fiches + études de cas | Construction (s) | Plancher (s) | Rapport | "
        "Durée réelle (s) | Mémoire de pointe (Mo) | Plancher (Mo) | Rapport | Sortie (Mo) | Plancher (Mo) | "
        "Index de recherche (Mo) | Plancher (Mo) | Page de fiche (Ko) | `check` (s) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    real = results.real
    rows.append(f"| site réel | | {number(real.seconds, 1)} | | | {number(real.wall_seconds, 1)} | "
                f"{megabytes(real.peak_bytes)} | | | "
                f"{megabytes(real.output_bytes)} | | {megabytes(real.search_index_bytes)} | | "
                f"{kilobytes(real.sheet_page_bytes or 0)} | |")
    for size in results.sizes:
        site, floor = size.site, size.floor
        rows.append(
            f"| {thousands(size.items)} | {thousands(size.sheets)} + {thousands(size.cases)} | "
            f"{number(site.seconds, 1)} | {number(floor.seconds, 1)} | {number(site.seconds / floor.seconds)} | "
            f"{number(site.wall_seconds, 1)} / {number(floor.wall_seconds, 1)} | "
            f"{megabytes(site.peak_bytes)} | {megabytes(floor.peak_bytes)} | "
            f"{number(site.peak_bytes / floor.peak_bytes)} | "
            f"{megabytes(site.output_bytes)} | {megabytes(floor.output_bytes)} | "
            f"{megabytes(site.search_index_bytes)} | {megabytes(floor.search_index_bytes)} | "
            f"{kilobytes(site.sheet_page_bytes or 0)} | "
            f"{number(size.check_seconds)} |")
    return "\n".join(rows)


def verdicts_table(found: list[Verdict]) -> str:
    rows = ["| Objectif | Mesure | Cible | Résultat |", "| --- | --- | --- | --- |"]
    for verdict in found:
        result = {True: "atteint", False: "**manqué**", None: "non mesuré"}[verdict.passed]
        rows.append(f"| {verdict.label} | {verdict.measured} | {verdict.target} | {result} |")
    return "\n".join(rows)


STAGE_LABELS = {
    "contenus": "Contenus : lecture, vérification, rendu des pages en Markdown, données ouvertes (cœur)",
    "markdown": "Markdown vers HTML (Python-Markdown et ses extensions)",
    "recherche": "Index de recherche : Pagefind, un processus à part (site et plancher), ou Material",
    "gabarits": "Gabarits du thème : en-tête, navigation, table des matières, écriture",
    "crochets": "Crochets du projet sur chaque page : images et liens du glossaire, assainissement, corrections",
    "reste": "Reste : démarrage, extensions, fichiers copiés, politique de sécurité, plan du site",
    "total": "Total",
}


def stages_table(stages: StageResult) -> str:
    """Where the time goes, site and floor side by side (builds with timers, a little slower)."""
    if not stages.site or not stages.floor:
        return f"Le détail par étape à {thousands(stages.items)} éléments n'a pas pu être mesuré."
    rows = [f"Temps processeur par étape à {thousands(stages.items)} éléments (constructions chronométrées "
            "étape par étape, un peu plus lentes que celles du tableau des mesures) :", "",
            "| Étape | Site (s) | Plancher (s) | Écart (s) |", "| --- | ---: | ---: | ---: |"]
    for key, label in STAGE_LABELS.items():
        site, floor = stages.site.get(key, 0.0), stages.floor.get(key, 0.0)
        rows.append(f"| {label} | {number(site, 1)} | {number(floor, 1)} | {number(site - floor, 1)} |")
    return "\n".join(rows)
