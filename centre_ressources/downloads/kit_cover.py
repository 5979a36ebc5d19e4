"""The cover of a phase kit: what the kit is, and its table of contents with the page where
each sheet starts. A small HTML document printed by Chromium like the sheets, with its style
inline and nothing to load (no request, even to the site's own files)."""

from __future__ import annotations

import html
from dataclasses import dataclass

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")


def french_date(iso: str) -> str:
    """A date of the content (AAAA-MM-JJ) as a French reader writes it: « 1er mars 2027 »."""
    year, month, day = (int(part) for part in str(iso).split("-"))
    return f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"


@dataclass(frozen=True)
class CoverEntry:
    title: str
    facts: str  # e.g. « 2 h 30 · 6 à 20 personnes »
    page: int


STYLE = """
@page { size: A4; margin: 24mm 20mm; }
html { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: #111; }
body { margin: 0; font-size: 10.5pt; line-height: 1.45; }
.centre { font-size: 10pt; color: #444; margin: 0 0 30mm; letter-spacing: 0.02em; }
h1 { font-size: 26pt; font-weight: normal; line-height: 1.15; margin: 0 0 3mm; }
.sous-titre { font-size: 13pt; margin: 0 0 18mm; color: #333; }
h2 { font-size: 13pt; font-weight: bold; margin: 0 0 4mm; }
ol { list-style: none; margin: 0 0 12mm; padding: 0; }
li { display: flex; align-items: baseline; gap: 2mm; padding: 2mm 0; border-bottom: 0.5pt solid #bbb;
     break-inside: avoid; }
.titre { flex: 1; }
.titre small { display: block; color: #444; font-size: 9pt; }
.page { white-space: nowrap; font-variant-numeric: tabular-nums; }
.note, .maj, .adresse { font-size: 9pt; color: #333; margin: 0 0 2mm; }
"""


def cover_html(kit_title: str, phase_title: str, entries: list[CoverEntry], updated: str | None,
               site_name: str | None, phase_address: str | None) -> str:
    """The cover as a complete HTML document (French). `updated`: the latest update of the
    kit's sheets (AAAA-MM-JJ); `phase_address`: the phase's page online, when known."""
    e = html.escape
    items = "\n".join(
        f'<li><span class="titre">{e(entry.title)}<small>{e(entry.facts)}</small></span>'
        f'<span class="page">page {entry.page}</span></li>' for entry in entries)
    count = len(entries)
    parts = [
        f'<p class="centre">{e(site_name)}</p>' if site_name else "",
        f"<h1>{e(phase_title)}</h1>",
        f'<p class="sous-titre">Kit des fiches méthodes : {count} fiche{"s" if count > 1 else ""}, '
        "dans l'ordre du parcours</p>",
        "<h2>Sommaire</h2>",
        f"<ol>\n{items}\n</ol>",
        '<p class="note">Chaque fiche commence sur une page de droite : imprimé en recto verso, '
        "le kit se sépare en fiches. Les pages blanches sont laissées exprès.</p>",
        f'<p class="maj">Fiches mises à jour au plus tard le {e(french_date(updated))}.</p>' if updated else "",
        f'<p class="adresse">Version en ligne de cette phase : {e(phase_address)}</p>' if phase_address else "",
    ]
    body = "\n".join(part for part in parts if part)
    return (f'<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n<title>{e(kit_title)}</title>\n'
            f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
