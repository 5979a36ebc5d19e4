"""Structured data for search engines and other sites: JSON-LD (schema.org) for the head of
each sheet page (a HowTo with its steps and their permanent addresses) and each case study
page (an Article). The theme override writes it into the page head (docs/overrides/main.html).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from centre_ressources import urls
from centre_ressources.catalogue import Catalogue
from centre_ressources.content.records import EtudeDeCas, Fiche

CONTEXT = "https://schema.org"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"


def iso_duration(minutes: int) -> str:
    """150 -> "PT2H30M" (ISO 8601)."""
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _website(site_url: str, site_name: str) -> dict[str, str]:
    return {"@type": "WebSite", "name": site_name, "url": site_url}


def sheet_jsonld(catalogue: Catalogue, sheet: Fiche, site_url: str, site_name: str) -> dict[str, Any]:
    page = urls.sheet_page(sheet.slug)
    url = urls.absolute(site_url, page)
    phase = catalogue.phase(sheet.phase)
    return {
        "@context": CONTEXT,
        "@type": "HowTo",
        "@id": url,
        "url": url,
        "name": sheet.titre,
        "description": _one_line(sheet.en_bref),
        "inLanguage": "fr",
        "totalTime": iso_duration(sheet.duree),
        "dateModified": sheet.mise_a_jour,
        "keywords": ", ".join(sheet.mots_cles),
        "about": f"Phase {phase.numero} de la démarche : {phase.titre}",
        "license": LICENCE_URL,
        "isPartOf": _website(site_url, site_name),
        "supply": [{"@type": "HowToSupply", "name": item} for item in sheet.materiel],
        "yield": list(sheet.livrables),
        "step": [
            {"@type": "HowToStep", "position": step.numero, "name": step.titre,
             "text": _one_line(step.consignes), "url": urls.absolute(site_url, page, step.anchor),
             "timeRequired": iso_duration(step.duree)}
            for step in sheet.deroule
        ],
    }


def case_jsonld(catalogue: Catalogue, case: EtudeDeCas, site_url: str, site_name: str) -> dict[str, Any]:
    url = urls.absolute(site_url, urls.case_page(case.slug))
    used = dict.fromkeys(slug for entry in case.chronologie for slug in entry.fiches)
    citations = []
    for source in case.sources:
        citation: dict[str, Any] = {"@type": "CreativeWork", "name": source.titre,
                                    "publisher": {"@type": "Organization", "name": source.editeur}}
        if source.annee:
            citation["datePublished"] = str(source.annee)
        if source.url:
            citation["url"] = source.url
        citations.append(citation)
    return {
        "@context": CONTEXT,
        "@type": "Article",
        "@id": url,
        "url": url,
        "headline": case.titre,
        "description": _one_line(case.resume),
        "inLanguage": "fr",
        "dateModified": case.mise_a_jour,
        "about": case.theme,
        "contentLocation": {"@type": "Place", "name": case.commune},
        "license": LICENCE_URL,
        "isPartOf": _website(site_url, site_name),
        "citation": citations,
        "mentions": [{"@type": "HowTo", "name": catalogue.sheet(slug).titre,
                      "url": urls.absolute(site_url, urls.sheet_page(slug))} for slug in used],
    }


def jsonld_by_page(catalogue: Catalogue, site_url: str, site_name: str,
                   only: Collection[str] | None = None) -> dict[str, dict[str, Any]]:
    """Page source (src_uri) -> its JSON-LD object; `only` those pages, if given (the preview)."""
    def wanted(uri: str) -> bool:
        return only is None or uri in only

    found = {urls.sheet_page(s.slug): sheet_jsonld(catalogue, s, site_url, site_name) for s in catalogue.sheets
             if wanted(urls.sheet_page(s.slug))}
    found.update({urls.case_page(c.slug): case_jsonld(catalogue, c, site_url, site_name) for c in catalogue.cases
                  if wanted(urls.case_page(c.slug))})
    return found
