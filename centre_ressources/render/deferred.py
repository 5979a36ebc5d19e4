"""Parts of the generated pages that are put in place after Markdown has run, in the build.

Markdown gains nothing from reading them and they cost much at thousands of pages: the
pictures drawn from the data, the glossary links, and the HTML parts of the sheets and case
studies (html_blocks.py). So a picture or an HTML part is a placeholder paragraph, and a glossary
term its text between private-use characters; `restore` writes the final HTML once converted.
The core's tests keep the plain Markdown form.
"""

from __future__ import annotations

import re
import secrets

from centre_ressources import urls
from centre_ressources.render.html_blocks import place_blocks
from centre_ressources.render.pictures.markup import Html, as_markdown_block

# U+E000 slug U+E001 text U+E002: private-use characters, which no keyboard types.
_TERM_OPEN, _TERM_MIDDLE, _TERM_CLOSE = "\ue000", "\ue001", "\ue002"
# The text of a term is running text: if Markdown put a tag inside it (emphasis opened in the
# term and closed after it), the link is left out rather than written across the tag.
_TERM = re.compile(f"{_TERM_OPEN}([a-z0-9-]+){_TERM_MIDDLE}([^<{_TERM_OPEN}{_TERM_CLOSE}]*){_TERM_CLOSE}")
_STRAY_MARK = re.compile(f"{_TERM_OPEN}[a-z0-9-]*{_TERM_MIDDLE}|[{_TERM_OPEN}{_TERM_MIDDLE}{_TERM_CLOSE}]")


class DeferredParts:
    """The pictures and glossary links of the pages of one build, until each page is converted."""

    def __init__(self, terms: bool = True) -> None:
        # Unguessable, so that no text written in a content file can stand for a picture.
        self._token = f"centre-ressources-image-{secrets.token_hex(8)}"
        self._pictures: dict[str, list[str]] = {}
        # The export defers the pictures only: a builder other than MkDocs rewrites the
        # relative links of raw HTML as if written from the source file's folder, which the
        # pictures' links (written from the page's address) are not; the glossary links stay
        # Markdown links, which every builder resolves.
        self.terms = terms

    def to_json(self) -> dict[str, object]:
        """What `restore` needs, for a step run after another program has written the pages."""
        return {"token": self._token, "pictures": self._pictures}

    @classmethod
    def from_json(cls, data: dict) -> DeferredParts:
        parts = cls(terms=False)
        parts._token = str(data["token"])
        parts._pictures = {str(page): [str(p) for p in pictures] for page, pictures in data["pictures"].items()}
        return parts

    def picture(self, page_uri: str, html: Html) -> str:
        """A placeholder paragraph for the picture, in the page's Markdown."""
        block = as_markdown_block(html)  # same checks as when the picture is written inline
        found = self._pictures.setdefault(page_uri, [])
        found.append(block.strip())
        return f"\n\n{self._token}-{len(found) - 1}\n\n"

    def block(self, page_uri: str, html: str) -> str:
        """A placeholder paragraph for a part of the page written as HTML (html_blocks.py)."""
        found = self._pictures.setdefault(page_uri, [])
        found.append(html.strip())
        return f"\n\n{self._token}-{len(found) - 1}\n\n"

    def place_blocks(self, page_uri: str, text: str) -> str:
        """The page's Markdown with each of its HTML parts left to `restore`."""
        return place_blocks(text, lambda html: self.block(page_uri, html))

    def discard(self, page_uri: str) -> None:
        """Forget the pictures of a page rendered again but not converted (the preview, when its
        Markdown did not change): the next rendering numbers its pictures from 0 again."""
        self._pictures.pop(page_uri, None)

    @staticmethod
    def term_link(slug: str, text: str) -> str:
        """A glossary term, marked in the page's Markdown."""
        return f"{_TERM_OPEN}{slug}{_TERM_MIDDLE}{text}{_TERM_CLOSE}"

    def restore(self, page_uri: str, html: str) -> str:
        """The page's HTML with its pictures and glossary links in place (each page once)."""
        parts = self._pictures.pop(page_uri, ())
        if parts:
            # One pass over the page for all its parts (a sheet has dozens), each put once.
            placed: set[int] = set()

            def put(match: re.Match) -> str:
                index = int(match[1])
                if index >= len(parts) or index in placed:
                    return match[0]
                placed.add(index)
                return parts[index]

            html = re.sub(f"<p>{self._token}-([0-9]+)</p>", put, html)
            if len(placed) < len(parts):
                lost = min(set(range(len(parts))) - placed)
                raise ValueError(f"{page_uri}: the place of picture {lost} was lost by Markdown")
        if _TERM_OPEN in html or _TERM_CLOSE in html:
            glossary = urls.public_href(page_uri, urls.GLOSSARY)

            def link(match: re.Match) -> str:
                return f'<a class="terme" href="{glossary}#{match[1]}">{match[2]}</a>'

            html = _TERM.sub(link, html)
            if _TERM_OPEN in html or _TERM_MIDDLE in html or _TERM_CLOSE in html:
                html = _STRAY_MARK.sub("", html)  # marks Markdown split: the text stays, unlinked
        return html
