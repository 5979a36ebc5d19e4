"""The sheets' keywords written into the exported Markdown, where Material's tags plugin puts
them in a build: the chips at the top of each sheet and the listing of the keyword page.

The plugin needs Python callables in its configuration (the ASCII anchors, the sort with
accents folded: centre_ressources/material/tags.py), which a builder without hooks cannot
load; the same markup as the plugin's is written here, with the same anchors and order.
"""

from __future__ import annotations

import json

from centre_ressources import urls
from centre_ressources.catalogue import Catalogue
from centre_ressources.content.slugs import slugify
from centre_ressources.render.facets import keywords

LISTING_MARKER = "<!-- material/tags -->"


def _anchor(word: str) -> str:
    return f"tag:{slugify(word)}"


def tag_chips(page_uri: str, words: tuple[str, ...] | list[str]) -> str:
    """The chips of one page, each a link to its keyword on the keyword page, in the
    keyword page's order (accents folded), as the plugin sorts them."""
    links = " ".join(f"[{word}]({urls.relative(page_uri, urls.KEYWORDS, _anchor(word))}){{ .md-tag }}"
                     for word in sorted(words, key=slugify))
    return f'<nav class="md-tags" markdown="span">{links}</nav>\n\n'


def keyword_listing(catalogue: Catalogue) -> str:
    """Each keyword, in the catalogue's order, with the sheets that carry it (by title)."""
    blocks = []
    for keyword in keywords(catalogue.sheets):
        sheets = sorted((s for s in catalogue.sheets if any(slugify(w) == keyword.slug for w in s.mots_cles)),
                        key=lambda sheet: slugify(sheet.titre))
        items = "\n".join(f"- [{sheet.titre}]({urls.relative(urls.KEYWORDS, urls.sheet_page(sheet.slug))})"
                          for sheet in sheets)
        blocks.append(f'## <span class="md-tag">{keyword.label}</span> {{ #tag:{keyword.slug} }}\n\n{items}\n')
    return "\n".join(blocks)


def with_keywords(page_uri: str, markdown: str, catalogue: Catalogue) -> str:
    """A generated page's Markdown with its keywords in place: the listing where the page
    asks for it, the chips before the title of a page whose front matter has `tags`; the
    `tags` themselves are left out of the front matter, so that no builder draws them twice."""
    if LISTING_MARKER in markdown:
        markdown = markdown.replace(LISTING_MARKER, keyword_listing(catalogue))
    if not markdown.startswith("---\n"):
        return markdown
    end = markdown.index("\n---\n", 4)
    header, body = markdown[4:end + 1], markdown[end + 5:]
    lines = header.splitlines(keepends=True)
    tag_lines = [line for line in lines if line.startswith("tags: ")]
    if not tag_lines:
        return markdown
    words = json.loads(tag_lines[0].removeprefix("tags: "))
    header = "".join(line for line in lines if not line.startswith("tags: "))
    return f"---\n{header}---\n{tag_chips(page_uri, words)}{body}"
