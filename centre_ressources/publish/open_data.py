"""Open data: every sheet and every case study as JSON and CSV, for other sites to reuse.

Each JSON document states its schema version, its licence and where it comes from, and every
address in it is absolute (built from `site_url`). The documents are pure data built from the
catalogue; the MkDocs hook only writes them into the site (see publish.py). Their JSON Schemas
are `schemas/api-fiches.json` and `schemas/api-etudes-de-cas.json`, published beside them.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from centre_ressources import urls
from centre_ressources.catalogue import Catalogue
from centre_ressources.characters import clean_line
from centre_ressources.content.records import EtudeDeCas, Fiche
from centre_ressources.content.sections import split_sections

# Semantic versioning of the exported format: a new optional field raises the minor number,
# a removed or renamed field the major one. Keep the JSON Schemas' "version" in step.
SCHEMA_VERSION = "1.2.0"
LICENCE = {
    "nom": "Creative Commons Attribution – Partage dans les mêmes conditions 4.0 International",
    "sigle": "CC BY-SA 4.0",
    "url": "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
}
SHEETS_SCHEMA = "api-fiches"
CASES_SCHEMA = "api-etudes-de-cas"
LIST_SEPARATOR = " | "  # joins the items of a list in one CSV cell


def _url(site_url: str, src_uri: str, anchor: str = "") -> str:
    return urls.absolute(site_url, src_uri, anchor)


def _sheet_ref(catalogue: Catalogue, slug: str, site_url: str) -> dict[str, str]:
    sheet = catalogue.sheet(slug)
    return {"slug": sheet.slug, "titre": sheet.titre, "url": _url(site_url, urls.sheet_page(sheet.slug))}


def _sections(body: str) -> list[dict[str, str]]:
    """The Markdown body, split at its level-2 headings ("" for the text before the first)."""
    return [{"titre": s.title, "texte": s.text} for s in split_sections(body)]


def _clock(minutes: int) -> str:
    hours, rest = divmod(minutes % (24 * 60), 60)
    return f"{hours:02d}:{rest:02d}"


def sheet_record(catalogue: Catalogue, sheet: Fiche, site_url: str) -> dict[str, Any]:
    page = urls.sheet_page(sheet.slug)
    phase = catalogue.phase(sheet.phase)
    step = phase.step(sheet.etape)
    assert step is not None  # checked when the catalogue was linked
    return {
        "slug": sheet.slug,
        "url": _url(site_url, page),
        "titre": sheet.titre,
        "phase": {"slug": phase.slug, "numero": phase.numero, "titre": phase.titre,
                  "url": _url(site_url, urls.phase_page(phase.slug))},
        "etape": {"slug": step.slug, "titre": step.titre,
                  "url": _url(site_url, urls.phase_page(phase.slug), step.slug)},
        "ordre": sheet.ordre,
        "en_bref": sheet.en_bref,
        "objectifs": list(sheet.objectifs),
        "duree": sheet.duree,
        "participants": {"min": sheet.participants.min, "max": sheet.participants.max,
                         "roles": list(sheet.participants.roles)},
        "materiel": list(sheet.materiel),
        "salle": sheet.salle.strip(),
        "debut": sheet.debut,
        "a_distance": sheet.a_distance,
        "deroule": [
            {"numero": s.numero, "ancre": s.anchor, "url": _url(site_url, page, s.anchor),
             "titre": s.titre, "duree": s.duree, "duree_minimale": s.duree_minimale,
             "facultative": s.facultative, "pause": s.pause,
             "horaire_debut": _clock(s.debut), "horaire_fin": _clock(s.fin),
             "invitation": " ".join(s.invitation.split()), "groupes": " ".join(s.groupes.split()),
             "materiel": list(s.materiel), "consignes": s.consignes.strip()}
            for s in sheet.deroule
        ],
        "livrables": list(sheet.livrables),
        "fiches_liees": [_sheet_ref(catalogue, slug, site_url) for slug in sheet.fiches_liees],
        "mots_cles": list(sheet.mots_cles),
        "mise_a_jour": sheet.mise_a_jour,
        "alias": list(sheet.alias),
        "anciennes_urls": [_url(site_url, urls.sheet_page(alias)) for alias in sheet.alias],
        "sections": _sections(sheet.body),
        "etudes_de_cas": [
            {"slug": m.case.slug, "titre": m.case.titre, "url": _url(site_url, urls.case_page(m.case.slug)),
             "phase": m.entry.phase, "periode": m.entry.periode, "texte": m.entry.texte}
            for m in catalogue.moments_by_sheet.get(sheet.slug, ())
        ],
        "parcours": [
            {"slug": m.path.slug, "titre": m.path.titre, "url": _url(site_url, urls.path_page(m.path.slug)),
             "position": m.position}
            for m in catalogue.paths_by_sheet.get(sheet.slug, ())
        ],
    }


def case_record(catalogue: Catalogue, case: EtudeDeCas, site_url: str) -> dict[str, Any]:
    results = case.resultats
    return {
        "slug": case.slug,
        "url": _url(site_url, urls.case_page(case.slug)),
        "titre": case.titre,
        "resume": case.resume,
        "territoire": {"commune": case.commune, "type": case.type_territoire,
                       "description": case.description_territoire},
        "structure_porteuse": {"nom": case.structure.nom, "sigle": case.structure.sigle,
                               "statut": case.structure.statut},
        "theme": case.theme,
        "question_strategique": case.question_strategique,
        "objectifs_transformation": list(case.objectifs_transformation),
        "categories_action": list(case.categories_action),
        "acteurs": [{"nom": a.nom, "role": a.role, "categories": list(a.categories)} for a in case.acteurs],
        "politiques_publiques": [{"nom": p.nom, "lien": p.lien} for p in case.politiques_publiques],
        "chronologie": [
            {"phase": {"slug": e.phase, "titre": catalogue.phase(e.phase).titre,
                       "url": _url(site_url, urls.phase_page(e.phase))},
             "periode": e.periode, "titre": e.titre, "texte": e.texte,
             "fiches": [_sheet_ref(catalogue, slug, site_url) for slug in e.fiches]}
            for e in case.chronologie
        ],
        "resultats": {"charte": results.charte, "evaluation": results.evaluation,
                      "feuille_de_route": results.feuille_de_route,
                      "transfert_soutien": results.transfert_soutien},
        "fonction_de_soutien": case.fonction_de_soutien,
        "enseignements": list(case.enseignements),
        "sources": [{"titre": s.titre, "editeur": s.editeur, "annee": s.annee, "url": s.url}
                    for s in case.sources],
        "mise_a_jour": case.mise_a_jour,
        "alias": list(case.alias),
        "anciennes_urls": [_url(site_url, urls.case_page(alias)) for alias in case.alias],
        "recit": _sections(case.body),
        "images": [_url(site_url, urls.case_asset(case.slug, image)) for image in case.images],
    }


def _document(kind: str, schema: str, records: list[dict], site_url: str, site_name: str) -> dict[str, Any]:
    return {
        "$schema": _url(site_url, f"schemas/{schema}.json"),
        "version_schema": SCHEMA_VERSION,
        "titre": f"{kind.capitalize()} — {site_name}",
        "source": site_url,
        "licence": dict(LICENCE),
        "attribution": f"{site_name}, {site_url}",
        # The newest content date, never the build date: two builds give the same file.
        "mise_a_jour": max((r["mise_a_jour"] for r in records), default=None),
        "nombre": len(records),
    }


def sheets_document(catalogue: Catalogue, site_url: str, site_name: str) -> dict[str, Any]:
    records = [sheet_record(catalogue, sheet, site_url) for sheet in catalogue.sheets]
    return {**_document("fiches méthodes", SHEETS_SCHEMA, records, site_url, site_name), "fiches": records}


def cases_document(catalogue: Catalogue, site_url: str, site_name: str) -> dict[str, Any]:
    records = [case_record(catalogue, case, site_url) for case in catalogue.cases]
    return {**_document("études de cas", CASES_SCHEMA, records, site_url, site_name), "etudes_de_cas": records}


# CSV: one row per record, the main fields flat; lists joined with LIST_SEPARATOR. The JSON
# has everything; the CSV is for a spreadsheet. Column -> how to get it from a JSON record.
SHEET_COLUMNS: dict[str, Any] = {
    "slug": lambda r: r["slug"],
    "url": lambda r: r["url"],
    "titre": lambda r: r["titre"],
    "phase": lambda r: r["phase"]["slug"],
    "phase_titre": lambda r: r["phase"]["titre"],
    "etape": lambda r: r["etape"]["slug"],
    "etape_titre": lambda r: r["etape"]["titre"],
    "ordre": lambda r: r["ordre"],
    "en_bref": lambda r: r["en_bref"],
    "objectifs": lambda r: r["objectifs"],
    "duree": lambda r: r["duree"],
    "participants_min": lambda r: r["participants"]["min"],
    "participants_max": lambda r: r["participants"]["max"],
    "roles": lambda r: r["participants"]["roles"],
    "materiel": lambda r: r["materiel"],
    "a_distance": lambda r: r["a_distance"],
    "deroule": lambda r: [s["titre"] for s in r["deroule"]],
    "livrables": lambda r: r["livrables"],
    "fiches_liees": lambda r: [s["slug"] for s in r["fiches_liees"]],
    "mots_cles": lambda r: r["mots_cles"],
    "etudes_de_cas": lambda r: list(dict.fromkeys(c["slug"] for c in r["etudes_de_cas"])),
    "parcours": lambda r: [p["slug"] for p in r["parcours"]],
    "mise_a_jour": lambda r: r["mise_a_jour"],
    "alias": lambda r: r["alias"],
    "salle": lambda r: r["salle"],
    "debut": lambda r: r["debut"],
}
CASE_COLUMNS: dict[str, Any] = {
    "slug": lambda r: r["slug"],
    "url": lambda r: r["url"],
    "titre": lambda r: r["titre"],
    "resume": lambda r: r["resume"],
    "commune": lambda r: r["territoire"]["commune"],
    "type_territoire": lambda r: r["territoire"]["type"],
    "structure_porteuse": lambda r: r["structure_porteuse"]["nom"],
    "structure_sigle": lambda r: r["structure_porteuse"]["sigle"],
    "structure_statut": lambda r: r["structure_porteuse"]["statut"],
    "theme": lambda r: r["theme"],
    "question_strategique": lambda r: r["question_strategique"],
    "objectifs_transformation": lambda r: r["objectifs_transformation"],
    "categories_action": lambda r: r["categories_action"],
    "acteurs": lambda r: [a["nom"] for a in r["acteurs"]],
    "politiques_publiques": lambda r: [p["nom"] for p in r["politiques_publiques"]],
    "phases": lambda r: list(dict.fromkeys(e["phase"]["slug"] for e in r["chronologie"])),
    "fiches": lambda r: list(dict.fromkeys(f["slug"] for e in r["chronologie"] for f in e["fiches"])),
    "charte": lambda r: r["resultats"]["charte"],
    "evaluation": lambda r: r["resultats"]["evaluation"],
    "feuille_de_route": lambda r: r["resultats"]["feuille_de_route"],
    "transfert_soutien": lambda r: r["resultats"]["transfert_soutien"],
    "fonction_de_soutien": lambda r: r["fonction_de_soutien"],
    "sources": lambda r: [s["titre"] for s in r["sources"]],
    "mise_a_jour": lambda r: r["mise_a_jour"],
    "alias": lambda r: r["alias"],
}


# A cell that starts with one of these, a spreadsheet may read as a formula (=HYPERLINK(…),
# +1, -1, @SUM(…), or after a tab or carriage return): OWASP's advice on CSV injection is to
# prefix it with a single quote, which spreadsheets show as text, and to quote it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral_cell(text: str) -> str:
    """A text cell that no spreadsheet reads as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value: Any) -> str | int:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int):
        return value  # written unquoted, so that a spreadsheet reads it as a number
    if isinstance(value, list):
        text = LIST_SEPARATOR.join(clean_line(str(item)) for item in value)
    else:
        text = clean_line(str(value))  # one line per record: folded text has no line breaks
    return neutral_cell(text)


def to_csv(records: list[dict[str, Any]], columns: dict[str, Any]) -> str:
    """RFC 4180 CSV (comma, double quotes, CRLF), UTF-8; a last column states the licence.
    Every text cell is quoted, numbers are not; see FORMULA_STARTS."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([*columns, "licence"])
    for record in records:
        writer.writerow([*(_cell(get(record)) for get in columns.values()), LICENCE["sigle"]])
    return out.getvalue()


def sheets_csv(document: dict[str, Any]) -> str:
    return to_csv(document["fiches"], SHEET_COLUMNS)


def cases_csv(document: dict[str, Any]) -> str:
    return to_csv(document["etudes_de_cas"], CASE_COLUMNS)


def _type_label(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in spec:
        spec = {**defs[spec["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in spec.items() if k != "$ref"}}
    if "const" in spec:
        return f"texte « {spec['const']} »"
    if "enum" in spec:
        return "un de : " + ", ".join(f"« {v} »" for v in spec["enum"])
    names = {"string": "texte", "integer": "entier", "number": "nombre", "boolean": "booléen",
             "array": "liste", "object": "objet", "null": "vide"}
    kinds = spec.get("type", "object")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    label = " ou ".join(names.get(str(k), str(k)) for k in kinds)
    if spec.get("format") == "date":
        label += " (date AAAA-MM-JJ)"
    elif spec.get("format") == "uri":
        label += " (adresse)"
    return label


def documented_fields(schema: dict[str, Any], definition: str) -> list[dict[str, str]]:
    """The fields of one record type of an export schema, for the documentation page:
    name (nested fields as `a.b`, list items as `a[].b`), type and description."""
    defs = schema.get("$defs", {})
    rows: list[dict[str, str]] = []

    def walk(spec: dict[str, Any], prefix: str) -> None:
        if "$ref" in spec:
            spec = {**defs[spec["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in spec.items() if k != "$ref"}}
        for name, child in spec.get("properties", {}).items():
            field = f"{prefix}{name}"
            rows.append({"champ": field, "type": _type_label(child, defs), "description": child.get("description", "")})
            resolved = defs[child["$ref"].rsplit("/", 1)[-1]] if "$ref" in child else child
            if resolved.get("type") == "object" or "properties" in resolved:
                walk(resolved, field + ".")
            items = resolved.get("items")
            if isinstance(items, dict):
                items = defs[items["$ref"].rsplit("/", 1)[-1]] if "$ref" in items else items
                if "properties" in items:
                    walk(items, field + "[].")

    walk(defs[definition], "")
    return rows


def page_context() -> dict[str, Any]:
    """What the documentation page (/donnees-ouvertes/) shows, drawn from the schemas."""
    from centre_ressources.content.schemas import load_schema

    return {
        "licence": LICENCE,
        "version": SCHEMA_VERSION,
        "sheets_schema": SHEETS_SCHEMA,
        "cases_schema": CASES_SCHEMA,
        "sheet_fields": documented_fields(load_schema(SHEETS_SCHEMA), "fiche"),
        "case_fields": documented_fields(load_schema(CASES_SCHEMA), "etude_de_cas"),
        "sheet_columns": list(SHEET_COLUMNS),
        "case_columns": list(CASE_COLUMNS),
        "separator": LIST_SEPARATOR.strip(),
    }
