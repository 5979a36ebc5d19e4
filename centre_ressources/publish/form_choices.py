"""The choices the contribution form offers: every phase, and the title of each of its sheets.

The form on /contribuer/ needs only names to pick from, not the open data of every sheet
(whose size grows with the whole text of the catalogue): this small file is all it loads.
"""

from __future__ import annotations

from typing import Any

from centre_ressources.catalogue import Catalogue


def contribution_choices(catalogue: Catalogue) -> dict[str, Any]:
    return {"phases": [
        {"slug": phase.slug, "numero": phase.numero, "titre": phase.titre,
         "fiches": [{"slug": sheet.slug, "titre": sheet.titre} for sheet in catalogue.sheets_of_phase(phase)]}
        for phase in catalogue.phases
    ]}
