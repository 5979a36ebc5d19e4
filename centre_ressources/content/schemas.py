"""The published JSON Schemas of the content, and their validators.

A whole number is written as one: JSON Schema counts 90.0 as an integer, and both validators
would let `duree: 90.0` through to a page that prints « 90.0 min » or stops on it. No field of
the content takes a decimal number, so a decimal where an integer is expected is refused (the
message says to write 90) rather than read as 90: the value published is the value written.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import jsonschema_rs

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

SCHEMA_NAMES = ("phase", "fiche", "etude-de-cas", "parcours", "glossaire")


@cache
def load_schema(name: str) -> dict:
    text = resources.files("centre_ressources.content").joinpath("schemas", f"{name}.json").read_text("utf-8")
    return json.loads(text)


def _whole_number(checker: object, instance: object) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def validator(name: str) -> Draft202012Validator:
    # Imported here: only a file that fails the first pass needs it.
    from jsonschema import Draft202012Validator
    from jsonschema.validators import extend

    checker = Draft202012Validator.TYPE_CHECKER.redefine("integer", _whole_number)
    strict = extend(Draft202012Validator, type_checker=checker)
    return strict(load_schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def fast_validator(name: str) -> jsonschema_rs.Validator:
    """The same schema compiled by jsonschema-rs, which only answers valid or not, much faster
    (benchmarks/LISEZMOI.md). Every file it does not accept is validated again by
    `validator(name)`, whose errors are worded in French; tests/unit/content/
    test_fast_validation.py checks that both give the same verdict."""
    return jsonschema_rs.validator_for(load_schema(name), validate_formats=True)


def is_valid(name: str, data: object) -> bool:
    """The quick verdict. A decimal number anywhere goes to the full validator, whose integers
    are whole numbers written as such (jsonschema-rs takes 90.0 for one)."""
    if _holds_decimal(data):
        return False
    try:
        return fast_validator(name).is_valid(data)
    except Exception:  # a value it cannot take: the full validator decides
        return False


def _holds_decimal(value: object) -> bool:
    pending: list[Any] = [value]
    while pending:  # by exact types, as YAML gives them: most values are text, passed at once
        item = pending.pop()
        kind = type(item)
        if kind is dict:
            pending.extend(item.values())
        elif kind is list:
            pending.extend(item)
        elif kind is float:
            return True
    return False


def schema_text(name: str) -> str:
    return resources.files("centre_ressources.content").joinpath("schemas", f"{name}.json").read_text("utf-8")
