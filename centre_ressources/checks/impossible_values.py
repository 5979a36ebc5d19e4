"""Values each valid on its own that cannot be true together, refused at their line.

The schema checks each value (a duration is a whole number of minutes, at least 1); these
rules compare values: a group cannot need more people at least than at most, and a workshop's
steps cannot take longer than the workshop (the rule is stated in the schema's description
of `duree` and in CONTRIBUTING), nor a step's shortest length be longer than the step.
"""

from __future__ import annotations

from typing import Any

from centre_ressources.content.frontmatter import SourceDocument
from centre_ressources.errors import ContentError


def impossible_sheet_values(doc: SourceDocument) -> list[ContentError]:
    """For a sheet whose front matter already passed its schema."""
    data: dict[str, Any] = doc.data
    errors = []
    people = data["participants"]
    if people["min"] > people["max"]:
        line, column = doc.location(("participants", "max"))
        errors.append(ContentError(doc.path, line, column, "participants.max", (
            f"le maximum ({people['max']}) est plus petit que le minimum ({people['min']}) : "
            "inversez-les, ou corrigez l'un des deux.")))
    steps = sum(step["duree"] for step in data["deroule"])
    if steps > data["duree"]:
        line, column = doc.location(("duree",))
        errors.append(ContentError(doc.path, line, column, "duree", (
            f"les étapes du déroulé durent {steps} minutes en tout, plus que la durée de l'atelier "
            f"({data['duree']} minutes) : allongez « duree » ou raccourcissez des étapes.")))
    for index, step in enumerate(data["deroule"]):
        shortest = step.get("duree_minimale")
        if shortest is not None and shortest > step["duree"]:
            line, column = doc.location(("deroule", index, "duree_minimale"))
            errors.append(ContentError(doc.path, line, column, f"deroule[{index + 1}].duree_minimale", (
                f"la durée minimale ({shortest} minutes) est plus longue que l'étape ({step['duree']} minutes) : "
                "elle dit jusqu'où l'étape peut être raccourcie, au plus sa « duree ».")))
    return errors
