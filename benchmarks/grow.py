"""Grow a catalogue to N items by copying its real sheets and case studies.

Copies come in generations (slug `<slug>-copie-g`, title `<titre> (copie g)`), mostly case
studies, as the network would write them. Every reference stays valid and every sheet, real or
copied, is used by many cases, as it would be; the real files are left as they are.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .yamltext import join_front_matter, split_front_matter

METHODS_DIR = "methods"
CASES_DIR = "case_studies"


@dataclass(frozen=True)
class Growth:
    sheets: int  # sheets in the grown catalogue, real ones included
    cases: int  # case studies in the grown catalogue, real ones included

    @property
    def items(self) -> int:
        return self.sheets + self.cases


def copy_slug(slug: str, generation: int) -> str:
    return slug if generation == 0 else f"{slug}-copie-{generation}"


def split_items(items: int, real_sheets: int, real_cases: int, case_share: float) -> tuple[int, int]:
    """How many sheets and cases make `items`: a share of cases, never fewer than the real ones."""
    if items < real_sheets + real_cases:
        raise ValueError(f"{items} éléments : il en faut au moins {real_sheets + real_cases} "
                         "(les fiches et études de cas réelles).")
    cases = min(max(real_cases, round(items * case_share)), items - real_sheets)
    return items - cases, cases


DEFAULT_CASE_SHARE = 0.9


def grow_catalogue(root: Path, items: int, case_share: float = DEFAULT_CASE_SHARE) -> Growth:
    """Add copies of the sheets and cases under `root` until the catalogue holds `items` items."""
    sheet_files = sorted((root / METHODS_DIR).glob("*.md"))
    case_dirs = sorted(p for p in (root / CASES_DIR).iterdir() if (p / "index.md").is_file())
    if not sheet_files or not case_dirs:
        raise ValueError("il faut au moins une fiche et une étude de cas à copier.")
    n_sheets, n_cases = split_items(items, len(sheet_files), len(case_dirs), case_share)

    sheet_copies = n_sheets - len(sheet_files)
    # Generation g (1-based) of sheet copies exists for a slug if its copy index is in range.
    existing: set[str] = {p.stem for p in sheet_files}
    plan = []
    for index in range(sheet_copies):
        source = sheet_files[index % len(sheet_files)]
        generation = index // len(sheet_files) + 1
        plan.append((source, generation))
        existing.add(copy_slug(source.stem, generation))

    def sheet_ref(slug: str, generation: int) -> str:
        copied = copy_slug(slug, generation)
        return copied if copied in existing else slug

    for source, generation in plan:
        data, body = split_front_matter(source.read_text("utf-8"))
        data["titre"] = f"{data['titre']} (copie {generation})"
        if data.get("fiches_liees"):
            data["fiches_liees"] = [sheet_ref(s, generation) for s in data["fiches_liees"]]
        if data.get("alias"):
            data["alias"] = [copy_slug(a, generation) for a in data["alias"]]
        target = source.with_name(f"{copy_slug(source.stem, generation)}.md")
        target.write_text(join_front_matter(data, body), "utf-8")

    # Generation 0 is the real sheets; only complete generations are named by cases.
    sheet_generations = sheet_copies // len(sheet_files) + 1
    for index in range(n_cases - len(case_dirs)):
        source = case_dirs[index % len(case_dirs)]
        generation = index // len(case_dirs) + 1
        sheet_generation = generation % sheet_generations
        target = source.with_name(copy_slug(source.name, generation))
        shutil.copytree(source, target)
        data, body = split_front_matter((source / "index.md").read_text("utf-8"))
        data["titre"] = f"{data['titre']} (copie {generation})"
        for entry in data.get("chronologie") or []:
            if entry.get("fiches"):
                entry["fiches"] = [sheet_ref(s, sheet_generation) for s in entry["fiches"]]
        if data.get("alias"):
            data["alias"] = [copy_slug(a, generation) for a in data["alias"]]
        (target / "index.md").write_text(join_front_matter(data, body), "utf-8")
    return Growth(sheets=n_sheets, cases=n_cases)
