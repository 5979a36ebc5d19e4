"""The published JSON Schemas of the content, and their validators."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import jsonschema_rs

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

SCHEMA_NAMES = ("phase", "fiche", "etude-de-cas", "parcours", "glossaire")


@cache
def load_schema(name: str) -> dict:
    text = resources.files("centre_ressources.content").joinpath("schemas", f"{name}.json").read_text("utf-8")
    return json.loads(text)


@cache
def validator(name: str) -> Draft202012Validator:
    # Imported here: only a file that fails the first pass needs it.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def fast_validator(name: str) -> jsonschema_rs.Validator:
    """The same schema compiled by jsonschema-rs, which only answers valid or not, much faster
    (benchmarks/LISEZMOI.md). Every file it does not accept is validated again by
    `validator(name)`, whose errors are worded in French; tests/unit/content/
    test_fast_validation.py checks that both give the same verdict."""
    return jsonschema_rs.validator_for(load_schema(name), validate_formats=True)


def is_valid(name: str, data: object) -> bool:
    try:
        return fast_validator(name).is_valid(data)
    except Exception:  # a value it cannot take: the full validator decides
        return False


def schema_text(name: str) -> str:
    return resources.files("centre_ressources.content").joinpath("schemas", f"{name}.json").read_text("utf-8")
