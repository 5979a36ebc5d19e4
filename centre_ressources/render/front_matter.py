"""The front matter of a generated page: data written by a YAML serializer, never text.

Each value, contributed ones among them, is one double-quoted YAML string, so that none can
close its string, add a key or end the header. The themes write the title and description into
the HTML as they are, so those two are escaped here (`HTML_FIELDS`); the project's own overrides
escape the other fields themselves.
"""

from __future__ import annotations

import html
import re
from typing import Any

import yaml

HTML_FIELDS = ("title", "description")
_FENCE = "---\n"


class _Dumper(yaml.SafeDumper):
    """Strings double-quoted on one line: nothing a value holds can start a line of the header."""


_STR = "tag:yaml.org,2002:str"
_PLAIN_KEY = re.compile(r"[a-z_]+")  # a field name written without quotes (the templates' own)


_SURROGATE = re.compile("[\ud800-\udfff]")  # no reader takes one back (check refuses them)


def _quoted(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar(_STR, _SURROGATE.sub("\ufffd", value), style='"')


def _fields(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.MappingNode:
    pairs = []
    for key, value in data.items():
        name = yaml.ScalarNode(_STR, key) if _PLAIN_KEY.fullmatch(key) else dumper.represent_data(key)
        pairs.append((name, dumper.represent_data(value)))
    return yaml.MappingNode("tag:yaml.org,2002:map", pairs, flow_style=False)


_Dumper.add_representer(str, _quoted)
_Dumper.add_representer(dict, _fields)


def front_matter(**fields: Any) -> str:
    """The header of a page: `---`, the fields in the order given, `---`."""
    data = {key: html.escape(str(value)) if key in HTML_FIELDS else value for key, value in fields.items()}
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=float("inf"),
                     default_flow_style=False)
    return f"{_FENCE}{text}{_FENCE}"


def split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    """A generated page's fields and body (the fields as `front_matter` wrote them)."""
    if not markdown.startswith(_FENCE):
        return {}, markdown
    end = markdown.index(f"\n{_FENCE}", len(_FENCE) - 1)
    header = markdown[len(_FENCE):end + 1]
    return yaml.safe_load(header) or {}, markdown[end + 1 + len(_FENCE):]


def with_fields(markdown: str, **fields: Any) -> str:
    """The page with more fields in its front matter (given as data, HTML fields unescaped)."""
    current, body = split_front_matter(markdown)
    for key in HTML_FIELDS:
        if key in current:
            current[key] = html.unescape(current[key])
    return front_matter(**current, **fields) + body
