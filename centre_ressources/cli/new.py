"""`centre-ressources new`: scaffold a sheet or a case study, like Hugo's archetypes.

The scaffold is filled from the project's own phases, so that it passes `check` as written
and every comment lists the values that are valid here.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from centre_ressources.content.load import CASES_DIR, METHODS_DIR, PHASES_DIR, read_content
from centre_ressources.content.records import Phase
from centre_ressources.render.pages import template_environment
from centre_ressources.content.slugs import is_slug

KINDS = {"fiche": "scaffold/fiche.md.j2", "etude-de-cas": "scaffold/etude-de-cas.md.j2"}


class ScaffoldError(Exception):
    pass


def target_path(root: Path, kind: str, slug: str) -> Path:
    if kind == "fiche":
        return root / METHODS_DIR / f"{slug}.md"
    return root / CASES_DIR / slug / "index.md"


def today() -> str:
    # SOURCE_DATE_EPOCH keeps scaffolds reproducible in tests and builds.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return moment.date().isoformat()


def scaffold(root: Path, kind: str, slug: str) -> Path:
    if not is_slug(slug):
        raise ScaffoldError(f"« {slug} » ne convient pas comme nom : utilisez des minuscules sans accents, "
                            "des chiffres et des tirets, par exemple « maison-des-associations-de-brest ».")
    path = target_path(root, kind, slug)
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root).as_posix()} existe déjà : choisissez un autre nom.")
    phases = read_content(root).content.phases if (root / PHASES_DIR).is_dir() else ()
    if not phases:
        raise ScaffoldError("aucune phase trouvée dans phases/ : lancez la commande depuis le dossier du projet.")
    text = scaffold_text(phases, kind, slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# The slug of the template offered on /contribuer/ (GitHub's editor then asks for the real one).
TEMPLATE_SLUG = "mon-territoire"


def scaffold_text(phases: Sequence[Phase], kind: str, slug: str) -> str:
    """What `new` writes for `kind`, filled from `phases` (at least one)."""
    ordered = sorted(phases, key=lambda p: p.numero)
    phase = ordered[0]
    return template_environment().get_template(KINDS[kind]).render(
        slug=slug,
        title=slug.replace("-", " ").capitalize(),
        phase=phase,
        phase_slugs=", ".join(p.slug for p in ordered),
        step_slugs=", ".join(s.slug for s in phase.etapes),
        today=today(),
    )
