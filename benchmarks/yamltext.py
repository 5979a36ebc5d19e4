"""YAML reading and writing for the benchmark's copies (front matter and mkdocs.yml).

mkdocs.yml may hold tags such as `!!python/name:...` or `!ENV`: they are kept as opaque tagged
values and written back unchanged, so that a copy of the configuration stays loadable by MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True)
class Tagged:
    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: _Loader, tag_suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


def _represent_tagged(dumper: _Dumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def load(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def split_front_matter(text: str) -> tuple[dict, str]:
    """`---\\n<yaml>\\n---\\n<body>` -> (data, body)."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        raise ValueError("no front matter")
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    return load("\n".join(lines[1:closing])) or {}, "\n".join(lines[closing + 1:])


def join_front_matter(data: dict, body: str) -> str:
    return f"---\n{dump(data)}---\n{body}"
