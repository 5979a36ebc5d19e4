"""Open data as published: JSON and CSV exports validated against their published schemas,
the Atom feed, the JSON-LD in page heads."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator

from centre_ressources.pipeline import build_catalogue
from centre_ressources.publish import open_data
from centre_ressources.publish.feed import atom_feed
from support.project import PROJECT

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def configured_site_url() -> str:
    """`site_url` from mkdocs.yml, which every exported address starts with."""
    return re.search(r"^site_url:\s*(\S+)", (PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(PROJECT)


def load(site: Path, path: str):
    return json.loads((site / path).read_text(encoding="utf-8"))


def validator_for(site: Path, name: str) -> Draft202012Validator:
    schema = load(site, f"schemas/{name}.json")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def local_path(site: Path, url: str) -> tuple[Path, str]:
    """The built file an absolute address of the site points to, and its #fragment."""
    base = configured_site_url()
    assert url.startswith(base), url
    parts = urlsplit(url)
    path = url[len(base):].split("#")[0]
    target = site / path
    return (target / "index.html" if path == "" or path.endswith("/") else target), parts.fragment


@pytest.mark.parametrize("export, schema, key", [
    ("api/fiches.json", "api-fiches", "fiches"),
    ("api/etudes-de-cas.json", "api-etudes-de-cas", "etudes_de_cas"),
])
def test_exports_validate_against_their_published_schema(real_site, export, schema, key):
    document = load(real_site, export)
    errors = sorted(validator_for(real_site, schema).iter_errors(document), key=str)
    assert errors == []
    published = load(real_site, f"schemas/{schema}.json")
    assert document["version_schema"] == published["version"] == open_data.SCHEMA_VERSION
    assert document["$schema"] == configured_site_url() + f"schemas/{schema}.json"
    assert document["licence"]["sigle"] == "CC BY-SA 4.0"
    assert document["nombre"] == len(document[key])


def test_the_schema_is_not_a_formality(real_site):
    """A record missing a field, or with a relative address, is refused."""
    document = load(real_site, "api/fiches.json")
    check = validator_for(real_site, "api-fiches")
    del document["fiches"][0]["duree"]
    document["fiches"][1]["url"] = "/fiches/relative/"
    messages = [e.message for e in check.iter_errors(document)]
    assert any("'duree' is a required property" in m for m in messages)
    assert any("/fiches/relative/" in m for m in messages)


def test_exports_list_every_sheet_and_case_with_every_field(real_site, catalogue):
    sheets = load(real_site, "api/fiches.json")["fiches"]
    cases = load(real_site, "api/etudes-de-cas.json")["etudes_de_cas"]
    assert [s["slug"] for s in sheets] == [s.slug for s in catalogue.sheets]
    assert [c["slug"] for c in cases] == [c.slug for c in catalogue.cases]
    # Every field of the front matter is there, under its own name.
    for record, sheet in zip(sheets, catalogue.sheets, strict=True):
        for field in sheet.origin.data:
            assert field in record, (sheet.slug, field)
        assert [s["consignes"] for s in record["deroule"]] == [s.consignes.strip() for s in sheet.deroule]
        assert "\n\n".join(s["texte"] for s in record["sections"]).count("\n") > 0
    for record, case in zip(cases, catalogue.cases, strict=True):
        for field in case.origin.data:
            assert field in record or field in {"territoire", "structure_porteuse"}, (case.slug, field)
        assert [m["slug"] for m in record["chronologie"][0]["fiches"]] == list(case.chronologie[0].fiches)
        # And every field of the moments and actors (titles on the timeline, actors' categories).
        for name in ("chronologie", "acteurs"):
            for written, exported in zip(case.origin.data.get(name, []), record[name], strict=True):
                assert set(written) <= set(exported), (case.slug, name, set(written) - set(exported))
        assert [m["titre"] for m in record["chronologie"]] == [e.titre for e in case.chronologie]
        assert [a["categories"] for a in record["acteurs"]] == [list(a.categories) for a in case.acteurs]


def test_every_address_in_the_exports_is_absolute_and_leads_to_a_page_or_step(real_site):
    for export in ("api/fiches.json", "api/etudes-de-cas.json"):
        text = (real_site / export).read_text(encoding="utf-8")
        addresses = set(re.findall(r'"(https?://[^"]+)"', text))
        own = {a for a in addresses if a.startswith(configured_site_url())}
        assert own, export
        for address in sorted(own):
            if address.endswith(".json"):
                continue  # $schema
            target, fragment = local_path(real_site, address)
            assert target.is_file(), address
            if fragment:
                assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), address


def test_sheets_used_by_cases_are_linked_both_ways_in_the_export(real_site, catalogue):
    sheets = {s["slug"]: s for s in load(real_site, "api/fiches.json")["fiches"]}
    for case in catalogue.cases:
        for entry in case.chronologie:
            for slug in entry.fiches:
                assert case.slug in [c["slug"] for c in sheets[slug]["etudes_de_cas"]]


@pytest.mark.parametrize("export, key, first_columns", [
    ("api/fiches.csv", "fiches", ["slug", "url", "titre", "phase"]),
    ("api/etudes-de-cas.csv", "etudes_de_cas", ["slug", "url", "titre", "resume"]),
])
def test_csv_has_one_row_per_record_and_states_the_licence(real_site, export, key, first_columns):
    text = (real_site / export).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    records = load(real_site, export.replace(".csv", ".json"))[key]
    assert list(rows[0])[:4] == first_columns and list(rows[0])[-1] == "licence"
    assert [r["slug"] for r in rows] == [r["slug"] for r in records]
    assert [r["url"] for r in rows] == [r["url"] for r in records]
    assert {r["licence"] for r in rows} == {"CC BY-SA 4.0"}
    assert all("\n" not in value for row in rows for value in row.values())


def test_csv_joins_lists_in_one_cell(real_site, catalogue):
    rows = list(csv.DictReader(io.StringIO((real_site / "api/fiches.csv").read_text(encoding="utf-8"), newline="")))
    first = catalogue.sheets[0]
    assert rows[0]["mots_cles"].split(" | ") == list(first.mots_cles)
    assert rows[0]["a_distance"] == ("oui" if first.a_distance else "non")


def test_feed_is_valid_atom_with_every_sheet_and_case_newest_first(real_site, catalogue):
    root = ET.parse(real_site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{ATOM}{required}")) == 1, required
    assert root.find(f"{ATOM}author/{ATOM}name").text
    self_links = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [configured_site_url() + "feed.xml"]
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(catalogue.sheets) + len(catalogue.cases)
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    dates = []
    for entry in entries:
        for required in ("id", "title", "updated", "summary"):
            assert len(entry.findall(f"{ATOM}{required}")) == 1, required
        assert RFC3339.match(entry.find(f"{ATOM}updated").text)
        [alternate] = [link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "alternate"]
        target, _ = local_path(real_site, alternate.get("href"))
        assert target.is_file()
        dates.append(entry.find(f"{ATOM}updated").text)
    assert dates == sorted(dates, reverse=True)
    assert root.find(f"{ATOM}updated").text == max(dates)
    assert RFC3339.match(root.find(f"{ATOM}updated").text)


def test_feed_dates_come_from_the_content_so_builds_are_reproducible(catalogue):
    first = atom_feed(catalogue, "https://example.org/", "Centre")
    assert first == atom_feed(catalogue, "https://example.org/", "Centre")
    newest = max(s.mise_a_jour for s in [*catalogue.sheets, *catalogue.cases])
    assert f"<updated>{newest}T00:00:00Z</updated>" in first


def test_every_page_head_links_the_feed(real_site):
    pages = [p for p in html_files(real_site) if "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")]
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html[:html.index("</head>")]
        assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="[^"]*feed\.xml">', head), path


def jsonld(html: str) -> dict:
    head = html[:html.index("</head>")]
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    return json.loads(block)


def test_each_sheet_head_has_a_howto_with_its_steps_and_their_addresses(real_site, catalogue):
    for sheet in catalogue.sheets:
        html = (real_site / "fiches" / sheet.slug / "index.html").read_text(encoding="utf-8")
        data = jsonld(html)
        assert data["@context"] == "https://schema.org" and data["@type"] == "HowTo"
        assert data["name"] == sheet.titre
        assert data["url"] == configured_site_url() + f"fiches/{sheet.slug}/"
        assert [s["name"] for s in data["step"]] == [s.titre for s in sheet.deroule]
        for position, step in enumerate(data["step"], 1):
            assert step["@type"] == "HowToStep" and step["position"] == position
            assert step["url"] == data["url"] + f"#etape-{position}"
            assert f'id="etape-{position}"' in html
        assert re.match(r"^PT(\d+H)?(\d+M)?$", data["totalTime"])


def test_each_case_head_has_an_article(real_site, catalogue):
    for case in catalogue.cases:
        data = jsonld((real_site / "etudes-de-cas" / case.slug / "index.html").read_text(encoding="utf-8"))
        assert data["@type"] == "Article" and data["headline"] == case.titre
        assert data["url"] == configured_site_url() + f"etudes-de-cas/{case.slug}/"
        assert data["citation"][0]["name"] == case.sources[0].titre
        used = {slug for entry in case.chronologie for slug in entry.fiches}
        assert {m["url"] for m in data["mentions"]} == {configured_site_url() + f"fiches/{s}/" for s in used}


def test_jsonld_cannot_close_its_script_element(catalogue):
    """A title with « </script> » stays inside the JSON: the theme writes it with tojson."""
    import jinja2

    rendered = jinja2.Environment().from_string("{{ data | tojson }}").render(data={"name": "</script><b>"})
    assert "</script>" not in rendered and json.loads(rendered)["name"] == "</script><b>"


def test_the_open_data_page_documents_every_field_and_the_licence(real_site):
    html = (real_site / "donnees-ouvertes" / "index.html").read_text(encoding="utf-8")
    for field in open_data.documented_fields(load(real_site, "schemas/api-fiches.json"), "fiche"):
        assert f"<code>{field['champ']}</code>" in html, field
    for field in open_data.documented_fields(load(real_site, "schemas/api-etudes-de-cas.json"), "etude_de_cas"):
        assert f"<code>{field['champ']}</code>" in html, field
    assert "CC BY-SA 4.0" in html
    for path in ("api/fiches.json", "api/fiches.csv", "api/etudes-de-cas.json", "api/etudes-de-cas.csv", "feed.xml"):
        assert f'href="../{path}"' in html and (real_site / path).is_file()


def test_a_hand_written_file_in_the_place_of_a_published_one_stops_the_build(tmp_path):
    from support.project import copy_project, run_mkdocs

    project = copy_project(tmp_path / "project", content="mini")
    (project / "docs" / "feed.xml").write_text("<feed/>", encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/feed.xml : ce fichier est produit par la construction" in result.stdout + result.stderr
