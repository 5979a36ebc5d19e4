"""Slugs: lowercase ASCII words joined by hyphens, derived from French titles."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Ligatures are not decomposed by NFKD, so they are folded by hand.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Said of a keyword or a glossary term whose slug (its anchor) would be empty.
WITHOUT_LETTER = ("n'a ni lettre latine ni chiffre : son adresse, faite de ses lettres sans accents et de ses "
                  "chiffres, serait vide ; écrivez-y au moins une lettre (accentuée ou non) ou un chiffre.")


# The same few titles (sections, keywords) are slugified tens of thousands of times in a build
# of a thousand items (benchmarks/LISEZMOI.md); remembered, as a pure function of the text.
@lru_cache(maxsize=16384)
def slugify(title: str) -> str:
    """Fold accents and ligatures, keep letters and digits, join words with hyphens."""
    folded = unicodedata.normalize("NFKD", title.translate(_LIGATURES))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))


def heading_slug(text: str, separator: str = "-") -> str:
    """A heading's id, made as the table of contents makes it (Python-Markdown's rule, the
    `toc` extension's `slugify` in mkdocs.yml), then kept in the contributed namespace: never a
    leading or trailing separator (Material's own ids start with "__"), never two in a row (the
    site's script ids hold "--": content/contributed_markup.py)."""
    from markdown.extensions.toc import slugify as markdown_slugify  # loaded when a page is read

    slug = _SEPARATOR_RUN.sub(lambda run: "-" if "-" in run[0] else "_", markdown_slugify(text, separator))
    return slug.strip("-_") or "section"


_SEPARATOR_RUN = re.compile(r"[-_]{2,}")


def is_slug(text: str) -> bool:
    return bool(SLUG_PATTERN.match(text))


def slug_advice(name: str) -> str:
    """Why `name` cannot be a slug, and how to write one (file names, `new`)."""
    return (f"le nom « {name} » ne convient pas : utilisez des minuscules sans accents, "
            "des chiffres et des tirets, par exemple « charte-de-cooperation ».")
