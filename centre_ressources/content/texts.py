"""Every piece of text a contributor wrote in a file, with the file line it starts on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any

from centre_ressources.content.frontmatter import FieldPath
from centre_ressources.content.records import Origin
from centre_ressources.content.validate import field_name
from centre_ressources.errors import ContentError


class Text:
    """One contributed text. Its line and field name are found only when asked for: most texts
    pass every check, and a line is found by walking the file's whole YAML again."""

    __slots__ = ("text", "in_body", "_origin", "_path", "_line")

    def __init__(self, text: str, origin: Origin, path: FieldPath | None, in_body: bool = False):
        self.text = text
        self.in_body = in_body  # body lines map one to one to file lines; folded YAML text does not
        self._origin = origin
        self._path = path  # None for the Markdown body
        self._line: int | None = None

    @property
    def line(self) -> int:
        """The file line of the text's first line."""
        if self._line is None:
            self._line = self._origin.body_line if self._path is None else self._origin.line(*self._path)
        return self._line

    @property
    def field(self) -> str:
        """"" for the Markdown body."""
        return "" if self._path is None else field_name(self._path)


class FileTexts:
    """Every text a contributor wrote in one file: the front matter's values and the body.

    Made when the file is read and handed to each check that reads texts (unsafe markup, then
    the links once the pages exist); its joined text in lower case is made once, for all."""

    def __init__(self, origin: Origin, body: str):
        self.origin = origin
        self.body = body

    def each(self) -> Iterator[Text]:
        yield from _walk(self.origin, self.origin.data, ())
        if self.body.strip():
            yield Text(self.body, self.origin, None, in_body=True)

    @cached_property
    def _lowered(self) -> str:
        return f"{self.body}\n{_joined_strings(self.origin.data)}".lower()

    def scan(self, may_concern: Callable[[str], object],
             scan: Callable[[str, Text], list[ContentError]]) -> list[ContentError]:
        """The errors `scan` finds in each text, when `may_concern` holds for the joined text."""
        if not self.may_match(may_concern):
            return []
        errors: list[ContentError] = []
        for text in self.each():
            errors.extend(scan(self.origin.path, text))
        return errors

    def may_match(self, test: Callable[[str], object]) -> bool:
        """Whether `test` holds for all the texts joined, in lower case: a quick test that lets
        a check skip a file without a `Text` (field name, line) for each of its values; a match
        in any one text is a match in the joined text, so it only errs towards yes."""
        return bool(test(self._lowered))


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
        yield Text(value, origin, path)
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
