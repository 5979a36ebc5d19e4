"""The floor: Material alone building the same number of plain Markdown pages.

Same theme, Markdown extensions and plugins as the project's mkdocs.yml, minus what is ours
(hooks, mkdocs-macros, theme overrides, extra CSS and JavaScript), with a small navigation
(home and one index page listing every page). The pages are plain Markdown made of the real
text's words, as long as the generated pages they stand for, with as many headings.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from .yamltext import dump, load

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_OURS = ("hooks", "extra_css", "extra_javascript", "watch", "nav", "exclude_docs", "not_in_nav")


@dataclass(frozen=True)
class PageShape:
    chars: int  # length of the Markdown
    headings: int  # lines starting with "#"


def page_shape(texts: list[str]) -> PageShape:
    return PageShape(
        chars=round(statistics.mean(len(t) for t in texts)),
        headings=round(statistics.mean(sum(1 for line in t.split("\n") if line.startswith("#")) for t in texts)),
    )


def floor_config(project_config: str) -> str:
    config = load(project_config)
    for key in _OURS:
        config.pop(key, None)
    theme = config.get("theme")
    if isinstance(theme, dict):
        theme.pop("custom_dir", None)
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: value} for name, value in plugins.items()]
    kept = []
    for plugin in plugins:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name.split("/")[-1] != "macros":
            kept.append(plugin)
    config["plugins"] = kept
    config["nav"] = [{"Accueil": "index.md"}, {"Toutes les pages": "pages/index.md"}]
    validation = config.setdefault("validation", {})
    validation.setdefault("nav", {})["omitted_files"] = "ignore"
    return dump(config)


def write_floor(destination: Path, project_config: str, shapes: list[PageShape], words: list[str]) -> None:
    """A MkDocs project in `destination` with one plain page per shape."""
    docs = destination / "docs" / "pages"
    docs.mkdir(parents=True)
    (destination / "mkdocs.yml").write_text(floor_config(project_config), "utf-8")
    (destination / "docs" / "index.md").write_text(
        "# Plancher\n\nDes pages Markdown simples, sans crochet ni macro.\n\n[Toutes les pages](pages/index.md)\n",
        "utf-8")
    listing = ["# Toutes les pages", ""]
    cursor = 0
    for number, shape in enumerate(shapes, 1):
        name = f"page-{number:05d}.md"
        text, cursor = _plain_page(f"Page {number}", shape, words, cursor)
        (docs / name).write_text(text, "utf-8")
        listing.append(f"- [Page {number}]({name})")
    (docs / "index.md").write_text("\n".join(listing) + "\n", "utf-8")


def words_of(texts: list[str]) -> list[str]:
    return [w for text in texts for w in _WORD.findall(text)]


def _plain_page(title: str, shape: PageShape, words: list[str], cursor: int) -> tuple[str, int]:
    sections = max(shape.headings - 1, 0)
    body_chars = shape.chars - len(title) - 3
    per_section = body_chars // (sections + 1)
    parts = [f"# {title}\n"]
    for section in range(sections + 1):
        if section:
            heading, cursor = _take(words, cursor, 4)
            parts.append(f"## {heading.capitalize()}\n")
        budget = per_section
        while budget > 0:
            paragraph, cursor = _take_chars(words, cursor, min(budget, 400))
            parts.append(paragraph.capitalize() + ".\n")
            budget -= len(paragraph) + 3
    return "\n".join(parts), cursor


def _take(words: list[str], cursor: int, count: int) -> tuple[str, int]:
    chosen = [words[(cursor + i) % len(words)] for i in range(count)]
    return " ".join(chosen), cursor + count


def _take_chars(words: list[str], cursor: int, chars: int) -> tuple[str, int]:
    chosen: list[str] = []
    length = 0
    while length < chars:
        word = words[cursor % len(words)]
        chosen.append(word)
        length += len(word) + 1
        cursor += 1
    return " ".join(chosen), cursor
