"""How deeply the lists and groups of a YAML text nest, refused beyond a limit at its line.

PyYAML composes its node tree by recursion, and so do the readings and the validation after
it: a few thousand brackets (`a: [[[[…]]]]`) or indented blocks would end the run with a
RecursionError. The parser's events come one by one, without recursion: their depth is
counted before anything is composed. Most texts cannot nest deep at all, which a bound from
their characters shows without parsing (`could_nest_beyond`).
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from centre_ressources.errors import ContentError, FrontMatterError

MAX_YAML_DEPTH = 32  # lists and groups of fields inside one another; the contents use four

_LOADERS = tuple(loader for loader in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader) if loader)
_OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
# What may come before the first entry of a block on its line: indentation, the indicators
# of the entries it sits in (« - », « ? », « : ») and their anchors or tags.
_LINE_PREFIX = re.compile(r"^(?:[ \t?:-]|[&!][^ \t\n]*)*", re.M)


def could_nest_beyond(text: str, limit: int) -> bool:
    """False when the text surely nests `limit` levels or fewer.

    A block starts on a column further right than the block it sits in, but for a list
    written under its field's name (at the same column), which cannot hold another such
    list directly: so a block `d` levels deep starts at column (d - 2) / 2 at least, and
    what stands before it on its line is in `_LINE_PREFIX`. A list or group in brackets
    nests only in blocks, one level per bracket."""
    brackets = text.count("[") + text.count("{")
    widest_allowed = (limit - 2 - brackets) // 2  # the widest line prefix that keeps within `limit`
    if widest_allowed < 0:
        return True
    if "&" in text or "!" in text:  # anchors and tags: prefixes of any width
        return max(map(len, _LINE_PREFIX.findall(text)), default=0) > widest_allowed
    return _prefix_wider_than(widest_allowed).search("\n" + text) is not None


@cache
def _prefix_wider_than(width: int) -> re.Pattern[str]:
    # Searched from each line end: far quicker than trying every position for a line start.
    return re.compile(rf"\n[ \t?:-]{{{width + 1}}}")


def refuse_deep_nesting(text: str, display_path: str, first_line: int = 1) -> None:
    """Raise FrontMatterError at the line where the nesting passes MAX_YAML_DEPTH.

    A text that YAML cannot read is left to the reading that follows, which names its error."""
    if not could_nest_beyond(text, MAX_YAML_DEPTH):
        return
    for loader in _LOADERS:
        try:
            _count_depth(text, loader, display_path, first_line)
            return
        except yaml.YAMLError:
            continue  # libyaml stops at a thousand brackets: the pure-Python parser goes on


def _count_depth(text: str, loader: type, display_path: str, first_line: int) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, _OPENING):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                line, column = (event.start_mark.line, event.start_mark.column) if event.start_mark else (0, 0)
                raise FrontMatterError(ContentError(display_path, line + first_line, column + 1, "", (
                    f"en-tête YAML trop imbriqué : ici, les listes et groupes de champs s'emboîtent sur plus de "
                    f"{MAX_YAML_DEPTH} niveaux (un contenu en compte quatre ou cinq) ; écrivez les valeurs "
                    "plus à plat.")))
        elif isinstance(event, _CLOSING):
            depth -= 1
