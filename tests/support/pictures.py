"""Reading a picture as assistive technology does, and the properties of actor maps that hold for any content (site/test_pictures.py, build/test_contributions_pass.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from centre_ressources.render.pictures.actor_map import NO_LINKS, UNDOCUMENTED, actor_map


def squash(text: str) -> str:
    return " ".join(text.split())


class _Reading(HTMLParser):
    """The text of a fragment as assistive technology gets it: aria-hidden subtrees are skipped
    (and must hold no text at all), elements keep their order."""

    VOID = {"br", "img", "input", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_text: list[str] = []
        self.stack: list[bool] = []  # is this open element hidden?
        self.links: list[tuple[str, str]] = []  # (href, text)
        self._link: list[str] | None = None
        self._href = ""
        self._label: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.VOID:
            return
        hidden = (self.stack and self.stack[-1]) or attrs.get("aria-hidden") == "true"
        self.stack.append(bool(hidden))
        if tag == "a" and not hidden:
            self._link, self._href, self._label = [], attrs.get("href", ""), attrs.get("aria-label")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        self.stack.pop()
        if tag == "a" and self._link is not None:
            text = squash("".join(self._link))
            if self._label is not None:  # the name replaces the text; it must contain what is seen
                assert squash(re.sub(r"\d+", "", text)) in self._label, (text, self._label)
            self.links.append((self._href, self._label or text))
            self._link = None
        self.parts.append(" ")

    def handle_data(self, data):
        if self.stack and self.stack[-1]:
            if data.strip():
                self.hidden_text.append(data)
            return
        self.parts.append(data)
        if self._link is not None:
            self._link.append(data)

    @property
    def text(self) -> str:
        return squash("".join(self.parts))


def read(html: str) -> _Reading:
    reading = _Reading()
    reading.feed(html)
    assert reading.stack == [], "unbalanced markup"
    assert reading.hidden_text == [], f"text hidden from screen readers: {reading.hidden_text}"
    return reading


def check_maps_say_what_is_not_documented(cases):
    """For any case: each empty level says it is not documented, and no link is invented."""
    for case in cases:
        html = actor_map(case)
        text = read(html).text
        empty = [name for name, items in (("Objectifs de transformation", case.objectifs_transformation),
                                          ("Catégories d'action", case.categories_action),
                                          ("Acteurs et rôles", case.acteurs)) if not items]
        assert text.count(UNDOCUMENTED) == len(empty), case.slug
        for name in empty:
            assert f"{name} {UNDOCUMENTED}" in text, case.slug
        linked = any(actor.categories for actor in case.acteurs)
        assert ("carte-acteurs--rattaches" in html) == linked, case.slug
        # With categories but no actor under one, the map says so; without categories there is nothing to link.
        assert (NO_LINKS in text) == (bool(case.categories_action) and not linked), case.slug
