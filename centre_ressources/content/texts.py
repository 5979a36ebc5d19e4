"""Every piece of text a contributor wrote in a file, with the file line it starts on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from centre_ressources.content.frontmatter import FieldPath
from centre_ressources.content.records import Origin
from centre_ressources.content.validate import field_name


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
    """Whether `test` holds for the contributed texts, all joined and in lower case: a quick
    test that lets a check skip a file without building a `Text` (field name, line) for each
    of its hundreds of values. The joined text is made once per file and shared by the checks
    (the memo of its Origin); a match in any value is a match in it, so the quick test only
    errs towards yes."""
    joined = origin.memo.get("lowered_texts")
    if joined is None or origin.memo.get("lowered_body") is not body:
        joined = origin.memo["lowered_texts"] = f"{body}\n{_joined_strings(origin.data)}".lower()
        origin.memo["lowered_body"] = body
    return bool(test(joined))


def _joined_strings(value: Any) -> str:
    """Every text inside `value`, joined by line ends (in no particular order)."""
    found: list[str] = []
    pending = [value]
    while pending:  # a loop rather than recursion: hundreds of thousands of values
        item = pending.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return "\n".join(found)


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
