"""Case studies side by side, phase by phase: the data of the comparison page.

Every case takes part, up to COMPARED_CASES_LIMIT, so a new case appears with no change here
and the page's cards and rows stay readable; beyond it (the catalogue's first cases), the page
says how many others there are and links to the catalogue, where every case is listed."""

from __future__ import annotations

from dataclasses import dataclass

from centre_ressources.content.records import ChronologyEntry, EtudeDeCas, Phase

MIN_CASES = 2  # below two case studies there is nothing to compare: no page
COMPARED_CASES_LIMIT = 6


@dataclass(frozen=True)
class CaseInPhase:
    case: EtudeDeCas
    entries: tuple[ChronologyEntry, ...]  # in the order the case study gives them


@dataclass(frozen=True)
class PhaseComparison:
    phase: Phase
    cases: tuple[CaseInPhase, ...]  # one per case study, in the catalogue's order


def compare_by_phase(phases: tuple[Phase, ...], cases: tuple[EtudeDeCas, ...]) -> tuple[PhaseComparison, ...]:
    """For each phase, in order, what each case study did during it (possibly nothing)."""
    return tuple(
        PhaseComparison(phase, tuple(
            CaseInPhase(case, tuple(e for e in case.chronologie if e.phase == phase.slug)) for case in cases
        ))
        for phase in phases
    )
