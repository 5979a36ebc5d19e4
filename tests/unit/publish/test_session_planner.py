"""The planner's data files are one call with one JSON literal, whatever the sheets hold
(centre_ressources/publish/session_planner.py)."""

from __future__ import annotations

import json
import re

import pytest

from centre_ressources import urls
from centre_ressources.publish.session_planner import RECEIVER, planner_files, planner_sheet, script_literal
from support.hostile import HOSTILE, hostile_catalogue, replaced_surrogates

SITE = "https://exemple.org/"


def literal(script: str) -> str:
    """The argument of the one call a data file makes."""
    assert script.startswith(f"{RECEIVER}(") and script.endswith(");\n"), script[:80]
    return script[len(RECEIVER) + 1:-3]


@pytest.fixture(scope="module")
def files():
    return dict(planner_files(hostile_catalogue(), SITE))


def test_each_file_is_one_call_whose_argument_is_the_sheet_as_json(files):
    catalogue = hostile_catalogue()
    assert set(files) == {urls.PLANNER_INDEX, *(urls.planner_sheet_data(s.slug) for s in catalogue.sheets)}
    for sheet in catalogue.sheets:
        data = json.loads(literal(files[urls.planner_sheet_data(sheet.slug)]))
        assert data == replaced_surrogates(planner_sheet(sheet, SITE))


def test_no_string_can_end_the_literal_or_a_script_element(files):
    for path, script in files.items():
        body = literal(script)
        json.loads(body)  # a JSON text is one JavaScript expression: nothing after it runs
        script.encode("utf-8")
        for unsafe in ("\u2028", "\u2029", "</"):
            assert unsafe not in script, (path, unsafe)
        assert not re.search(r"</script", script, re.I)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_string_comes_back_as_it_was(text):
    back = json.loads(script_literal({"texte": text}))["texte"]
    assert back == replaced_surrogates(text)
