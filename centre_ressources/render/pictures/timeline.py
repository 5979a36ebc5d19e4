"""The timeline of a case study through the phases, drawn from its `chronologie` at build time.

Each phase is a station on an axis; under it, the case's moments there (period and short title,
or the whole text). A phase without any reads "non documenté"; the comparison page draws one lane
per case on the same columns. Semantic HTML (lists) laid out by figures.css, across the page or,
on a phone, down it; a screen reader reads the lists.
"""

from __future__ import annotations

from centre_ressources import urls
from centre_ressources.content.records import ChronologyEntry, EtudeDeCas, Phase
from centre_ressources.render.pictures.markup import Html, element

UNDOCUMENTED = "Non documenté dans la source."


def case_timeline(case: EtudeDeCas, phases: tuple[Phase, ...]) -> Html:
    """The timeline of one case study, as a <figure> with its caption."""
    caption = (f"Le chemin de la communauté d'action de {case.commune} à travers les {len(phases)} phases, "
               "de gauche à droite sur un écran large, de haut en bas sur un téléphone ; "
               "le détail de chaque moment suit.")
    return element("figure", element("figcaption", caption, class_="image-legende"),
                   _phases(case, phases), class_="frise")


def compared_timelines(cases: tuple[EtudeDeCas, ...], phases: tuple[Phase, ...], page_uri: str) -> Html:
    """The timelines of several case studies, one lane each, their phases aligned."""
    names = ", ".join(case.commune for case in cases[:-1]) + f" et {cases[-1].commune}" if len(cases) > 1 else \
        cases[0].commune
    caption = (f"Les chemins de {names}, une ligne par territoire, les phases alignées en colonnes "
               "sur un écran large ; sur un téléphone, les territoires se suivent.")
    lanes = [
        element("li",
                element("p", element("a", case.commune, href=urls.public_href(page_uri, urls.case_page(case.slug))),
                        class_="frise-territoire"),
                _phases(case, phases))
        for case in cases
    ]
    return element("figure", element("figcaption", caption, class_="image-legende"),
                   element("ul", *lanes, class_="frises"), class_="frise frise--comparee")


def _phases(case: EtudeDeCas, phases: tuple[Phase, ...]) -> Html:
    items = []
    for phase in phases:
        entries = [e for e in case.chronologie if e.phase == phase.slug]
        moments = (element("ul", *(_moment(e) for e in entries), class_="frise-moments") if entries
                   else element("p", UNDOCUMENTED, class_="frise-vide"))
        station = element("p", element("span", str(phase.numero), class_="frise-numero"), " ",
                          element("span", phase.titre, class_="frise-phase-titre"), class_="frise-phase")
        items.append(element("li", station, moments, class_="frise-etape"))
    return element("ol", *items, class_="frise-phases")


def _moment(entry: ChronologyEntry) -> Html:
    period = element("span", entry.periode, class_="frise-periode") if entry.periode else None
    separator = element("span", " : ", class_="visuellement-cache") if entry.periode else None
    return element("li", period, separator, element("span", entry.titre or entry.texte, class_="frise-titre"))
