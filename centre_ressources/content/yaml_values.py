"""YAML text -> value, and where each value sits in its file.

One contract, `read_values`, two readings: the reference `walk` over PyYAML's composed nodes
(keeps positions, refuses duplicate keys and tags), and the quick `quick_value` over libyaml's
composer, which gives up (`NeedsWalker`) on anything the reference would refuse, so that the
reference names the line. Both give the same value for every text
(tests/unit/content/test_yaml_values.py); benchmarks/LISEZMOI.md says why the quick one exists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

import yaml

from centre_ressources.content.yaml_depth import refuse_deep_nesting
from centre_ressources.errors import ContentError, FrontMatterError

Location = tuple[int, int]  # (line, column), both 1-based, in the file
FieldPath = tuple[Any, ...]


def read_values(text: str, display_path: str, first_line: int = 1) -> tuple[Any, Locations]:
    """The value of a YAML text, and a lazy map of where each value sits. Raises
    yaml.MarkedYAMLError for a syntax error, FrontMatterError for a refused tag or key, or for
    blocks nested too deep to be composed."""
    refuse_deep_nesting(text, display_path, first_line)
    node = compose(text)
    if node is None:
        return None, Locations(found={})
    try:
        if "&" in text:  # maybe an anchor, so maybe an alias: the walker refuses those of blocks
            raise NeedsWalker
        return quick_value(node), Locations(text, display_path, first_line)
    except NeedsWalker:
        walker = Walker(display_path, first_line)
        value = walker.convert(node, ())
        return value, Locations(found=walker.locations)


class Locations(Mapping[FieldPath, Location]):
    """Where each value of a YAML text sits in its file, found only when first asked for.

    Only an error message needs a position, and most files have none: their values are read
    without recording where each one sits."""

    def __init__(self, yaml_text: str = "", display_path: str = "", first_line: int = 1,
                 found: dict[FieldPath, Location] | None = None):
        self._source = (yaml_text, display_path, first_line)
        self._found = found

    def _all(self) -> dict[FieldPath, Location]:
        if self._found is None:
            text, display_path, first_line = self._source
            node = compose(text)
            walker = Walker(display_path, first_line)
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


# libyaml's parser (PyYAML's C binding) composes the same nodes, with the same marks, much
# faster than the pure-Python one (benchmarks/LISEZMOI.md). Its error messages are worded
# differently, so a file it refuses is parsed again by the pure-Python parser, whose messages
# the French translations (yaml_traps.py) were written for.
_C_LOADER = getattr(yaml, "CSafeLoader", None)

# The first characters of the plain values that the safe loader reads as something other than
# text (numbers, booleans, null, dates, merge keys); any other plain value is text. Those that
# are letters start only a boolean or null, one of these words exactly (tests/unit/content/test_frontmatter.py
# compares with the safe loader): any other value starting with a letter is text.
_IMPLICIT_FIRST = frozenset(key for key in yaml.SafeLoader.yaml_implicit_resolvers if key)
_IMPLICIT_WORDS = frozenset(
    word for base in ("yes", "no", "true", "false", "on", "off", "null")
    for word in (base, base.capitalize(), base.upper()))


if _C_LOADER is not None and None not in yaml.SafeLoader.yaml_implicit_resolvers:  # no wildcard
    class _QuickLoader(_C_LOADER):  # type: ignore[misc, valid-type]
        """libyaml asks the resolver for the type of every value: a quick answer for text,
        the most common."""

        def resolve(self, kind, value, implicit):
            if kind is yaml.ScalarNode and implicit[0] and value and (
                    value[0] not in _IMPLICIT_FIRST or (value[0].isalpha() and value not in _IMPLICIT_WORDS)):
                return _STR_TAG
            return super().resolve(kind, value, implicit)

    _FAST_LOADER = _QuickLoader
else:
    _FAST_LOADER = None  # type: ignore[assignment, misc]


def compose(text: str) -> yaml.Node | None:
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


_STR_TAG = "tag:yaml.org,2002:str"


class NeedsWalker(Exception):
    """Raised by the quick reading when a file has an error whose message needs a position."""


_SCALAR_CONSTRUCTOR = yaml.SafeLoader("")  # only its scalar constructors are used


def _scalar_value(node: yaml.ScalarNode) -> Any:
    # Text, by far the most common, is the node's value as it is, without the constructor's
    # general path.
    if node.tag == _STR_TAG:
        return node.value
    try:
        value = _SCALAR_CONSTRUCTOR.construct_object(node, deep=True)
    except Exception:
        # An impossible date such as 2025-13-01, a lone « = » (a YAML 1.1 "value" key that the
        # safe loader cannot build), or an explicit tag on a value it does not fit (`!!bool x`,
        # `!!timestamp x`, an empty `!!int`: PyYAML's constructors then raise anything): keep
        # the text, the schema will name it if it is wrong.
        return node.value
    # Dates are kept as ISO text: the schemas speak JSON, which has no date type.
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


# The tags the safe loader resolves plain values to: a set lookup spares two prefix tests on
# each node.
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary", "merge", "omap", "pairs", "set",
    "value"))


_SCALAR = yaml.ScalarNode
# Tags of plain values, which a block (a list, a group of fields) cannot carry.
_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "timestamp", "binary", "merge", "value"))


def _refused_tag(tag: str) -> bool:
    if tag in _PLAIN_TAGS:
        return False
    return tag.startswith("!") or tag.startswith("tag:yaml.org,2002:python/")


def quick_value(node: yaml.Node) -> Any:
    """The value of a node tree, without positions; the same value as `Walker.convert`."""
    return _quick(node)


def _quick(node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR_TAG:  # most values: handled here without a further call
            return node.value
        if _refused_tag(node.tag):
            raise NeedsWalker
        return _scalar_value(node)
    if _refused_tag(node.tag) or node.tag in _SCALAR_TAGS:
        raise NeedsWalker
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or _refused_tag(key_node.tag):
                raise NeedsWalker
            key = _scalar_value(key_node)
            if key in result:
                raise NeedsWalker
            # Text values inline: a call per value is a good part of the reading time.
            result[key] = (value_node.value if value_node.tag == _STR_TAG and value_node.__class__ is _SCALAR
                           else _quick(value_node))
        return result
    return [item.value if item.tag == _STR_TAG and item.__class__ is _SCALAR else _quick(item)
            for item in node.value]


class Walker:
    """The reference reading: every value, its position, and what is refused."""

    def __init__(self, display_path: str, first_line: int):
        self.display_path = display_path
        self.first_line = first_line
        self.locations: dict[FieldPath, Location] = {}
        self.blocks: set[int] = set()

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
        if not isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS:
            line, column = self.locate(node)
            raise FrontMatterError(ContentError(
                self.display_path, line, column, "",
                f"la balise YAML « {node.tag.removeprefix('tag:yaml.org,2002:')} » s'applique à une valeur "
                "simple, pas à une liste ni à un groupe de champs : retirez-la."))
        if not isinstance(node, yaml.ScalarNode):
            # An alias (« *nom ») repeats a block written earlier: nested, a few lines of them
            # would make millions of values. Each block is written out in full instead.
            if id(node) in self.blocks:
                line, column = self.locations[path]
                raise FrontMatterError(ContentError(
                    self.display_path, line, column, "",
                    "un alias YAML (« *nom ») répète ici un bloc écrit plus haut : écrivez le bloc en entier "
                    "(les ancres « & » et alias « * » de blocs ne sont pas acceptés)."))
            self.blocks.add(id(node))
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
        assert isinstance(node, yaml.ScalarNode)
        return _scalar_value(node)
