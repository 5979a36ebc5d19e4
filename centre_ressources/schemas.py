"""The published JSON Schemas of the content, and their validators."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from jsonschema import Draft202012Validator

SCHEMA_NAMES = ("phase", "fiche", "etude-de-cas", "parcours", "glossaire")


@cache
def load_schema(name: str) -> dict:
    text = resources.files("centre_ressources").joinpath("schemas", f"{name}.json").read_text("utf-8")
    return json.loads(text)


@cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_text(name: str) -> str:
    return resources.files("centre_ressources").joinpath("schemas", f"{name}.json").read_text("utf-8")
