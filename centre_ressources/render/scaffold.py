"""The scaffold of a new sheet or case study: every field with a French comment saying what to
write, and « À compléter » where the contributor's own text goes (checks/placeholders.py
refuses it until replaced). Filled from the project's phases, so that every comment lists
the values valid here. Written by `centre-ressources new`; offered on /contribuer/.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

from centre_ressources.content.records import Phase
from centre_ressources.render.pages import template_environment

KINDS = {"fiche": "scaffold/fiche.md.j2", "etude-de-cas": "scaffold/etude-de-cas.md.j2"}


def today() -> str:
    # SOURCE_DATE_EPOCH keeps scaffolds reproducible in tests and builds.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.date().isoformat()


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
