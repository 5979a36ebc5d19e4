"""Content errors, worded in French for contributors, located at file:line:column."""

from __future__ import annotations

import re
from dataclasses import dataclass

# What a message may quote from a contribution but cannot print as it is: a lone surrogate
# (no encoding writes it) and control characters (a terminal would obey them), but for the
# line ends and tabs of the messages themselves.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with each character that cannot be printed as it is written « U+XXXX »."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda m: f"U+{ord(m.group(0)):04X}", text)


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one contributed file."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __post_init__(self) -> None:
        for name in ("path", "field", "message"):
            object.__setattr__(self, name, printable(getattr(self, name)))

    def format(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        if self.field:
            return f"{where} : champ « {self.field} » : {self.message}"
        return f"{where} : {self.message}"


class ContentErrors(Exception):
    """Raised with every error found in one run, sorted by file and line."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "erreur" if count == 1 else "erreurs"
        lines = [f"{count} {noun} dans les contenus :"]
        lines += [f"  {error.format()}" for error in self.errors]
        return "\n".join(lines)


class SiteConflict(Exception):
    """A hand-written file of docs/ at the address of a generated one (message in French)."""


class FrontMatterError(Exception):
    """The one error that stops the reading of a file (unreadable YAML, a refused tag…)."""

    def __init__(self, error: ContentError):
        self.error = error
        super().__init__(error.format())
