"""What a sheet needs for someone who has never facilitated to run its workshop, refused at its line.

The schema asks each step for its invitation and its groups; these rules look across the
sheet: a workshop over 90 minutes has a break among its steps (counted in its duration,
like any step), and every material a step names is one of the sheet's `materiel` entries,
named as the entry reads before « : » (after it comes the quantity).
"""

from __future__ import annotations

from typing import Any

from centre_ressources.content.frontmatter import SourceDocument
from centre_ressources.content.records import material_name
from centre_ressources.errors import ContentError
from centre_ressources.suggestions import did_you_mean

LONGEST_WITHOUT_BREAK = 90  # minutes


def workshop_rules(doc: SourceDocument) -> list[ContentError]:
    """For a sheet whose front matter already passed its schema."""
    data: dict[str, Any] = doc.data
    errors = []
    steps = data["deroule"]
    if data["duree"] > LONGEST_WITHOUT_BREAK and not any(step.get("pause") for step in steps):
        line, column = doc.location(("deroule",))
        errors.append(ContentError(doc.path, line, column, "deroule", (
            f"l'atelier dure {data['duree']} minutes et son déroulé n'a pas de pause : au-delà de "
            f"{LONGEST_WITHOUT_BREAK} minutes, ajoutez une étape de pause (avec « pause: true » et sa durée, "
            "comptée dans celle de l'atelier).")))
    names = [material_name(entry) for entry in data["materiel"]]
    known = {name.casefold() for name in names}
    for index, step in enumerate(steps):
        for position, used in enumerate(step.get("materiel", ())):
            if used.strip().casefold() in known:
                continue
            where = ("deroule", index, "materiel", position)
            line, column = doc.location(where)
            hint = did_you_mean(used, names) or " ; ajoutez-le à la liste « materiel » de la fiche, avec sa quantité."
            errors.append(ContentError(doc.path, line, column, f"deroule[{index + 1}].materiel[{position + 1}]",
                                       f"« {used} » n'est pas dans le matériel de la fiche{hint}"))
    return errors
