"""Read a content file: YAML front matter (with the line of every value) plus a Markdown body.

The YAML itself is read by yaml_values.py; its syntax errors are worded in French, with
their usual cause named, by yaml_traps.py.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from centre_ressources.content import yaml_traps
from centre_ressources.content.yaml_values import FieldPath, Location, Locations, read_values
from centre_ressources.errors import ContentError, FrontMatterError

__all__ = ["FieldPath", "FrontMatterError", "Location", "Locations", "SourceDocument", "parse_document", "parse_yaml",
           "read_source", "read_text"]

FENCE = "---"
_YAML_ONLY_LINE_ENDS = {0x2028: " ", 0x2029: " ", 0x85: " "}
_YAML_ONLY_LINE_END_CHARACTERS = tuple(map(chr, _YAML_ONLY_LINE_ENDS))


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
            display_path, 1, 1, "",
            "le fichier est vide : il doit commencer par un en-tête YAML entre deux lignes « --- ».",
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
    # YAML counts these three as line ends, the file's lines do not: as spaces (the same
    # length), every line and column YAML reports is the file's. Looked for first: `translate`
    # with a mapping goes character by character in Python, a quarter of the time of reading.
    if any(character in text for character in _YAML_ONLY_LINE_END_CHARACTERS):
        text = text.translate(_YAML_ONLY_LINE_ENDS)
    try:
        return read_values(text, display_path, first_line)
    except yaml.MarkedYAMLError as exc:
        line, column, problem = yaml_traps.french_problem(exc, text, first_line)
        raise FrontMatterError(ContentError(display_path, line, column, "", problem)) from None
    except yaml.reader.ReaderError as exc:  # a control character YAML does not accept
        line, column, problem = yaml_traps.forbidden_character(exc, text, first_line)
        raise FrontMatterError(ContentError(display_path, line, column, "", problem)) from None
    except ValueError:  # an escape beyond Unicode ("\U0011FFFF"), from PyYAML's scanner
        line, column, problem = yaml_traps.impossible_escape(text, first_line)
        raise FrontMatterError(ContentError(display_path, line, column, "", problem)) from None
