"""The rules each content file is judged by as it is read, kind by kind, in one place.

`file_problems` is the `FileRules` that pipeline.py hands to content/ (content/reading.py):
reading never imports the checks, and a reader that remembers (content/load_cache.py) keeps
their verdict with the record, since it depends on the file alone (and, for a case study, on
the files beside it).
"""

from __future__ import annotations

from pathlib import Path

from centre_ressources.checks.contributed_texts import text_problems
from centre_ressources.checks.impossible_values import impossible_sheet_values
from centre_ressources.checks.keywords import keyword_problems
from centre_ressources.checks.limits import oversized_pictures, too_long_lists
from centre_ressources.checks.picture_files import picture_problems
from centre_ressources.checks.placeholders import placeholder_errors, without_placeholder_fields
from centre_ressources.checks.workshop_rules import workshop_rules
from centre_ressources.content.frontmatter import SourceDocument
from centre_ressources.content.reading import files_beside, pictures_beside
from centre_ressources.content.sections import missing_sheet_sections
from centre_ressources.content.texts import FileTexts
from centre_ressources.errors import ContentError

GLOSSARY = "glossaire"


def file_problems(kind: str, doc: SourceDocument, texts: FileTexts | None,
                  schema_errors: list[ContentError], path: Path, root: Path) -> list[ContentError]:
    """Every problem of one file read, the schema's among them, in the order they are reported."""
    if kind == GLOSSARY:  # its texts are looked at only if it is a mapping at all
        return schema_errors + (text_problems(texts) if texts is not None else [])
    assert texts is not None, "a record's file always has its texts"
    placeholders = placeholder_errors(doc, texts)
    found = without_placeholder_fields(schema_errors, placeholders) + placeholders + too_long_lists(doc)
    if kind == "fiche" and not schema_errors:
        found += impossible_sheet_values(doc) + workshop_rules(doc) + keyword_problems(doc)
    found += text_problems(texts)
    if kind == "fiche":
        found += missing_sheet_sections(doc.path, doc.body, doc.body_line)
    if kind == "etude-de-cas":
        found += oversized_pictures(pictures_beside(path), root) + picture_problems(files_beside(path), root)
    return found
