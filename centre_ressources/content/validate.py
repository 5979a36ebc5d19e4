"""Check a document's front matter against its JSON Schema; word every failure in French."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from centre_ressources.content.examples import example_lines, is_block, resolve, with_example
from centre_ressources.content.frontmatter import SourceDocument
from centre_ressources.content.schemas import is_valid, load_schema, validator
from centre_ressources.errors import ContentError
from centre_ressources.suggestions import did_you_mean

if TYPE_CHECKING:
    from jsonschema import ValidationError

# The pattern of `$defs/une_ligne`, in each schema: a title, a name or a label, on one line.
ONE_LINE_PATTERN = "^[^\n\r\u2028\u2029]*(?![\\s\\S])"

_TYPE_NAMES = {
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "« true » ou « false »",
    "array": "une liste (lignes commençant par « - »)",
    "object": "un groupe de champs indentés",
    "null": "une valeur vide",
}


def field_name(path: tuple[Any, ...]) -> str:
    """`('deroule', 2, 'duree')` -> `deroule[3].duree` (items counted from 1 for people)."""
    name = ""
    for part in path:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            name += f".{part}" if name else str(part)
    return name


def describe(value: Any) -> str:
    if value is None:
        return "une valeur vide"
    if isinstance(value, bool):
        return f"« {str(value).lower()} »"
    if isinstance(value, (int, float)):
        return f"le nombre {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"le texte « {shown} »"
    if isinstance(value, list):
        return "une liste"
    return "un groupe de champs"


def _type_hint(expected: list[str], error: ValidationError, root: dict[str, Any], path: tuple[Any, ...]) -> str:
    """How to write the value the schema expects, for the usual mistakes."""
    value = error.instance
    if "string" in expected and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f' ; écrivez-le entre guillemets droits : "{value}".'
    if "integer" in expected and isinstance(value, str) and value.strip().isdigit():
        return f" ; écrivez le nombre sans guillemets : {value.strip()}."
    if "integer" in expected and isinstance(value, float) and value.is_integer():
        # 90.0: a whole number written as a decimal (content/schemas.py says why it is refused)
        return f" ; écrivez-le sans décimale : {int(value)}."
    if ("array" in expected or "object" in expected) and isinstance(value, str) and path:
        return "." + with_example("", example_lines(str(path[-1]), error.schema, root))  # type: ignore[arg-type]
    return "."


def validate_document(doc: SourceDocument, schema_name: str) -> list[ContentError]:
    if is_valid(schema_name, doc.data):  # the quick verdict; errors are found and worded below
        return []
    errors: list[ContentError] = []
    for error in validator(schema_name).iter_errors(doc.data):
        errors.extend(_translate(doc, error, load_schema(schema_name)))
    return errors


def _translate(doc: SourceDocument, error: ValidationError, root: dict[str, Any]) -> Iterator[ContentError]:
    path = tuple(error.absolute_path)
    line, column = doc.location(path)
    kind = error.validator
    schema: dict[str, Any] = error.schema  # type: ignore[assignment]  # a schema here, never a bool
    instance: Any = error.instance
    wanted: Any = error.validator_value

    def at(message: str, where: tuple[Any, ...] = path) -> ContentError:
        found_line, found_column = doc.location(where)
        return ContentError(doc.path, found_line, found_column, field_name(where), message)

    if kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        for extra in sorted(set(instance) - set(known), key=str):
            hint = did_you_mean(str(extra), known) or f" ; les champs possibles ici sont : {', '.join(known)}."
            yield at(f"ce champ est inconnu{hint}", path + (extra,))
    elif kind == "required":
        missing = error.message.split("'")[1]
        where = field_name(path + (missing,))
        message = "ce champ obligatoire manque" + (f" (dans « {field_name(path)} »)." if path else ".")
        wanted = resolve(schema.get("properties", {}).get(missing, {}), root)
        if is_block(wanted):  # a whole block left out: show its shape
            message = with_example(message, example_lines(missing, wanted, root))
        yield ContentError(doc.path, line, column, where, message)
    elif kind == "type":
        expected = wanted
        expected = expected if isinstance(expected, list) else [expected]
        names = " ou ".join(_TYPE_NAMES.get(str(t), str(t)) for t in expected)
        yield at(f"attendu : {names} ; trouvé : {describe(instance)}{_type_hint(expected, error, root, path)}")
    elif kind == "enum":
        choices = ", ".join(f"« {c} »" for c in wanted)
        yield at(f"valeur « {instance} » non reconnue ; valeurs possibles : {choices}.")
    elif kind == "minLength":
        yield at("ce texte est vide ou trop court." if not instance else
                 f"ce texte est trop court (au moins {wanted} caractères).")
    elif kind == "minItems":
        count = wanted
        yield at(f"la liste doit contenir au moins {count} élément{'s' if count > 1 else ''}.")
    elif kind == "minimum":
        yield at(f"la valeur {instance} est trop petite (minimum : {wanted}).")
    elif kind == "maximum":
        yield at(f"la valeur {instance} est trop grande (maximum : {wanted}).")
    elif kind == "pattern" and wanted == ONE_LINE_PATTERN:
        yield at("ce texte s'écrit sur une seule ligne (c'est un titre, un nom ou une étiquette) : retirez le retour "
                 "à la ligne ; en YAML, écrivez-le à la suite du nom du champ, sans « > » ni « | ».")
    elif kind in {"pattern", "format"} and "date" in (schema.get("format", ""), kind):
        yield at(f"date invalide : {describe(instance)} ; écrivez-la AAAA-MM-JJ, par exemple 2025-03-14.")
    elif kind == "pattern" and schema.get("pattern", "").startswith("^[a-z0-9]"):
        yield at(f"{describe(instance)} n'est pas un identifiant valide : "
                 "lettres minuscules sans accents, chiffres et tirets, par exemple « charte-de-cooperation ».")
    elif kind == "pattern" and schema.get("pattern", "").startswith("^https?"):
        yield at(f"{describe(instance)} n'est pas une adresse web : elle doit commencer par https://.")
    elif kind == "pattern" and schema.get("pattern", "").startswith("^([01]"):
        yield at(f"heure invalide : {describe(instance)} ; écrivez-la HH:MM, de 00:00 à 23:59, par exemple 18:00.")
    else:  # pragma: no cover - a schema keyword without a French wording yet
        yield at(f"valeur invalide ({error.message}).")
