"""A small HTML builder for the pictures drawn at build time (actor map, timeline, phase cycle).

By hand rather than with a template engine: the pictures are a few elements of contributed text,
and two rules matter. Every text is escaped; the result, a raw HTML block in a page's Markdown,
has no blank line and starts every line with a tag, so the glossary linker leaves it alone.
It uses only the elements and attributes the sanitiser (publish/sanitize.py) keeps.
"""

from __future__ import annotations

import re
from html import escape


class Html(str):
    """Markup that is already safe: built here, with its text escaped."""


_SPACES = re.compile(r"\s+")


def text(value: str) -> Html:
    """Escaped text, with the line breaks of folded YAML turned into spaces."""
    return Html(escape(_SPACES.sub(" ", str(value)), quote=False))


def _attributes(attrs: dict[str, object]) -> str:
    parts = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")  # class_ -> class, aria_hidden -> aria-hidden
        # on one line: a line break inside a raw HTML block would let Markdown read what follows
        parts.append(f' {name}="{escape(_SPACES.sub(" ", str(value)), quote=True)}"')
    return "".join(parts)


def element(tag: str, *children, **attrs) -> Html:
    """`<tag attrs>children</tag>`. Children that are all elements go one per line (each line then
    starts with a tag); an element holding text keeps it on its own line."""
    # One pass over the children: a large catalogue has a great many of them.
    items = []
    all_elements = True
    some_block = False
    for child in children:
        if child is None or child == "":
            continue
        item = child if isinstance(child, Html) else text(child)
        items.append(item)
        if all_elements:
            if not _is_element(item):
                all_elements = False
            elif not some_block and ("\n" in item or _is_block(item)):
                some_block = True
    opening = f"<{tag}{_attributes(attrs)}>" if attrs else f"<{tag}>"
    if items and all_elements and some_block:
        return Html(opening + "\n" + "\n".join(items) + f"\n</{tag}>")
    return Html(opening + "".join(items).replace("\n", " ") + f"</{tag}>")


def join(*items) -> Html:
    """Sibling elements, one per line."""
    return Html("\n".join(i for i in items if i))


_BLOCK = re.compile(r"<(?:div|ul|ol|li|p|figure|figcaption|h[1-6]|section|svg)[\s>]")


def _is_element(item: str) -> bool:
    return item.startswith("<")


def _is_block(item: str) -> bool:
    return _BLOCK.match(item) is not None


def as_markdown_block(html: Html) -> str:
    """The picture as a raw HTML block of a Markdown page: a blank line before and after, none
    inside, and no line starting with text or with indentation Markdown would read as code."""
    lines = [line.strip() for line in html.split("\n") if line.strip()]
    stray = next((line for line in lines if not line.startswith("<")), None)
    if stray is not None:  # a bug of the builder, never of the content: text is always escaped
        raise ValueError(f"a line of the picture starts with text: {stray[:60]!r}")
    return "\n\n" + "\n".join(lines) + "\n\n"
