"""Every piece of text a contributor wrote in a file, with the file line it starts on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

from .frontmatter import FieldPath
from .model import Origin
from .validate import field_name


@dataclass(frozen=True)
class Text:
    text: str
    line: int  # file line of the text's first line
    field: str  # "" for the Markdown body
    in_body: bool  # body lines map one to one to file lines; folded YAML text does not


def contributed_texts(origin: Origin, body: str) -> Iterator[Text]:
    yield from _walk(origin, origin.data, ())
    if body.strip():
        yield Text(body, origin.body_line, "", True)


def any_text_matches(origin: Origin, body: str, test: Callable[[str], object]) -> bool:
    """Whether `test` holds for any contributed text: a quick test that lets a check skip a
    file without building a `Text` (field name, line) for each of its hundreds of values."""
    return bool(test(body)) or any(test(text) for text in _strings(origin.data))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _walk(origin: Origin, value: Any, path: FieldPath) -> Iterator[Text]:
    if isinstance(value, str):
        yield Text(value, origin.line(*path), field_name(path), False)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(origin, item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(origin, item, path + (index,))


def line_within(text: Text, offset: int) -> int:
    """The file line of a character offset inside a contributed text."""
    if not text.in_body:
        return text.line
    return text.line + text.text.count("\n", 0, offset)
