"""The phases of a community of action drawn as a cycle, with its feedback loops.

The source article says the phases work through « logiques de rétroaction »: the order is drawn
as solid arrows (the last leading back to the first), the way back as dashed ones. The phases are
an ordered list of links, which a screen reader reads; the arrows are decorative SVG hidden from
it, the caption says what they show; figures.css lays the list out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from centre_ressources import urls
from centre_ressources.content.records import Phase
from centre_ressources.render.pictures.markup import Html, element

_COUNTS = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six"}

# Arrows drawn pointing right in a 48 x 48 square; the stylesheet turns each towards the next
# phase. Top: the order of the phases (solid); bottom: the way back (dashed).
_FORWARD = (
    element("path", d="M5 17H40", fill="none", stroke="currentColor", stroke_width="3"),
    element("path", d="M33 10L43 17L33 24Z", fill="currentColor"),
)
_BACKWARD = (
    element("path", d="M43 31H9", fill="none", stroke="currentColor", stroke_width="2.5", stroke_dasharray="5 3"),
    element("path", d="M15 25L5 31L15 37Z", fill="currentColor"),
)
# The centre of the square: two arrows chasing each other around a circle.
_LOOP = (
    element("path", d="M38 19A15 15 0 0 0 11 17", fill="none", stroke="currentColor", stroke_width="3"),
    element("path", d="M6 12L11 22L17 13Z", fill="currentColor"),
    element("path", d="M10 29A15 15 0 0 0 37 31", fill="none", stroke="currentColor", stroke_width="3"),
    element("path", d="M42 36L37 26L31 35Z", fill="currentColor"),
)


def _svg(css_class: str, *shapes: Html) -> Html:
    return element("svg", *shapes, class_=css_class, viewBox="0 0 48 48", aria_hidden="true", focusable="false")


def phase_cycle(phases: Sequence[Phase], page_uri: str, details: Mapping[str, Sequence[str]] | None = None) -> Html:
    """The cycle of `phases` (in order), linked from `page_uri`; `details` gives, per phase slug,
    a few short lines to print in its box (a summary, a count of sheets)."""
    details = details or {}
    items = []
    for index, phase in enumerate(phases):
        last = index == len(phases) - 1
        # The number is drawn in a circle; the link is named "1. Impulsion" like every link to a
        # phase (a hidden dot beside the circle would be read "1 . Impulsion").
        link = element("a", element("span", str(phase.numero), class_="cycle-numero"), " ",
                       element("span", phase.titre, class_="cycle-nom"),
                       href=urls.public_href(page_uri, urls.phase_page(phase.slug)),
                       aria_label=f"{phase.numero}. {phase.titre}")
        lines = [element("p", line, class_="cycle-detail") for line in details.get(phase.slug, ())]
        arrow = _svg("cycle-fleche", *_FORWARD) if last else _svg("cycle-fleche", *_FORWARD, *_BACKWARD)
        items.append(element("li", element("p", link, class_="cycle-titre"), *lines, arrow, class_="cycle-phase"))
    count = _COUNTS.get(len(phases), str(len(phases)))
    caption = (f"Les {count} phases forment un cycle. Les flèches pleines suivent l'ordre des phases, "
               "et ce qui a été capitalisé peut nourrir une nouvelle impulsion. Les flèches en pointillés "
               "rappellent qu'une communauté d'action revient sur la phase précédente quand il le faut : "
               "La Fonda parle de « logiques de rétroaction ».")
    return element(
        "figure",
        element("div", element("ol", *items, class_="cycle-phases"), _svg("cycle-centre", *_LOOP),
                class_="cycle-schema"),
        element("figcaption", caption, class_="image-legende"),
        class_="cycle",
    )
