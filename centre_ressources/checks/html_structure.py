"""Raw HTML and code fences that Markdown would read past their place, refused at their line.

An unclosed `<div>`, `<pre>` or `<!--` makes Markdown swallow the rest of the section; a stray
`</div>` closes a block of the page; deep nesting makes Python-Markdown recurse past Python's
limit. Each element closes in the section (`## …`) where it opens, and each fence in its own
text (texts placed one after another would otherwise close each other's fences)."""

from __future__ import annotations

import re

from centre_ressources.checks.limits import MAX_NESTING
from centre_ressources.content.markdown_code import lines_outside_code, unclosed_fence
from centre_ressources.content.raw_html import VOID_ELEMENTS, Tag, may_hold_html, read_tags
from centre_ressources.content.texts import FileTexts, Text
from centre_ressources.errors import ContentError

_SECTION = re.compile(r"##\s")


def html_structure(texts: FileTexts) -> list[ContentError]:
    return texts.scan(may_hold_html, _scan) + texts.scan(_may_open_a_fence, _scan_fences)


def _may_open_a_fence(lowered: str) -> bool:
    return "```" in lowered or "~~~" in lowered


def _scan_fences(path: str, text: Text) -> list[ContentError]:
    line = unclosed_fence(text.text)
    if line is None:
        return []
    fence = text.text.split("\n")[line].lstrip(" \t>")
    fence = fence[:len(fence) - len(fence.lstrip(fence[0]))]
    return [ContentError(path, text.line + line if text.in_body else text.line, 1, text.field, (
        f"le bloc de code ouvert ici par « {fence} » n'est jamais fermé : ajoutez, seule sur sa ligne, la même "
        f"suite « {fence} » là où le code se termine (ou retirez celle-ci)."))]


def _scan(path: str, text: Text) -> list[ContentError]:
    found: list[ContentError] = []

    def error(line: int, message: str) -> None:
        found.append(ContentError(path, text.line + line if text.in_body else text.line, 1, text.field, message))

    tags = read_tags(text.text)
    if not tags:
        return found
    sections = iter(_section_lines(text.text) + [len(text.text) + 1])  # more lines than the text has
    next_section = next(sections)
    open_tags: list[Tag] = []
    too_deep = False
    for tag in tags:
        while tag.line >= next_section:
            _unclosed(open_tags, error, "avant le titre de section qui suit")
            open_tags = []
            next_section = next(sections)
        if tag.kind == "unclosed-comment":
            error(tag.line, "le commentaire ouvert ici par « <!-- » n'est jamais fermé : ajoutez « --> » à sa fin "
                            "(sinon tout le texte qui suit disparaît de la page).")
        elif tag.kind == "start" and tag.name not in VOID_ELEMENTS:
            open_tags.append(tag)
            if len(open_tags) > MAX_NESTING and not too_deep:
                too_deep = True
                error(tag.line, f"les balises HTML s'emboîtent ici sur plus de {MAX_NESTING} niveaux : "
                                "simplifiez la mise en forme (un contenu n'en demande que deux ou trois).")
        elif tag.kind == "end" and tag.name not in VOID_ELEMENTS:
            names = [opened.name for opened in open_tags]
            if tag.name not in names:
                error(tag.line, f"la balise </{tag.name}> ferme une balise <{tag.name}> qui n'a pas été ouverte "
                                "avant elle dans cette section : retirez-la, ou ajoutez la balise ouvrante.")
                continue
            at = len(names) - 1 - names[::-1].index(tag.name)
            _unclosed(open_tags[at + 1:], error, f"avant « </{tag.name}> »")
            del open_tags[at:]
    _unclosed(open_tags, error, "avant la fin du texte")
    return found


def _unclosed(tags: list[Tag], error, before: str) -> None:
    for tag in tags:
        shown = f"<{tag.name}/>" if tag.self_closing else f"<{tag.name}>"
        error(tag.line, f"la balise {shown} ouverte ici n'est pas fermée {before} : ajoutez « </{tag.name}> » "
                        "là où elle se termine (sinon Markdown prend la suite du texte pour du HTML).")


def _section_lines(text: str) -> list[int]:
    """The 0-based lines of the level-2 headings, where the page's sections start."""
    if "##" not in text:
        return []
    return [number for number, (line, is_text) in enumerate(lines_outside_code(text.split("\n"), text))
            if is_text and _SECTION.match(line)]
