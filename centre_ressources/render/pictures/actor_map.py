"""The map of a community of action, drawn from its case study's data at build time.

Top to bottom, as the approach builds it: the strategic question, the transformation objectives,
the action categories and the actors with their roles, as semantic HTML that figures.css lays
out as a diagram. It draws only what the data says: an empty level reads "non documenté", and an
actor sits under a category only when the case study says so.
"""

from __future__ import annotations

from centre_ressources.content.records import Actor, EtudeDeCas
from centre_ressources.render.pictures.markup import Html, element, join

UNDOCUMENTED = "Non documenté dans la source."
NO_LINKS = ("Les données de cette étude de cas ne disent pas quels acteurs prennent part à quelle "
            "catégorie d'action : les acteurs sont présentés ensemble.")


def actor_map(case: EtudeDeCas) -> Html:
    """The map of one case study, as a <figure> with its caption."""
    linked = {name: [a for a in case.acteurs if name in a.categories] for name in case.categories_action}
    has_links = any(linked.values())
    others = [a for a in case.acteurs if not any(c in case.categories_action for c in a.categories)]
    caption = (f"La communauté d'action de {case.commune}, de haut en bas : sa question stratégique "
               "essentielle, ses objectifs de transformation, ses catégories d'action, puis ses acteurs "
               "et leur rôle.")
    return element(
        "figure",
        element("figcaption", caption, class_="image-legende"),
        _level("question", "Question stratégique essentielle",
               element("p", case.question_strategique, class_="carte-question-texte")),
        _level("objectifs", "Objectifs de transformation",
               _boxes(case.objectifs_transformation, "carte-objectifs")),
        _level("categories", "Catégories d'action", _categories(case.categories_action, linked)),
        _level("acteurs", "Autres acteurs et rôles" if has_links and others else "Acteurs et rôles",
               _actors_level(case, others, has_links)) if others or not case.acteurs else None,
        class_="carte",
    )


def _level(kind: str, title: str, body: Html) -> Html:
    return element("div", element("h3", title, class_="carte-niveau-titre"), body,
                   class_=f"carte-niveau carte-niveau--{kind}")


def _boxes(items: tuple[str, ...], css_class: str) -> Html:
    if not items:
        return _undocumented()
    return element("ul", *(element("li", item) for item in items), class_=css_class)


def _undocumented() -> Html:
    return element("p", UNDOCUMENTED, class_="carte-vide")


def _categories(names: tuple[str, ...], linked: dict[str, list[Actor]]) -> Html:
    if not names:
        return _undocumented()
    items = []
    for name in names:
        actors = linked[name]
        items.append(element(
            "li",
            element("p", name, class_="carte-categorie"),
            _actor_list(actors, "carte-acteurs carte-acteurs--rattaches") if actors else None,
        ))
    return element("ul", *items, class_="carte-categories")


def _actors_level(case: EtudeDeCas, actors: list[Actor], has_links: bool) -> Html:
    if not actors:
        return _undocumented()
    note = element("p", NO_LINKS, class_="carte-note") if case.categories_action and not has_links else None
    return join(note, _actor_list(actors, "carte-acteurs"))


def _actor_list(actors: list[Actor], css_class: str) -> Html:
    return element("ul", *(
        element("li", element("p", element("strong", actor.nom), class_="carte-acteur-nom"),
                element("p", actor.role, class_="carte-acteur-role"))
        for actor in actors
    ), class_=css_class)
