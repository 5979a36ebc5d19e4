"""Two builds of the same site compared: their page paths, the text of each page's article,
their published files (tests/build/test_zensical.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_SPACES = re.compile(r"\s+")


class _ArticleText(HTMLParser):
    """The text of <article class="md-content__inner …">, as a reader reads it: scripts,
    styles and the permalink signs (¶) of the headings left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # <article> nesting, 0 outside
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag == "article" and (self.depth or "md-content__inner" in classes):
            self.depth += 1
        elif self.depth and (tag in ("script", "style", "svg") or "headerlink" in classes.split()):
            self.skip += 1 if tag != "svg" else 0
            if tag == "svg":
                self.parts.append(" ")
            self.skip_tag = tag
        if self.depth and tag in ("p", "li", "h1", "h2", "h3", "h4", "td", "th", "br", "div", "dt", "dd"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1
        elif self.skip and tag in ("script", "style", "a"):
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    return _SPACES.sub(" ", "".join(parser.parts)).strip()


def page_paths(site: Path) -> set[str]:
    """The pages of a built site, by path (`fiches/x/index.html`), without its redirect pages."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if "md-content__inner" in p.read_text(encoding="utf-8")}
