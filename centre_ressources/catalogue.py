"""Resolve every reference between records and build the reverse links.

A sheet names its phase and step; a case study names, for each moment of its chronology,
the phase and the sheets it used. Here each reference is checked (a typo is an error at
file:line) and the other direction is computed: which cases used a sheet, which sheets and
which case moments a phase holds, and the order of all sheets across phases (the order of the approach).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from centre_ressources import urls
from centre_ressources.content.glossary import check_glossary
from centre_ressources.content.load import Content
from centre_ressources.content.records import ChronologyEntry, EtudeDeCas, Fiche, Parcours, Phase, Terme
from centre_ressources.errors import ContentError, ContentErrors
from centre_ressources.suggestions import did_you_mean


@dataclass(frozen=True)
class CaseMoment:
    """One entry of a case study's chronology, seen from a phase or a sheet."""

    case: EtudeDeCas
    entry: ChronologyEntry


@dataclass(frozen=True)
class PathMembership:
    """A sheet's place in a path: `position` counts from 1."""

    path: Parcours
    position: int

    @property
    def length(self) -> int:
        return len(self.path.etapes)


@dataclass(frozen=True)
class Catalogue:
    phases: tuple[Phase, ...]
    sheets: tuple[Fiche, ...]  # every sheet, in the order of the approach: by phase, step, rank
    cases: tuple[EtudeDeCas, ...]
    moments_by_sheet: dict[str, tuple[CaseMoment, ...]] = field(repr=False)
    moments_by_phase: dict[str, tuple[CaseMoment, ...]] = field(repr=False)
    _sheets: dict[str, Fiche] = field(repr=False)
    _phases: dict[str, Phase] = field(repr=False)
    paths: tuple[Parcours, ...] = ()  # sorted by title
    paths_by_sheet: dict[str, tuple[PathMembership, ...]] = field(default_factory=dict, repr=False)
    glossary: tuple[Terme, ...] = ()  # sorted as on the glossary page

    def sheet(self, slug: str) -> Fiche:
        return self._sheets[slug]

    def phase(self, slug: str) -> Phase:
        return self._phases[slug]

    def sheets_of_phase(self, phase: Phase) -> tuple[Fiche, ...]:
        return tuple(f for f in self.sheets if f.phase == phase.slug)

    def sheets_of_step(self, phase: Phase, step_slug: str) -> tuple[Fiche, ...]:
        return tuple(f for f in self.sheets if f.phase == phase.slug and f.etape == step_slug)

    @cached_property
    def _sheet_index(self) -> dict[str, int]:
        return {sheet.slug: index for index, sheet in enumerate(self.sheets)}

    def neighbours(self, sheet: Fiche) -> tuple[Fiche | None, Fiche | None]:
        index = self._sheet_index[sheet.slug]  # not sheets.index(): it compared whole records
        previous = self.sheets[index - 1] if index > 0 else None
        following = self.sheets[index + 1] if index + 1 < len(self.sheets) else None
        return previous, following

    def related(self, sheet: Fiche) -> tuple[Fiche, ...]:
        return tuple(self._sheets[slug] for slug in sheet.fiches_liees)

    def sheets_of_path(self, path: Parcours) -> tuple[Fiche, ...]:
        return tuple(self._sheets[step.fiche] for step in path.etapes)


NO_ABSENT: Mapping[str, frozenset[str]] = {}


def link(content: Content, absent: Mapping[str, frozenset[str]] = NO_ABSENT) -> Catalogue:
    """The catalogue of `content`; raise ContentErrors if a reference is wrong.

    `absent` names the records (by kind: "phase", "fiche") whose files exist but were refused
    when read: a reference to one is not reported as unknown (its file has its own error), and
    the record that makes it is left out with `Dropped`, since its page could not be drawn."""
    errors: list[ContentError] = []
    dropped: set[tuple[str, str]] = set()
    phases = {p.slug: p for p in content.phases}
    sheets = {f.slug: f for f in content.fiches}
    absent_phases = absent.get("phase", frozenset())
    absent_sheets = absent.get("fiche", frozenset())

    _check_phase_numbers(content.phases, errors)
    # A reference to an absent record is neither an error nor kept: its record is dropped.
    # absent sheets count as known (their own file has the error): values unused
    known_sheets: dict[str, Fiche | None] = {**sheets, **dict.fromkeys(absent_sheets)}
    for sheet in content.fiches:
        if sheet.phase in absent_phases or absent_sheets.intersection(sheet.fiches_liees):
            dropped.add(("fiche", sheet.slug))
        if sheet.phase not in absent_phases:
            _check_sheet_references(sheet, phases, known_sheets, errors)
    _check_aliases(content.fiches, "fiche", errors)
    _check_aliases(content.cases, "etude-de-cas", errors)
    _check_aliases(content.paths, "parcours", errors)
    for path in content.paths:
        if absent_sheets.intersection(step.fiche for step in path.etapes):
            dropped.add(("parcours", path.slug))
    by_path_sheet = _path_memberships(content.paths, known_sheets, errors)
    glossary = content.glossary
    if any(absent_sheets.intersection(term.fiches) for term in glossary):
        glossary = ()  # its page would link to a sheet that is not drawn
        dropped.add(("glossaire", ""))
    errors += check_glossary(content.glossary, known_sheets)

    by_sheet: dict[str, list[CaseMoment]] = defaultdict(list)
    by_phase: dict[str, list[CaseMoment]] = defaultdict(list)
    # Moments already listed for a sheet, as small keys (case, position in its chronology):
    # `moment in list` compared whole case records, in a time that grew with the square of the
    # number of cases, and hashing whole entries meant hashing all their text.
    seen_by_sheet: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for case in content.cases:
        if any(e.phase in absent_phases or absent_sheets.intersection(e.fiches) for e in case.chronologie):
            dropped.add(("etude-de-cas", case.slug))
        errors += _check_actor_categories(case)
        for index, entry in enumerate(case.chronologie):
            if entry.phase in absent_phases:
                continue
            if entry.phase not in phases:
                errors.append(_unknown(case.origin.path, case.origin.line("chronologie", index, "phase"),
                                       f"chronologie[{index + 1}].phase", "phase", entry.phase, phases))
                continue
            moment = CaseMoment(case, entry)
            by_phase[entry.phase].append(moment)
            for position, slug in enumerate(entry.fiches):
                if slug in absent_sheets:
                    continue
                if slug not in sheets:
                    errors.append(_unknown(case.origin.path, case.origin.line("chronologie", index, "fiches", position),
                                           f"chronologie[{index + 1}].fiches[{position + 1}]", "fiche", slug, sheets))
                elif (case.slug, index) not in seen_by_sheet[slug]:
                    seen_by_sheet[slug].add((case.slug, index))
                    by_sheet[slug].append(moment)
    if errors:
        raise ContentErrors(errors)
    if dropped:
        raise Dropped(frozenset(dropped))

    phase_rank = {p.slug: p.numero for p in content.phases}
    step_rank = {(p.slug, s.slug): i for p in content.phases for i, s in enumerate(p.etapes)}
    sheets_in_order = tuple(sorted(
        content.fiches,
        key=lambda f: (phase_rank[f.phase], step_rank[(f.phase, f.etape)], f.ordre, f.titre),
    ))
    ordered_phases = tuple(sorted(content.phases, key=lambda p: p.numero))
    cases = tuple(sorted(content.cases, key=lambda c: c.titre))
    return Catalogue(
        phases=ordered_phases,
        sheets=sheets_in_order,
        cases=cases,
        moments_by_sheet={slug: tuple(moments) for slug, moments in by_sheet.items()},
        moments_by_phase={slug: tuple(moments) for slug, moments in by_phase.items()},
        _sheets=sheets,
        _phases=phases,
        paths=tuple(sorted(content.paths, key=lambda p: p.titre)),
        paths_by_sheet=by_path_sheet,
        glossary=tuple(sorted(glossary, key=lambda t: t.slug)),
    )


class Dropped(Exception):
    """The records (kind, slug) that refer to an absent one: link again without them."""

    def __init__(self, records: frozenset[tuple[str, str]]):
        self.records = records
        super().__init__(f"{len(records)} records refer to records in error")


def _unknown(path: str, line: int, field_name: str, kind: str, value: str, known: Mapping[str, object]) -> ContentError:
    hint = did_you_mean(value, known) or (
        f" ; valeurs possibles : {', '.join(sorted(known))}." if len(known) <= 15 else ".")
    noun = {"phase": "aucune phase", "fiche": "aucune fiche", "étape": "aucune étape"}[kind]
    return ContentError(path, line, 1, field_name, f"{noun} ne s'appelle « {value} »{hint}")


def _check_actor_categories(case: EtudeDeCas) -> list[ContentError]:
    """An actor placed under an action category names one the case study lists."""
    errors = []
    known = case.categories_action
    for index, actor in enumerate(case.acteurs):
        for position, name in enumerate(actor.categories):
            if name in known:
                continue
            if known:
                choices = ", ".join(f"« {c} »" for c in known)
                hint = f"les catégories de cette étude de cas sont : {choices}."
            else:
                hint = "ajoutez-la d'abord à « categories_action »."
            errors.append(ContentError(case.origin.path, case.origin.line("acteurs", index, "categories", position), 1,
                                       f"acteurs[{index + 1}].categories[{position + 1}]",
                                       f"aucune catégorie d'action ne s'appelle « {name} » ; {hint}"))
    return errors


def _check_phase_numbers(phases: tuple[Phase, ...], errors: list[ContentError]) -> None:
    seen: dict[int, Phase] = {}
    for phase in phases:
        if phase.numero in seen:
            errors.append(ContentError(phase.origin.path, phase.origin.line("numero"), 1, "numero",
                                       f"le numéro {phase.numero} est déjà celui de {seen[phase.numero].origin.path}."))
        seen[phase.numero] = phase


def _check_sheet_references(sheet: Fiche, phases: dict[str, Phase], sheets: Mapping[str, object],
                            errors: list[ContentError]) -> None:
    origin = sheet.origin
    phase = phases.get(sheet.phase)
    if phase is None:
        errors.append(_unknown(origin.path, origin.line("phase"), "phase", "phase", sheet.phase, phases))
    elif phase.step(sheet.etape) is None:
        steps = {s.slug: s for s in phase.etapes}
        errors.append(_unknown(origin.path, origin.line("etape"), "etape", "étape", sheet.etape, steps))
    for position, slug in enumerate(sheet.fiches_liees):
        if slug not in sheets:
            errors.append(_unknown(origin.path, origin.line("fiches_liees", position),
                                   f"fiches_liees[{position + 1}]", "fiche", slug, sheets))
        elif slug == sheet.slug:
            errors.append(ContentError(origin.path, origin.line("fiches_liees", position), 1,
                                       f"fiches_liees[{position + 1}]", "une fiche ne peut pas être liée à elle-même."))


def _path_memberships(paths: tuple[Parcours, ...], sheets: Mapping[str, object],
                      errors: list[ContentError]) -> dict[str, tuple[PathMembership, ...]]:
    """Check that each path names existing sheets, each once; index the paths by sheet."""
    by_sheet: dict[str, list[PathMembership]] = defaultdict(list)
    for path in sorted(paths, key=lambda p: p.titre):
        seen: dict[str, int] = {}
        for index, step in enumerate(path.etapes):
            line = path.origin.line("etapes", index, "fiche")
            name = f"etapes[{index + 1}].fiche"
            if step.fiche not in sheets:
                errors.append(_unknown(path.origin.path, line, name, "fiche", step.fiche, sheets))
            elif step.fiche in seen:
                errors.append(ContentError(path.origin.path, line, 1, name,
                                           f"la fiche « {step.fiche} » figure déjà à l'étape {seen[step.fiche]} "
                                           "de ce parcours ; chaque fiche n'y apparaît qu'une fois."))
            else:
                seen[step.fiche] = index + 1
                by_sheet[step.fiche].append(PathMembership(path, index + 1))
    return {slug: tuple(items) for slug, items in by_sheet.items()}


def _check_aliases(records, kind: str, errors: list[ContentError]) -> None:
    """An old slug must not shadow a live page, one of the site's own pages or another record's
    old slug."""
    owners = {r.slug: r for r in records}
    for record in records:
        for position, alias in enumerate(record.alias):
            other = owners.get(alias)
            reserved = urls.reserved_alias(kind, alias)
            if reserved:
                errors.append(ContentError(record.origin.path, record.origin.line("alias", position), 1,
                                           f"alias[{position + 1}]", reserved))
            elif other is None:
                pass
            elif other is not record:
                errors.append(ContentError(record.origin.path, record.origin.line("alias", position), 1,
                                           f"alias[{position + 1}]",
                                           f"l'alias « {alias} » est déjà utilisé par {other.origin.path}."))
            elif alias == record.slug:
                errors.append(ContentError(record.origin.path, record.origin.line("alias", position), 1,
                                           f"alias[{position + 1}]", "un alias ne peut pas être le slug actuel."))
            else:
                errors.append(ContentError(record.origin.path, record.origin.line("alias", position), 1,
                                           f"alias[{position + 1}]", f"l'alias « {alias} » est déjà écrit plus haut "
                                                                     "dans cette liste ; gardez-en un seul."))
            owners.setdefault(alias, record)
