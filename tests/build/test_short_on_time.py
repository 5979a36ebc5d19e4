"""With little time: a step's shortest length (`duree_minimale`) and the steps that can be
left out (`facultative`), taken from a sheet's « Avec peu de temps » variant. Optional fields:
a sheet without them is valid; a shortest length longer than its step is refused at its line;
both reach the open data and the planner's data."""

from __future__ import annotations

import json

import pytest

from centre_ressources import urls
from centre_ressources.pipeline import generate
from centre_ressources.publish.session_planner import planner_sheet
from support.edits import edit, errors_of
from support.project import PROJECT

A = "methods/alpha.md"


def test_a_sheet_without_the_fields_is_valid_and_says_nothing_can_be_cut(mini_project):
    catalogue, _ = generate(mini_project)
    step = catalogue.sheet("alpha").deroule[0]
    assert step.duree_minimale is None and step.facultative is False


def test_the_fields_reach_the_open_data_and_the_planner(mini_project, tmp_path):
    edit(mini_project, A, "    duree: 30\n", "    duree: 30\n    duree_minimale: 10\n")
    edit(mini_project, A, "    duree: 60\n", "    duree: 60\n    facultative: true\n")
    catalogue, site = generate(mini_project)
    sheet = catalogue.sheet("alpha")
    assert [(s.duree_minimale, s.facultative) for s in sheet.deroule] == [(10, False), (None, True)]
    steps = planner_sheet(sheet, None)["fiche"]["etapes"]
    assert [(s["duree_minimale"], s["facultative"]) for s in steps] == [(10, False), (None, True)]


def test_a_shortest_length_longer_than_its_step_is_refused_at_its_line(mini_project):
    edit(mini_project, A, "    duree: 30\n", "    duree: 30\n    duree_minimale: 45\n")
    line = (mini_project / A).read_text(encoding="utf-8").splitlines().index("    duree_minimale: 45") + 1
    assert errors_of(mini_project) == [
        f"{A}:{line}:5 : champ « deroule[1].duree_minimale » : la durée minimale (45 minutes) est plus longue "
        "que l'étape (30 minutes) : elle dit jusqu'où l'étape peut être raccourcie, au plus sa « duree »."]


@pytest.mark.parametrize(("value", "said"), [("0", "la valeur 0 est trop petite (minimum : 1)."),
                                             ("oui", "attendu : un nombre entier ; trouvé : le texte « oui ».")])
def test_an_impossible_value_is_refused_in_french_at_its_line(mini_project, value, said):
    edit(mini_project, A, "    duree: 30\n", f"    duree: 30\n    duree_minimale: {value}\n")
    errors = errors_of(mini_project)
    assert errors[0].startswith(f"{A}:22:5 : champ « deroule[1].duree_minimale » : {said}")


def test_the_published_schemas_describe_the_fields():
    schema = json.loads((PROJECT / "centre_ressources/content/schemas/fiche.json").read_text(encoding="utf-8"))
    step = schema["properties"]["deroule"]["items"]["properties"]
    assert step["duree_minimale"]["type"] == "integer" and step["facultative"]["type"] == "boolean"
    assert "Avec peu de temps" in step["duree_minimale"]["description"]
    api = json.loads((PROJECT / "centre_ressources/content/schemas/api-fiches.json").read_text(encoding="utf-8"))
    exported = api["$defs"]["fiche"]["properties"]["deroule"]["items"]
    assert {"duree_minimale", "facultative"} <= set(exported["required"])


def test_every_real_sheet_that_allows_a_cut_says_so_in_its_short_on_time_variant():
    catalogue, site = generate(PROJECT, link_terms=False)
    for sheet in catalogue.sheets:
        if any(s.duree_minimale or s.facultative for s in sheet.deroule):
            assert "Avec peu de temps" in site.pages[urls.sheet_page(sheet.slug)], sheet.slug
