"""Open data that cannot hurt its readers (centre_ressources/publish/open_data.py): no CSV cell
a spreadsheet would run as a formula, one row per record, JSON that parses whatever it holds."""

from __future__ import annotations

import csv
import io
import json

import pytest

from centre_ressources.characters import clean_line
from centre_ressources.publish import open_data
from centre_ressources.publish.files import each_published_file
from support.hostile import FORMULA_STARTS, HOSTILE, hostile_catalogue, replaced_surrogates

SITE = "https://exemple.org/"


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def published():
    return dict(each_published_file(hostile_catalogue(), SITE, "Centre fictif"))


@pytest.mark.parametrize("path, columns, key", [
    ("api/fiches.csv", open_data.SHEET_COLUMNS, "fiches"),
    ("api/etudes-de-cas.csv", open_data.CASE_COLUMNS, "etudes_de_cas"),
])
def test_no_cell_of_the_published_csv_starts_a_formula(published, path, columns, key):
    table = rows(published[path])
    records = json.loads(published[path.replace(".csv", ".json")])[key]
    assert table[0] == [*columns, "licence"]
    assert len(table) == 1 + len(records), "a line break in a value added a row"
    assert {len(row) for row in table} == {len(columns) + 1}, "a value added a column"
    assert [row[0] for row in table[1:]] == [r["slug"] for r in records]
    for row in table:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell
    assert any(cell.startswith("'") for row in table for cell in row), "the hostile texts reached the CSV"


@pytest.mark.parametrize("text", HOSTILE)
def test_each_hostile_text_is_one_quoted_cell_that_is_not_a_formula(text):
    written = open_data.to_csv([{"texte": text, "liste": [text, text], "nombre": 12}],
                               {"texte": lambda r: r["texte"], "liste": lambda r: r["liste"],
                                "nombre": lambda r: r["nombre"]})
    [header, row] = rows(written)
    assert row == [open_data.neutral_cell(clean_line(text)),
                   open_data.neutral_cell(clean_line(text) + open_data.LIST_SEPARATOR + clean_line(text)),
                   "12", "CC BY-SA 4.0"]
    assert not row[0].startswith(FORMULA_STARTS) and not row[1].startswith(FORMULA_STARTS)
    line = written.split("\r\n")[1]
    assert line.startswith('"') and line.endswith(',12,"CC BY-SA 4.0"'), "text quoted, numbers not"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_owasp_neutralisation_prefixes_a_single_quote(start):
    assert open_data.neutral_cell(f"{start}1+1") == f"'{start}1+1"
    assert open_data.neutral_cell(f"a{start}1") == f"a{start}1"


@pytest.mark.parametrize("path, document", [
    ("api/fiches.json", lambda c: open_data.sheets_document(c, SITE, "Centre fictif")),
    ("api/etudes-de-cas.json", lambda c: open_data.cases_document(c, SITE, "Centre fictif")),
])
def test_the_json_parses_and_keeps_every_text_but_lone_surrogates(published, path, document):
    text = published[path]
    text.encode("utf-8")  # writable: no lone surrogate left
    assert json.loads(text) == replaced_surrogates(document(hostile_catalogue()))


def test_every_published_json_file_parses(published):
    assert all(json.loads(text) for path, text in published.items() if path.endswith(".json"))
