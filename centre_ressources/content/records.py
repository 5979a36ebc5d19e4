"""Typed, immutable records of the content, once it has been validated."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from centre_ressources.content.frontmatter import Locations


@dataclass(frozen=True)
class Origin:
    """Where a record comes from, so that a later check can still name file and line."""

    path: str
    locations: Locations = field(default_factory=Locations, compare=False, hash=False, repr=False)
    body_line: int = 1
    # The front matter as read, kept so that later checks (links, unsafe markup) can walk
    # every contributed text with its line.
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def line(self, *field_path: Any) -> int:
        return self.locations.closest(field_path)[0]

    def column(self, *field_path: Any) -> int:
        return self.locations.closest(field_path)[1]


@dataclass(frozen=True)
class Step:
    slug: str
    titre: str
    resume: str


@dataclass(frozen=True)
class Phase:
    slug: str
    numero: int
    titre: str
    titre_court: str
    resume: str
    etapes: tuple[Step, ...]
    livrables: tuple[str, ...]
    body: str
    origin: Origin

    def step(self, slug: str) -> Step | None:
        return next((step for step in self.etapes if step.slug == slug), None)


@dataclass(frozen=True)
class Participants:
    min: int
    max: int
    roles: tuple[str, ...]


DEFAULT_START = "18:00"  # evening workshops in a maison des associations, when a sheet names no start
MATERIAL_QUANTITY = " : "  # a sheet's material is « nom : quantité » (the quantity is optional)


def material_name(entry: str) -> str:
    """The name a step uses for one of its sheet's materials: the entry before « : »."""
    return entry.split(MATERIAL_QUANTITY, 1)[0].strip()


def clock_minutes(text: str) -> int:
    """"18:30" -> minutes since midnight."""
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


@dataclass(frozen=True)
class WorkshopStep:
    numero: int
    titre: str
    duree: int
    consignes: str
    invitation: str = ""  # what the facilitator says to open the step
    groupes: str = ""  # how participation is distributed (empty for a break)
    materiel: tuple[str, ...] = ()  # names of the sheet's materials this step uses
    pause: bool = False
    debut: int = 0  # clock time at which the step starts, in minutes since midnight
    fin: int = 0
    # With little time (the sheet's « Avec peu de temps » variant): the step's shortest
    # length, None when it says none; whether it can be left out.
    duree_minimale: int | None = None
    facultative: bool = False

    @property
    def anchor(self) -> str:
        return f"etape-{self.numero}"


@dataclass(frozen=True)
class Fiche:
    slug: str
    titre: str
    phase: str
    etape: str
    ordre: int
    en_bref: str
    objectifs: tuple[str, ...]
    duree: int
    participants: Participants
    materiel: tuple[str, ...]
    a_distance: bool
    deroule: tuple[WorkshopStep, ...]
    livrables: tuple[str, ...]
    fiches_liees: tuple[str, ...]
    mots_cles: tuple[str, ...]
    mise_a_jour: str
    alias: tuple[str, ...]
    body: str
    origin: Origin
    salle: str = ""  # how the room is set up
    debut: str = DEFAULT_START  # the start time the agenda's clock times assume, "HH:MM"


@dataclass(frozen=True)
class Actor:
    nom: str
    role: str
    # The action categories (names from `categories_action`) this actor takes part in, when the
    # case study says so; empty when it does not (the map then draws no link).
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class PolicyLink:
    nom: str
    lien: str


@dataclass(frozen=True)
class ChronologyEntry:
    phase: str
    periode: str | None
    texte: str
    fiches: tuple[str, ...]
    titre: str | None = None  # a few words naming the moment on the timeline; optional


@dataclass(frozen=True)
class Results:
    charte: str | None = None
    evaluation: str | None = None
    feuille_de_route: str | None = None
    transfert_soutien: str | None = None


@dataclass(frozen=True)
class SourceRef:
    titre: str
    editeur: str
    annee: int | None
    url: str | None


@dataclass(frozen=True)
class Structure:
    nom: str
    sigle: str | None
    statut: str


@dataclass(frozen=True)
class EtudeDeCas:
    slug: str
    titre: str
    resume: str
    commune: str
    type_territoire: str
    description_territoire: str | None
    structure: Structure
    theme: str
    question_strategique: str
    objectifs_transformation: tuple[str, ...]
    categories_action: tuple[str, ...]
    acteurs: tuple[Actor, ...]
    politiques_publiques: tuple[PolicyLink, ...]
    chronologie: tuple[ChronologyEntry, ...]
    resultats: Results
    fonction_de_soutien: str | None
    enseignements: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    mise_a_jour: str
    alias: tuple[str, ...]
    body: str
    images: tuple[str, ...]
    origin: Origin


@dataclass(frozen=True)
class PathStep:
    fiche: str  # slug of the sheet
    pourquoi: str


@dataclass(frozen=True)
class Parcours:
    """A path: an ordered series of sheets with a purpose, proposed by a learning community."""

    slug: str
    titre: str
    objectif: str
    public: str
    etapes: tuple[PathStep, ...]
    mise_a_jour: str
    alias: tuple[str, ...]
    body: str
    origin: Origin


@dataclass(frozen=True)
class Terme:
    """One entry of the glossary (glossary.yml)."""

    slug: str  # the anchor of the entry on the glossary page: #<slug>
    terme: str
    sigle: str | None  # an acronym, matched with its exact case (« PAT »)
    formes: tuple[str, ...]  # other forms linked to the entry: plurals, variants
    definition: str
    voir_aussi: tuple[str, ...]  # slugs of other terms
    fiches: tuple[str, ...]  # slugs of sheets
    position: int  # index in the file's `termes` list, to name its lines
    origin: Origin

    @property
    def label(self) -> str:
        return f"{self.terme} ({self.sigle})" if self.sigle else self.terme

    @property
    def match_forms(self) -> tuple[str, ...]:
        return (self.terme, *self.formes)
