"""Check every internal link and anchor of a built site, in the HTML itself.

MkDocs checks the links written in Markdown; this reads the final HTML, so it also covers
links written by templates, the theme, hooks and canonical URLs. Written here rather than
taken from linkchecker (PyPI): a few dozen lines over the standard library's HTML parser,
no network, and it knows that `site_url` is the site itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes that point at another resource, by element.
LINK_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "script": ("src",), "img": ("src",),
    "source": ("src",), "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",),
    "form": ("action",),
}
LOCAL = "http://site.invalid/"  # stands for the root of the built folder while resolving


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []  # (line, URL as written)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id",) + (("name",) if tag == "a" else ()):
            if values.get(key):
                self.ids.add(values[key])
        for attribute in LINK_ATTRIBUTES.get(tag, ()):
            if values.get(attribute) is not None:
                self.links.append((self.getpos()[0], values[attribute]))
        if tag in ("img", "source") and values.get("srcset"):
            for candidate in values["srcset"].split(","):
                if candidate.strip():
                    self.links.append((self.getpos()[0], candidate.split()[0]))

    handle_startendtag = handle_starttag


@dataclass(frozen=True)
class BrokenLink:
    page: str
    line: int
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line} : {self.url} ({self.reason})"


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _target_file(site: Path, path: str) -> Path | None:
    """The file a URL path is served from, as a static host would (directory -> index.html)."""
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, site_url: str = "") -> list[BrokenLink]:
    """Every link of every HTML page of `site` that leads nowhere inside the site: a missing
    file, or a missing anchor (`#id`) in an existing page. Links to other hosts are not
    followed; links to `site_url` count as internal."""
    site_url = site_url.rstrip("/") + "/" if site_url else ""
    parsed: dict[Path, _PageParser] = {}

    def page(path: Path) -> _PageParser:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    broken: list[BrokenLink] = []
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        for line, url in page(path).links:
            if site_url and url.startswith(site_url):
                url_in_site = LOCAL + url[len(site_url):]
            else:
                url_in_site = urljoin(LOCAL + name, url.strip())
            if not url_in_site.startswith(LOCAL):
                continue  # another host, mailto:, tel:…
            parts = urlsplit(url_in_site)
            target = _target_file(site, parts.path)
            if target is None:
                broken.append(BrokenLink(name, line, url, "page ou fichier introuvable"))
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in page(target).ids:
                broken.append(BrokenLink(name, line, url, f"ancre #{unquote(parts.fragment)} introuvable"))
    return broken
