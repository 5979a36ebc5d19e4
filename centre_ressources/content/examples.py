"""A few lines of YAML showing how to write a block, drawn from its schema's examples.

A contributor who leaves out a required block, or writes a list as one line of text, is
shown the shape to copy: the block's required fields, each with the schema's own example.
"""

from __future__ import annotations

import json
from typing import Any

_INDENT = "    "  # under the error line, which the report indents by two spaces


def resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return {**root["$defs"][ref.removeprefix("#/$defs/")], **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def is_block(schema: dict[str, Any]) -> bool:
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return "object" in kinds or "array" in kinds


def example_lines(name: str, schema: dict[str, Any], root: dict[str, Any]) -> list[str]:
    """`name:` and its block, as YAML lines; [] unless the schema has an example for each field."""
    body = _block(resolve(schema, root), root, "  ")
    lines = [f"{name}:", *body] if body else []
    return lines if _complete(lines) else []


def _complete(lines: list[str]) -> bool:
    """Every field has its value, or the block below it: no line left to guess."""
    for index, line in enumerate(lines):
        if line.endswith(": …"):
            return False
        if line.endswith(":"):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if len(following) - len(following.lstrip(" -")) <= len(line) - len(line.lstrip(" -")):
                return False
    return True


def with_example(message: str, lines: list[str]) -> str:
    if not lines:
        return message
    return message + " Par exemple :\n" + "\n".join(_INDENT + line for line in lines)


def _block(schema: dict[str, Any], root: dict[str, Any], indent: str) -> list[str]:
    if "properties" in schema:
        return [indent + line for line in _fields(schema, root)]
    items = resolve(schema.get("items", {}), root)
    if "properties" in items:
        fields = _fields(items, root)
        return [indent + ("- " if i == 0 else "  ") + line for i, line in enumerate(fields)]
    example = _example(items) or _first(_example(schema))
    return [f"{indent}- {_scalar(example)}"] if example is not None else []


def _fields(schema: dict[str, Any], root: dict[str, Any]) -> list[str]:
    lines = []
    for key in schema.get("required", ()):
        child = resolve(schema["properties"][key], root)
        if is_block(child) and _example(child) is None:
            lines += [f"{key}:", *_block(child, root, "  ")]
        else:
            example = _example(child)
            lines.append(f"{key}: {_scalar(example)}" if example is not None else f"{key}: …")
    return lines


def _example(schema: dict[str, Any]) -> Any:
    examples = schema.get("examples") or []
    return examples[0] if examples else None


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else None


def _scalar(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, str) and (value.isdigit() or ": " in value or value[:1] in "\"'[{&*#|>%@`"):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
