"""`centre-ressources new`: write the scaffold of a sheet or a case study, like Hugo's archetypes
(the text itself: render/scaffold.py)."""

from __future__ import annotations

from pathlib import Path

from centre_ressources.content.load import CASES_DIR, METHODS_DIR, PHASES_DIR
from centre_ressources.content.slugs import is_slug, slug_advice
from centre_ressources.pipeline import read_checked
from centre_ressources.render.scaffold import scaffold_text


class ScaffoldError(Exception):
    pass


def target_path(root: Path, kind: str, slug: str) -> Path:
    if kind == "fiche":
        return root / METHODS_DIR / f"{slug}.md"
    return root / CASES_DIR / slug / "index.md"


def scaffold(root: Path, kind: str, slug: str) -> Path:
    if not is_slug(slug):
        raise ScaffoldError(slug_advice(slug))
    path = target_path(root, kind, slug)
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root).as_posix()} existe déjà : choisissez un autre nom.")
    phases = read_checked(root).content.phases if (root / PHASES_DIR).is_dir() else ()
    if not phases:
        raise ScaffoldError("aucune phase trouvée dans phases/ : lancez la commande depuis le dossier du projet.")
    text = scaffold_text(phases, kind, slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
