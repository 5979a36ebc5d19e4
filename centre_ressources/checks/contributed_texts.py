"""Every check that reads the texts a contributor wrote, in one call, for each kind of file
(sheets, cases, phases, paths and the glossary alike)."""

from __future__ import annotations

from centre_ressources.checks.characters import unwritable_characters
from centre_ressources.checks.html_structure import html_structure
from centre_ressources.checks.markdown_attributes import markdown_attributes
from centre_ressources.checks.markdown_depth import markdown_depth
from centre_ressources.checks.remote_resources import remote_resources
from centre_ressources.checks.unsafe_markup import unsafe_markup
from centre_ressources.content.texts import FileTexts
from centre_ressources.errors import ContentError


def text_problems(texts: FileTexts) -> list[ContentError]:
    """Characters that cannot be written, nesting past the limit, raw HTML left open or outside
    the allowlist, attributes, and files from other hosts."""
    return (unwritable_characters(texts) + markdown_depth(texts) + html_structure(texts) + unsafe_markup(texts)
            + markdown_attributes(texts) + remote_resources(texts))
