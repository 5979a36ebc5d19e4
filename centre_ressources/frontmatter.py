"""Read a content file: YAML front matter (with the line of every value) plus a Markdown body.

PyYAML's composer gives every node its position; walking the node tree ourselves keeps
those positions (a plain `safe_load` loses them) and lets us refuse duplicate keys, which
PyYAML would otherwise resolve silently by keeping the last one.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

FENCE = "---"
Location = tuple[int, int]  # (line, column), both 1-based, in the file
FieldPath = tuple[Any, ...]


@dataclass
class SourceDocument:
    """A content file once read: its data, where each value sits, and its Markdown body."""

    path: str
    data: dict[str, Any]
    locations: dict[FieldPath, Location] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # file line where the body starts

    def location(self, path: FieldPath) -> Location:
        """The position of a field, or of its closest located parent."""
        path = tuple(path)
        while path not in self.locations and path:
            path = path[:-1]
        return self.locations.get(path, (1, 1))

    def line_of(self, path: FieldPath) -> int:
        return self.location(path)[0]


class FrontMatterError(Exception):
    def __init__(self, error: ContentError):
        self.error = error
        super().__init__(error.format())


def normalise_text(text: str) -> str:
    """Accept what editors write: a BOM, CRLF or CR line ends, decomposed accents (macOS)."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def read_source(path: Path, display_path: str) -> SourceDocument:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FrontMatterError(ContentError(
            display_path, line, 1, "",
            "le fichier n'est pas encodé en UTF-8 ; enregistrez-le en UTF-8 "
            "(dans votre éditeur : « Enregistrer sous », encodage UTF-8).",
        )) from None
    return parse_document(normalise_text(text), display_path)


def parse_document(text: str, display_path: str) -> SourceDocument:
    if not text.strip():
        raise FrontMatterError(ContentError(
            display_path, 1, 1, "", "le fichier est vide : il doit commencer par un en-tête YAML entre deux lignes « --- ».",
        ))
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        raise FrontMatterError(ContentError(
            display_path, 1, 1, "",
            "le fichier doit commencer par une ligne « --- » qui ouvre l'en-tête YAML.",
        ))
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() == FENCE), None)
    if closing is None:
        raise FrontMatterError(ContentError(
            display_path, 1, 1, "",
            "l'en-tête YAML ouvert par « --- » à la ligne 1 n'est jamais fermé : "
            "ajoutez une ligne « --- » après le dernier champ.",
        ))
    yaml_text = "\n".join(lines[1:closing])
    body = "\n".join(lines[closing + 1:])
    data, locations = parse_yaml(yaml_text, display_path, first_line=2)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(ContentError(
            display_path, 2, 1, "",
            "l'en-tête doit être une suite de champs « nom: valeur », pas une liste ni un texte seul.",
        ))
    return SourceDocument(display_path, data, locations, body, body_line=closing + 2)


def parse_yaml(text: str, display_path: str, first_line: int = 1) -> tuple[Any, dict[FieldPath, Location]]:
    """Parse YAML safely; return the value and the (line, column) of every node in the file."""
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        # For an unclosed bracket or quote, the opening (context mark) is where to look.
        opened = any(word in (exc.context or "") for word in ("flow", "quoted"))
        mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        column = (mark.column if mark else 0) + 1
        problem = _french_yaml_problem(exc)
        raise FrontMatterError(ContentError(display_path, line, column, "", problem)) from None
    if node is None:
        return None, {}
    walker = _NodeWalker(display_path, first_line)
    value = walker.convert(node, ())
    return value, walker.locations


# libyaml's parser (PyYAML's C binding) composes the same nodes, with the same marks, about
# ten times faster than the pure-Python one: it matters with thousands of files. Its error
# messages are worded differently, so a file it refuses is parsed again by the pure-Python
# parser, whose messages the French translations below were written for.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> yaml.Node | None:
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _french_yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").lower()
    context = exc.context or ""
    if "flow sequence" in context:
        return "en-tête YAML illisible : une liste ouverte par « [ » n'est pas refermée par « ] »."
    if "flow mapping" in context:
        return "en-tête YAML illisible : un groupe ouvert par « { » n'est pas refermé par « } »."
    if "mapping values are not allowed" in problem:
        hint = "un « : » inattendu ; si la valeur contient « : », mettez-la entre guillemets."
    elif "could not find expected ':'" in problem:
        hint = "il manque « : » entre le nom du champ et sa valeur."
    elif "tab" in problem or "'\\t'" in problem:
        hint = "une tabulation sert d'indentation ; utilisez des espaces."
    elif "found undefined alias" in problem:
        hint = "un alias « * » renvoie à une ancre « & » qui n'existe pas."
    elif "expected <block end>" in problem or "indentation" in problem:
        hint = "l'indentation est incohérente : alignez les champs d'un même niveau avec des espaces."
    elif "found unexpected end of stream" in problem or "quoted scalar" in context:
        hint = "des guillemets ouverts ne sont pas refermés."
    else:
        hint = f"la syntaxe YAML est invalide ({exc.problem})."
    return f"en-tête YAML illisible : {hint}"


_STR_TAG = "tag:yaml.org,2002:str"


class _NodeWalker:
    def __init__(self, display_path: str, first_line: int):
        self.display_path = display_path
        self.first_line = first_line
        self.locations: dict[FieldPath, Location] = {}
        self.constructor = yaml.SafeLoader("")  # only its scalar constructors are used

    def locate(self, node: yaml.Node) -> Location:
        return node.start_mark.line + self.first_line, node.start_mark.column + 1

    def scalar(self, node: yaml.ScalarNode) -> Any:
        # Text, by far the most common, is the node's value as it is: the constructor's
        # general path costs a fifth of the reading time of a catalogue.
        if node.tag == _STR_TAG:
            return node.value
        return self.constructor.construct_object(node, deep=True)

    def convert(self, node: yaml.Node, path: FieldPath) -> Any:
        self.locations.setdefault(path, self.locate(node))
        if node.tag.startswith("!") or node.tag.startswith("tag:yaml.org,2002:python/"):
            line, column = self.locate(node)
            raise FrontMatterError(ContentError(
                self.display_path, line, column, "",
                f"la balise YAML « {node.tag} » n'est pas autorisée : écrivez une valeur simple.",
            ))
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    line, column = self.locate(key_node)
                    raise FrontMatterError(ContentError(
                        self.display_path, line, column, "",
                        "un nom de champ doit être un simple mot, pas une liste ni un groupe.",
                    ))
                key = self.scalar(key_node)
                if isinstance(key, (dt.date, dt.datetime)):
                    key = key.isoformat()
                if key in result:
                    line, column = self.locate(key_node)
                    first_line = self.locations[path + (key,)][0]
                    raise FrontMatterError(ContentError(
                        self.display_path, line, column, str(key),
                        f"ce champ est déjà défini à la ligne {first_line} ; gardez une seule définition.",
                    ))
                self.locations[path + (key,)] = self.locate(key_node)
                result[key] = self.convert(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (index,)) for index, item in enumerate(node.value)]
        try:
            value = self.scalar(node)
        except ValueError:
            # An impossible date such as 2025-13-01: keep the text, the schema will name it.
            value = node.value
        # Dates are kept as ISO text: the schemas speak JSON, which has no date type.
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        return value
