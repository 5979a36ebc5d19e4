"""The ids the site's own markup and scripts rely on are ones no contributed heading can take.

A heading of a contributed text gets an id made from its words, never with two hyphens in a
row nor a leading underscore (centre_ressources/content/contributed_markup.py): so every id a
label (`for`), an aria reference or a script looks up starts with « cr-- » (the site's) or
« __ » (Material's). Judged on every page of the built site and on every script of docs/."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from centre_ressources.content.contributed_markup import SITE_ID_PREFIX, is_heading_id
from support.project import PROJECT
from support.site_pages import html_files

REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-details",
              "aria-errormessage", "aria-activedescendant", "aria-flowto")
MATERIAL_PREFIX = "__"
SCRIPTS = sorted(path for path in (PROJECT / "docs" / "assets" / "javascripts").rglob("*.js"))


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.references: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids[value] += 1
            elif name in REFERENCES and value:
                self.references.extend((name, target) for target in value.split())


def test_the_site_s_prefix_is_no_heading_id_and_material_s_neither():
    assert not is_heading_id(SITE_ID_PREFIX + "atelier-planificateur")
    assert not is_heading_id(MATERIAL_PREFIX + "search")


def test_every_label_and_aria_reference_names_one_id_no_heading_can_take(real_site):
    wrong = []
    for path in html_files(real_site):
        parser = _Ids()
        parser.feed(path.read_text(encoding="utf-8"))
        page = path.relative_to(real_site).as_posix()
        for attribute, target in parser.references:
            if not target.startswith((SITE_ID_PREFIX, MATERIAL_PREFIX)):
                wrong.append(f"{page} : {attribute}=« {target} » (un titre d'une contribution peut prendre cet id)")
            elif parser.ids[target] != 1:
                wrong.append(f"{page} : {attribute}=« {target} » désigne {parser.ids[target]} éléments")
    assert wrong == [], "\n".join(wrong)


def test_scripts_look_up_the_site_s_elements_by_those_ids_only():
    wrong = []
    for path in SCRIPTS:
        if "vendor" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(PROJECT).as_posix()
        for target in re.findall(r"getElementById\(\s*[\"']([^\"']+)[\"']", text):
            if not target.startswith((SITE_ID_PREFIX, MATERIAL_PREFIX)):
                wrong.append(f"{name} : getElementById(« {target} »)")
        for selector in re.findall(r"document\.querySelector(?:All)?\(\s*[\"'`]([^\"'`]+)[\"'`]", text):
            # in the whole page, by an attribute or an id content could once write, or any heading
            if re.search(r"\[data-|#(?!cr--|__)[\w-]|h[1-6]\[id\]", selector):
                wrong.append(f"{name} : querySelector(« {selector} »)")
    assert wrong == [], "\n".join(wrong)
