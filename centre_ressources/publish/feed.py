"""An Atom feed (RFC 4287) of the sheets and case studies, newest first.

Every date comes from the content (`mise_a_jour`), never from the clock, so two builds of
the same sources give the same file. Entry ids are the permanent addresses of the pages.
Written by ElementTree, which escapes; every text and attribute first loses the characters
XML cannot hold (characters.py), so the feed parses whatever a title contains.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from centre_ressources import urls
from centre_ressources.catalogue import Catalogue
from centre_ressources.characters import clean_line, clean_text
from centre_ressources.publish.open_data import LICENCE

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    updated: str  # AAAA-MM-JJ
    summary: str
    category: str  # "fiche" or "etude-de-cas"
    category_label: str
    keywords: tuple[str, ...] = ()


def entries(catalogue: Catalogue, site_url: str) -> list[Entry]:
    found = [Entry(clean_line(s.titre), urls.absolute(site_url, urls.sheet_page(s.slug)), s.mise_a_jour,
                   clean_line(s.en_bref), "fiche", "Fiche méthode", tuple(clean_line(k) for k in s.mots_cles))
             for s in catalogue.sheets]
    found += [Entry(clean_line(c.titre), urls.absolute(site_url, urls.case_page(c.slug)), c.mise_a_jour,
                    clean_line(c.resume), "etude-de-cas", "Étude de cas")
              for c in catalogue.cases]
    # Newest first; on the same date, in order of address (sorts are stable).
    found.sort(key=lambda e: e.url)
    found.sort(key=lambda e: e.updated, reverse=True)
    return found


def _timestamp(date: str) -> str:
    return f"{date}T00:00:00Z"


def atom_feed(catalogue: Catalogue, site_url: str, site_name: str, description: str = "") -> str:
    items = entries(catalogue, site_url)
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}",
                                {name: clean_text(value) for name, value in attributes.items()})
        if text is not None:
            element.text = clean_text(text)
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "fr"})
    sub(feed, "id", urls.absolute(site_url, urls.FEED))
    sub(feed, "title", clean_line(site_name))
    if description:
        sub(feed, "subtitle", clean_line(description))
    sub(feed, "updated", _timestamp(max((e.updated for e in items), default="1970-01-01")))
    author = sub(feed, "author")
    sub(author, "name", site_name)
    sub(author, "uri", site_url)
    sub(feed, "link", rel="self", type="application/atom+xml", href=urls.absolute(site_url, urls.FEED))
    sub(feed, "link", rel="alternate", type="text/html", href=site_url)
    sub(feed, "rights", f"Contenus sous licence {LICENCE['sigle']} ({LICENCE['url']})")
    for item in items:
        entry = sub(feed, "entry")
        sub(entry, "id", item.url)
        sub(entry, "title", item.title)
        sub(entry, "updated", _timestamp(item.updated))
        sub(entry, "link", rel="alternate", type="text/html", href=item.url)
        sub(entry, "summary", item.summary)
        sub(entry, "category", term=item.category, label=item.category_label)
        for keyword in item.keywords:
            sub(entry, "category", term=keyword)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
