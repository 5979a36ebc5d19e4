"""Split a Markdown body into its level-2 sections, and check the ones a sheet must have."""

from __future__ import annotations

import re
from dataclasses import dataclass

from centre_ressources.content.markdown_code import lines_outside_code
from centre_ressources.content.slugs import slugify
from centre_ressources.errors import ContentError

_HEADING = re.compile(r"^##\s+(?P<title>[^#].*?)\s*#*\s*$")

# The prose sections every method sheet must have, in the order the page shows them.
REQUIRED_SHEET_SECTIONS = ("Quand l'utiliser", "Préparation", "Conseils et pièges", "Variantes")


@dataclass(frozen=True)
class Section:
    title: str  # "" for the text before the first heading
    text: str
    line: int  # file line of the heading (or of the body start)

    @property
    def key(self) -> str:
        return slugify(self.title)


def split_sections(body: str, body_line: int = 1) -> list[Section]:
    lines = body.split("\n")
    # a heading starts with "##": the regex is tried on those lines only
    headings = [(i, match) for i, (line, is_text) in enumerate(lines_outside_code(lines, body))
                if is_text and line.startswith("##") and (match := _HEADING.match(line))]
    sections: list[Section] = []
    title, start, first = "", body_line, 0
    for index, match in headings:
        sections.append(Section(title, "\n".join(lines[first:index]).strip("\n"), start))
        title, start, first = match["title"], body_line + index, index + 1
    sections.append(Section(title, "\n".join(lines[first:]).strip("\n"), start))
    return [s for s in sections if s.title or s.text.strip()]


def missing_sheet_sections(path: str, body: str, body_line: int) -> list[ContentError]:
    present = {section.key: section for section in split_sections(body, body_line)}
    errors = []
    for title in REQUIRED_SHEET_SECTIONS:
        section = present.get(slugify(title))
        if section is None:
            errors.append(ContentError(
                path, body_line, 1, "",
                f"la section « ## {title} » manque dans le texte de la fiche (sous l'en-tête YAML).",
            ))
        elif not section.text.strip():
            errors.append(ContentError(path, section.line, 1, "", f"la section « ## {title} » est vide."))
    return errors
