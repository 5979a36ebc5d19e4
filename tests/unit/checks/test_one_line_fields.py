"""Titles, names and labels are declared one-line in the schemas ($defs/une_ligne), and a
line break in one is refused at its line, in French, by both validators alike."""

from __future__ import annotations

import jsonschema_rs
import pytest
from jsonschema import Draft202012Validator

from centre_ressources.content.frontmatter import parse_document
from centre_ressources.content.schemas import SCHEMA_NAMES, load_schema
from centre_ressources.content.validate import ONE_LINE_PATTERN, validate_document
from support.project import FIXTURES

SHEET = (FIXTURES / "mini" / "methods" / "alpha.md").read_text(encoding="utf-8")
MESSAGE = ("ce texte s'écrit sur une seule ligne (c'est un titre, un nom ou une étiquette) : retirez le retour à la "
           "ligne ; en YAML, écrivez-le à la suite du nom du champ, sans « > » ni « | ».")


def sheet_errors(old: str, new: str) -> list[str]:
    assert old in SHEET
    doc = parse_document(SHEET.replace(old, new, 1), "methods/alpha.md")
    return [error.format() for error in validate_document(doc, "fiche")]


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_schema_declares_the_same_one_line_pattern(name):
    assert load_schema(name)["$defs"]["une_ligne"]["pattern"] == ONE_LINE_PATTERN


@pytest.mark.parametrize("value", ["Une ligne", "", "Un titre avec « guillemets » et : deux points"])
def test_one_line_passes_both_validators(value):
    schema = load_schema("fiche")["$defs"]["une_ligne"]
    assert jsonschema_rs.validator_for(schema).is_valid(value) and Draft202012Validator(schema).is_valid(value)


@pytest.mark.parametrize("value", ["Un titre\n", "Un\ntitre", "Un\rtitre", "Un\u2028titre", "\n"])
def test_a_line_break_anywhere_fails_both_validators(value):
    # Python's « $ » would let a last line end through: the pattern does not rely on it.
    schema = load_schema("fiche")["$defs"]["une_ligne"]
    assert not jsonschema_rs.validator_for(schema).is_valid(value)
    assert not Draft202012Validator(schema).is_valid(value)


@pytest.mark.parametrize("old,new,where", [
    ("titre: Fiche alpha", "titre: >\n  Fiche alpha", "2:1 : champ « titre »"),
    ("  - titre: Ouvrir", '  - titre: "Ou\\nvrir"', "20:5 : champ « deroule[1].titre »"),
    ("mots_cles: [test]", 'mots_cles: ["un\\nmot"]', "34:13 : champ « mots_cles[1] »"),
])
def test_a_line_break_in_a_one_line_field_is_refused_at_its_line(old, new, where):
    assert sheet_errors(old, new) == [f"methods/alpha.md:{where} : {MESSAGE}"]


def test_a_paragraph_field_may_hold_line_breaks():
    assert sheet_errors("en_bref: Une fiche de test, courte et lisible par tout le monde.",
                        "en_bref: |\n  Une fiche de test, courte.\n  Lisible par tout le monde.\n") == []


def test_the_form_and_the_check_read_the_same_published_declaration():
    case = load_schema("etude-de-cas")
    assert case["properties"]["territoire"]["properties"]["commune"]["$ref"] == "#/$defs/une_ligne"
    assert "$ref" not in case["properties"]["resume"]
