"""Find the content files of a project, read each one (content/reading.py), and build the records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from centre_ressources.content.frontmatter import SourceDocument
from centre_ressources.content.glossary import load_glossary
from centre_ressources.content.reading import IMAGE_SUFFIXES as IMAGE_SUFFIXES  # watched by the preview
from centre_ressources.content.reading import (
    FileReader,
    FileRules,
    MakeRecord,
    pictures_beside,
    read_file,
    slug_of,
)
from centre_ressources.content.records import (
    DEFAULT_START,
    Actor,
    ChronologyEntry,
    EtudeDeCas,
    Fiche,
    Origin,
    Parcours,
    Participants,
    PathStep,
    Phase,
    PolicyLink,
    Results,
    SourceRef,
    Step,
    Structure,
    Terme,
    WorkshopStep,
    clock_minutes,
)
from centre_ressources.content.texts import FileTexts
from centre_ressources.errors import ContentError

PHASES_DIR = "phases"
METHODS_DIR = "methods"
CASES_DIR = "case_studies"
PATHS_DIR = "paths"  # optional: learning communities add paths by pull request


@dataclass(frozen=True)
class Content:
    phases: tuple[Phase, ...]
    fiches: tuple[Fiche, ...]
    cases: tuple[EtudeDeCas, ...]
    paths: tuple[Parcours, ...] = ()
    glossary: tuple[Terme, ...] = ()  # optional file glossary.yml


@dataclass(frozen=True)
class Loaded:
    """What reading found: the records that passed, every error, and the records that exist but
    did not pass (by kind, then slug), so that later checks neither report a reference to them
    as unknown nor stop at the first file in error."""

    content: Content
    errors: tuple[ContentError, ...]
    absent: dict[str, frozenset[str]]
    texts: dict[str, FileTexts]  # by file, for the checks that come after rendering (links)


def read_content(root: Path, rules: FileRules, cache: FileReader | None = None) -> Loaded:
    """Read every content file under `root`, each judged by `rules`, keeping the records that
    pass and every error.

    `cache` (the preview) gives back what an unchanged file gave the last time it was read."""
    errors: list[ContentError] = []
    absent: dict[str, set[str]] = {kind: set() for kind in ("phase", "fiche", "etude-de-cas", "parcours")}
    texts: dict[str, FileTexts] = {}
    read = cache.read if cache is not None else read_file

    def load(path: Path, schema: str, make: MakeRecord) -> Any:
        found = read(root, path, schema, make, rules)
        errors.extend(found.errors)
        record = found.record
        if found.texts is not None:
            texts[found.texts.origin.path] = found.texts
        if record is None:
            absent[schema].add(slug_of(path, schema))
        return record

    phases = [load(path, "phase", _make_phase) for path in sorted((root / PHASES_DIR).glob("*.md"))]
    fiches = [load(path, "fiche", _make_fiche) for path in sorted((root / METHODS_DIR).glob("*.md"))]
    cases = []
    cases_dir = root / CASES_DIR
    if cases_dir.is_dir():
        for folder in sorted(p for p in cases_dir.iterdir() if p.is_dir()):
            index = folder / "index.md"
            if not index.is_file():
                errors.append(ContentError(_display(root, folder), 1, 1, "",
                                           "ce dossier d'étude de cas n'a pas de fichier index.md."))
                continue
            cases.append(load(index, "etude-de-cas", _make_case))
    paths = [load(path, "parcours", _make_path) for path in sorted((root / PATHS_DIR).glob("*.md"))]
    glossary = load_glossary(root, errors, rules)
    if not phases:
        errors.append(ContentError(PHASES_DIR, 1, 1, "", "aucune phase trouvée : le dossier phases/ doit contenir "
                                                         "les fichiers des phases."))
    content = Content(
        phases=tuple(sorted((p for p in phases if p), key=lambda p: p.numero)),
        fiches=tuple(f for f in fiches if f),
        cases=tuple(c for c in cases if c),
        paths=tuple(p for p in paths if p),
        glossary=glossary,
    )
    return Loaded(content, tuple(errors), {kind: frozenset(slugs) for kind, slugs in absent.items()}, texts)


def _display(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _make_phase(slug: str, doc: SourceDocument, path: Path, origin: Origin) -> Phase:
    d = doc.data
    return Phase(
        slug=slug,
        numero=d["numero"],
        titre=d["titre"],
        titre_court=d.get("titre_court", d["titre"]),
        resume=d["resume"],
        etapes=tuple(Step(s["slug"], s["titre"], s["resume"]) for s in d["etapes"]),
        livrables=tuple(d["livrables"]),
        body=doc.body,
        origin=origin,
    )


def _make_fiche(slug: str, doc: SourceDocument, path: Path, origin: Origin) -> Fiche:
    d = doc.data
    p = d["participants"]
    return Fiche(
        slug=slug,
        titre=d["titre"],
        phase=d["phase"],
        etape=d["etape"],
        ordre=d.get("ordre", 0),
        en_bref=d["en_bref"],
        objectifs=tuple(d["objectifs"]),
        duree=d["duree"],
        participants=Participants(p["min"], p["max"], tuple(p["roles"])),
        materiel=tuple(d["materiel"]),
        a_distance=d["a_distance"],
        deroule=_workshop_steps(d["deroule"], clock_minutes(d.get("debut", DEFAULT_START))),
        livrables=tuple(d["livrables"]),
        fiches_liees=tuple(d.get("fiches_liees", ())),
        mots_cles=tuple(d.get("mots_cles", ())),
        mise_a_jour=d["mise_a_jour"],
        alias=tuple(d.get("alias", ())),
        body=doc.body,
        origin=origin,
        salle=d["salle"],
        debut=d.get("debut", DEFAULT_START),
    )


def _workshop_steps(steps: list[dict[str, Any]], start: int) -> tuple[WorkshopStep, ...]:
    """The steps in order, each with its clock time from the workshop's start (breaks included)."""
    made = []
    for number, s in enumerate(steps, 1):
        made.append(WorkshopStep(number, s["titre"], s["duree"], s["consignes"], s["invitation"],
                                 s.get("groupes", ""), tuple(s.get("materiel", ())), s.get("pause", False),
                                 start, start + s["duree"], s.get("duree_minimale"), s.get("facultative", False)))
        start += s["duree"]
    return tuple(made)


def _make_case(slug: str, doc: SourceDocument, path: Path, origin: Origin) -> EtudeDeCas:
    d = doc.data
    territory = d["territoire"]
    structure = d["structure_porteuse"]
    results = d.get("resultats") or {}
    return EtudeDeCas(
        slug=slug,
        titre=d["titre"],
        resume=d["resume"],
        commune=territory["commune"],
        type_territoire=territory["type"],
        description_territoire=territory.get("description"),
        structure=Structure(structure["nom"], structure.get("sigle"), structure["statut"]),
        theme=d["theme"],
        question_strategique=d["question_strategique"],
        objectifs_transformation=tuple(d.get("objectifs_transformation", ())),
        categories_action=tuple(d.get("categories_action", ())),
        acteurs=tuple(Actor(a["nom"], a["role"], tuple(a.get("categories", ()))) for a in d.get("acteurs", ())),
        politiques_publiques=tuple(PolicyLink(p["nom"], p["lien"]) for p in d.get("politiques_publiques", ())),
        chronologie=tuple(
            ChronologyEntry(e["phase"], e.get("periode"), e["texte"], tuple(e.get("fiches", ())), e.get("titre"))
            for e in d["chronologie"]
        ),
        resultats=Results(**results),
        fonction_de_soutien=d.get("fonction_de_soutien"),
        enseignements=tuple(d.get("enseignements", ())),
        sources=tuple(SourceRef(s["titre"], s["editeur"], s.get("annee"), s.get("url")) for s in d["sources"]),
        mise_a_jour=d["mise_a_jour"],
        alias=tuple(d.get("alias", ())),
        body=doc.body,
        images=tuple(p.name for p in pictures_beside(path)),
        origin=origin,
    )


def _make_path(slug: str, doc: SourceDocument, path: Path, origin: Origin) -> Parcours:
    d = doc.data
    return Parcours(
        slug=slug,
        titre=d["titre"],
        objectif=d["objectif"],
        public=d["public"],
        etapes=tuple(PathStep(s["fiche"], s["pourquoi"]) for s in d["etapes"]),
        mise_a_jour=d["mise_a_jour"],
        alias=tuple(d.get("alias", ())),
        body=doc.body,
        origin=origin,
    )
