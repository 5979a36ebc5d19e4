"""A redirect page sends the visitor only to an address the build computed, and its title is
text (centre_ressources/publish/redirects.py)."""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser

import pytest

from centre_ressources.characters import clean_line
from centre_ressources.publish.redirects import redirect_pages, redirects
from support.hostile import hostile_catalogue

SITE = "https://exemple.org/"
PAGE_ELEMENTS = {"html", "head", "meta", "title", "link", "script", "body", "main", "h1", "p", "a"}
TARGET = re.compile(r"(\.\./)+[a-z0-9]+(-[a-z0-9]+)*/")


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, str] = {}
        self.open: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.open = tag

    def handle_endtag(self, tag):
        self.open = None

    def handle_data(self, data):
        if self.open:
            self.texts[self.open] = self.texts.get(self.open, "") + data


def test_every_redirect_goes_to_a_computed_path_and_names_its_page_as_text():
    catalogue = hostile_catalogue()
    pages = redirect_pages(catalogue, SITE)
    assert len(pages) == len(catalogue.sheets) + len(catalogue.cases) + len(catalogue.paths)
    titles = {clean_line(r.titre) for r in (*catalogue.sheets, *catalogue.cases, *catalogue.paths)}
    for path, html in pages.items():
        page = Page(html)
        assert {tag for tag, _ in page.tags} <= PAGE_ELEMENTS, path
        [script] = [text for tag, text in page.texts.items() if tag == "script"]
        call = re.fullmatch(r"window\.location\.replace\((\"[^\"]*\") \+ window\.location\.hash\);", script)
        target = json.loads(call[1])
        assert TARGET.fullmatch(target), target
        [link] = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
        [refresh] = [attrs["content"] for tag, attrs in page.tags if tag == "meta" and attrs.get("http-equiv")]
        assert link == target and refresh == f"0; url={target}"
        [canonical] = [attrs["href"] for tag, attrs in page.tags if tag == "link"]
        assert canonical.startswith(SITE) and canonical.endswith(target.lstrip("./"))
        assert page.texts["title"].removeprefix("Nouvelle adresse : ") in titles


@pytest.mark.parametrize("alias", ["../../etc", "javascript:alert(1)", "x/y", "Majuscule", "", "a b", "é"])
def test_an_old_name_that_is_not_a_slug_writes_no_page(alias):
    catalogue = hostile_catalogue()
    sheet = dataclasses.replace(catalogue.sheets[0], alias=(alias,))
    with pytest.raises(ValueError, match="n'est pas un nom de page"):
        redirects(dataclasses.replace(catalogue, sheets=(sheet, *catalogue.sheets[1:])))
