"""Read a content file: YAML front matter (with the line of every value) plus a Markdown body.

PyYAML's composer gives every node its position; walking the node tree ourselves keeps
those positions (a plain `safe_load` loses them) and lets us refuse duplicate keys, which
PyYAML would otherwise resolve silently by keeping the last one.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from centre_ressources.content import yaml_traps
from centre_ressources.errors import ContentError

FENCE = "---"
Location = tuple[int, int]  # (line, column), both 1-based, in the file
FieldPath = tuple[Any, ...]


class Locations(Mapping[FieldPath, Location]):
    """Where each value of a YAML text sits in its file, found only when first asked for.

    Only an error message needs a position, and most files have none: reading thousands of
    files without recording the position of each of their values halves the reading time."""

    def __init__(self, yaml_text: str = "", display_path: str = "", first_line: int = 1,
                 found: dict[FieldPath, Location] | None = None):
        self._source = (yaml_text, display_path, first_line)
        self._found = found

    def _all(self) -> dict[FieldPath, Location]:
        if self._found is None:
            text, display_path, first_line = self._source
            node = _compose(text)
            walker = _NodeWalker(display_path, first_line)
            if node is not None:
                walker.convert(node, ())
            self._found = walker.locations
        return self._found

    def __getitem__(self, path: FieldPath) -> Location:
        return self._all()[path]

    def __iter__(self) -> Iterator[FieldPath]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def closest(self, path: FieldPath) -> Location:
        """The position of a field, or of its closest located parent."""
        found = self._all()
        path = tuple(path)
        while path not in found and path:
            path = path[:-1]
        return found.get(path, (1, 1))


@dataclass
class SourceDocument:
    """A content file once read: its data, where each value sits, and its Markdown body."""

    path: str
    data: dict[str, Any]
    locations: Locations = field(default_factory=Locations)
    body: str = ""
    body_line: int = 1  # file line where the body starts

    def location(self, path: FieldPath) -> Location:
        """The position of a field, or of its closest located parent."""
        return self.locations.closest(path)

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


def read_text(path: Path, display_path: str) -> str:
    """A content file's text, normalised; a file not in UTF-8 is refused at its first bad byte."""
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
    return normalise_text(text)


def read_source(path: Path, display_path: str) -> SourceDocument:
    return parse_document(read_text(path, display_path), display_path)


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


def parse_yaml(text: str, display_path: str, first_line: int = 1) -> tuple[Any, Locations]:
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
        trap = yaml_traps.explain(text.split("\n"), line - first_line, first_line)
        if trap:
            line, column = trap.line + first_line, trap.column + 1
            problem = f"en-tête YAML illisible : {trap.message}"
        raise FrontMatterError(ContentError(display_path, line, column, "", problem)) from None
    if node is None:
        return None, Locations(found={})
    try:
        return _to_value(node), Locations(text, display_path, first_line)
    except _NeedsPositions:
        # A refused tag or a duplicate key: the walker that records positions names the line.
        walker = _NodeWalker(display_path, first_line)
        value = walker.convert(node, ())
        return value, Locations(found=walker.locations)


# libyaml's parser (PyYAML's C binding) composes the same nodes, with the same marks, about
# ten times faster than the pure-Python one: it matters with thousands of files. Its error
# messages are worded differently, so a file it refuses is parsed again by the pure-Python
# parser, whose messages the French translations below were written for.
_C_LOADER = getattr(yaml, "CSafeLoader", None)

# The first characters of the plain values that the safe loader reads as something other than
# text (numbers, booleans, null, dates, merge keys); any other plain value is text. Those that
# are letters start only a boolean or null, one of these words exactly (tests/test_frontmatter.py
# compares with the safe loader): any other value starting with a letter is text.
_IMPLICIT_FIRST = frozenset(key for key in yaml.SafeLoader.yaml_implicit_resolvers if key)
_IMPLICIT_WORDS = frozenset(
    word for base in ("yes", "no", "true", "false", "on", "off", "null")
    for word in (base, base.capitalize(), base.upper()))


if _C_LOADER is not None and None not in yaml.SafeLoader.yaml_implicit_resolvers:  # no wildcard
    class _QuickLoader(_C_LOADER):  # type: ignore[misc, valid-type]
        """libyaml asks the resolver for the type of every value: a quick answer for text,
        the most common (a third of the composing time otherwise)."""

        def resolve(self, kind, value, implicit):
            if kind is yaml.ScalarNode and implicit[0] and value and (
                    value[0] not in _IMPLICIT_FIRST or (value[0].isalpha() and value not in _IMPLICIT_WORDS)):
                return _STR_TAG
            return super().resolve(kind, value, implicit)

    _FAST_LOADER = _QuickLoader
else:
    _FAST_LOADER = None


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


class _NeedsPositions(Exception):
    """Raised by the quick reading when a file has an error whose message needs a position."""


_SCALAR_CONSTRUCTOR = yaml.SafeLoader("")  # only its scalar constructors are used


def _scalar_value(node: yaml.ScalarNode) -> Any:
    # Text, by far the most common, is the node's value as it is: the constructor's
    # general path costs a fifth of the reading time of a catalogue.
    if node.tag == _STR_TAG:
        return node.value
    try:
        value = _SCALAR_CONSTRUCTOR.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError):
        # An impossible date such as 2025-13-01, or a lone « = » (a YAML 1.1 "value" key that
        # the safe loader cannot build): keep the text, the schema will name it if it is wrong.
        return node.value
    # Dates are kept as ISO text: the schemas speak JSON, which has no date type.
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


# The tags the safe loader resolves plain values to: a set lookup spares two prefix tests on
# each of the hundreds of thousands of nodes of a large catalogue.
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary", "merge", "omap", "pairs", "set", "value"))


def _refused_tag(tag: str) -> bool:
    if tag in _PLAIN_TAGS:
        return False
    return tag.startswith("!") or tag.startswith("tag:yaml.org,2002:python/")


def _to_value(node: yaml.Node) -> Any:
    """The value of a node tree, without positions; the same value as `_NodeWalker.convert`."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR_TAG:  # most values: handled here without a further call
            return node.value
        if _refused_tag(node.tag):
            raise _NeedsPositions
        return _scalar_value(node)
    if _refused_tag(node.tag):
        raise _NeedsPositions
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or _refused_tag(key_node.tag):
                raise _NeedsPositions
            key = _scalar_value(key_node)
            if key in result:
                raise _NeedsPositions
            # Text values inline: a call per value is a good part of the reading time.
            result[key] = value_node.value if value_node.tag == _STR_TAG else _to_value(value_node)
        return result
    return [item.value if item.tag == _STR_TAG else _to_value(item) for item in node.value]


class _NodeWalker:
    def __init__(self, display_path: str, first_line: int):
        self.display_path = display_path
        self.first_line = first_line
        self.locations: dict[FieldPath, Location] = {}

    def locate(self, node: yaml.Node) -> Location:
        return node.start_mark.line + self.first_line, node.start_mark.column + 1

    def refuse_tag(self, node: yaml.Node) -> None:
        if _refused_tag(node.tag):
            line, column = self.locate(node)
            raise FrontMatterError(ContentError(
                self.display_path, line, column, "",
                f"la balise YAML « {node.tag} » n'est pas autorisée : écrivez une valeur simple.",
            ))

    def convert(self, node: yaml.Node, path: FieldPath) -> Any:
        self.locations.setdefault(path, self.locate(node))
        self.refuse_tag(node)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                self.refuse_tag(key_node)  # a tag on a field name, too
                if not isinstance(key_node, yaml.ScalarNode):
                    line, column = self.locate(key_node)
                    raise FrontMatterError(ContentError(
                        self.display_path, line, column, "",
                        "un nom de champ doit être un simple mot, pas une liste ni un groupe.",
                    ))
                key = _scalar_value(key_node)
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
        return _scalar_value(node)
