"""The data of the session planner (/atelier/): what it needs of each sheet, as small scripts.

The planner runs from file:// too, where a page cannot fetch JSON, so each file is a classic
script handing its data to `window.CRAtelier.recevoir(...)`. A short index names every sheet; a
sheet's own file loads only when a plan holds it, so downloads grow with the plan, not the
catalogue. Instructions go as plain text, in one JSON literal that no contributed string can
end ("</" and the line separators escaped too).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from centre_ressources import urls
from centre_ressources.catalogue import Catalogue
from centre_ressources.characters import encodable
from centre_ressources.content.records import Fiche, material_name
from centre_ressources.render.pictures.qrcode import qr_svg

RECEIVER = "window.CRAtelier.recevoir"  # defined by docs/assets/javascripts/atelier.js

_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def plain_inline(text: str) -> str:
    """One line of Markdown as the text a reader sees: links and emphasis without their marks."""
    text = _LINK.sub(r"\1", " ".join(text.split()))
    return _EMPHASIS.sub(r"\2", text)


def text_blocks(markdown: str) -> list[dict[str, Any]]:
    """Markdown prose -> [{"p": text} | {"liste": [text, ...]}], in order."""
    blocks: list[dict[str, Any]] = []
    for chunk in re.split(r"\n\s*\n", markdown.strip()):
        lines = [line for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if _LIST_ITEM.match(lines[0]):
            items: list[str] = []
            for line in lines:
                if _LIST_ITEM.match(line):
                    items.append(_LIST_ITEM.sub("", line, count=1))
                else:  # a continuation line of the item above
                    items[-1] += " " + line.strip()
            blocks.append({"liste": [plain_inline(item) for item in items]})
        else:
            blocks.append({"p": plain_inline(" ".join(lines))})
    return blocks


def planner_index(catalogue: Catalogue) -> dict[str, Any]:
    return {"index": [
        {"slug": sheet.slug, "titre": sheet.titre, "duree": sheet.duree,
         "phase": catalogue.phase(sheet.phase).titre_court}
        for sheet in catalogue.sheets
    ]}


def planner_sheet(sheet: Fiche, site_url: str | None) -> dict[str, Any]:
    address = urls.absolute(site_url, urls.sheet_page(sheet.slug)) if site_url and "://" in site_url else None
    return {"fiche": {
        "slug": sheet.slug,
        "titre": sheet.titre,
        "en_bref": " ".join(sheet.en_bref.split()),
        "duree": sheet.duree,
        "debut": sheet.debut,
        "participants": {"min": sheet.participants.min, "max": sheet.participants.max},
        # « nom : quantité » split, so that the planner merges the same material across sheets
        "materiel": [{"nom": material_name(entry), "quantite": entry.partition(" : ")[2].strip()}
                     for entry in sheet.materiel],
        "salle": " ".join(sheet.salle.split()),
        "adresse": address,
        # The same label as the sheet page's code: drawn once for both (qr_svg is cached).
        "qr": qr_svg(address, f"Code QR vers la version en ligne de cette fiche : {address}") if address else None,
        "etapes": [
            {"numero": step.numero, "titre": step.titre, "duree": step.duree, "pause": step.pause,
             # what the sheet's « Avec peu de temps » variant allows: « Ajuster à … » proposes it
             "duree_minimale": step.duree_minimale, "facultative": step.facultative,
             "invitation": " ".join(step.invitation.split()), "groupes": " ".join(step.groupes.split()),
             "materiel": list(step.materiel), "consignes": text_blocks(step.consignes)}
            for step in sheet.deroule
        ],
    }}


def script_literal(data: Any) -> str:
    """`data` as a JavaScript expression (a JSON literal) safe in any script."""
    text = encodable(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    # These occur only inside the JSON's strings, where each escape stands for the same text.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("</", "<\\/")


def _script(data: dict[str, Any]) -> str:
    return f"{RECEIVER}({script_literal(data)});\n"


def planner_files(catalogue: Catalogue, site_url: str | None) -> Iterator[tuple[str, str]]:
    yield urls.PLANNER_INDEX, _script(planner_index(catalogue))
    for sheet in catalogue.sheets:
        yield urls.planner_sheet_data(sheet.slug), _script(planner_sheet(sheet, site_url))
