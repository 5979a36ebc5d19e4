"""A sheet's keywords each name an address, so each holds a letter or a digit.

A keyword is a chip linking to its anchor on the keyword page (`#tag:evaluation`) and a choice
of the catalogue's filter (`?mot_cle=evaluation`), both its slug (accents folded, letters and
digits kept). A keyword of punctuation only (« !! ») or of letters the slug cannot keep (other
alphabets than the Latin one) would have an empty slug: its anchor would be « tag: », shared
with every other such keyword.
"""

from __future__ import annotations

from centre_ressources.content.frontmatter import SourceDocument
from centre_ressources.content.slugs import WITHOUT_LETTER, slugify
from centre_ressources.errors import ContentError


def keyword_problems(doc: SourceDocument) -> list[ContentError]:
    """For a sheet whose front matter already passed its schema."""
    errors = []
    for position, word in enumerate(doc.data.get("mots_cles", ())):
        if not slugify(word):
            line, column = doc.location(("mots_cles", position))
            errors.append(ContentError(doc.path, line, column, f"mots_cles[{position + 1}]",
                                       f"le mot-clé « {word} » {WITHOUT_LETTER}"))
    return errors
