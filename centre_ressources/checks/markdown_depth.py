"""Markdown nested beyond the limit, refused at its line.

Python-Markdown reads nested blocks (quotes, lists) and nested inline markup (emphasis inside
emphasis, links inside links) by recursion: a few thousand levels make it stop with a
RecursionError, or keep the deepest markers as text. Both are counted here, generously (an
indented code block counts as a level per four spaces), against MAX_NESTING; raw HTML's
nesting is html_structure.py's.
"""

from __future__ import annotations

import re

from centre_ressources.checks.limits import MAX_NESTING
from centre_ressources.content.markdown_code import lines_outside_code, mask_code
from centre_ressources.content.texts import FileTexts
from centre_ressources.errors import ContentError

# What may start a line nested in quotes and lists: every level takes one of these at least.
_DEEP_PREFIX = re.compile(rf"^[ \t>*+\-0-9.)]{{{MAX_NESTING + 1}}}", re.M)
_MARKER = re.compile(r"[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))")
_INLINE = re.compile(r"\[|\]|[*_]+")


def _message(what: str) -> str:
    return (f"{what} s'emboîtent ici sur plus de {MAX_NESTING} niveaux : Markdown ne saurait pas les lire ; "
            "simplifiez la mise en forme (un contenu n'en demande que deux ou trois).")


def _could_nest_deep(lowered: str) -> bool:
    """A bound from all the texts joined: each level takes a character of the line's start, or
    a delimiter."""
    return (_DEEP_PREFIX.search(lowered) is not None
            or lowered.count("*") + lowered.count("_") + lowered.count("[") > MAX_NESTING)


def markdown_depth(texts: FileTexts) -> list[ContentError]:
    if not texts.may_match(_could_nest_deep):
        return []
    errors: list[ContentError] = []
    for text in texts.each():
        found = _too_deep(text.text)
        if found is not None:
            line, what = found
            errors.append(ContentError(texts.origin.path, text.line + line if text.in_body else text.line, 1,
                                       text.field, _message(what)))
    return errors


def _too_deep(text: str) -> tuple[int, str] | None:
    """The 0-based line where the nesting first passes the limit, and what nests there."""
    if _DEEP_PREFIX.search(text):
        for number, (written, is_text) in enumerate(lines_outside_code(text.split("\n"), text)):
            if is_text and _block_depth(written) > MAX_NESTING:
                return number, "les listes et les citations"
    if text.count("*") + text.count("_") + text.count("[") > MAX_NESTING:
        line = _inline_too_deep(mask_code(text))
        if line is not None:
            return line, "le gras, l'italique et les liens"
    return None


def _block_depth(line: str) -> int:
    """Quote and list markers at the start of a line, plus a level per four columns of indentation."""
    depth, columns, at = 0, 0, 0
    while match := _MARKER.match(line, at):
        depth += 1
        columns += match.group(0).count(" ") + 4 * match.group(0).count("\t")
        at = match.end()
    columns += len(line[at:]) - len(line[at:].lstrip(" \t"))
    return depth + columns // 4


def _inline_too_deep(text: str) -> int | None:
    """Delimiters opened and not yet closed in a paragraph: `[`, and a run of `*` or `_` before
    a word (one after a word closes)."""
    for start_line, paragraph in _paragraphs(text):
        depth = 0
        for match in _INLINE.finditer(paragraph):
            token = match.group(0)
            before = paragraph[match.start() - 1] if match.start() else " "
            after = paragraph[match.end()] if match.end() < len(paragraph) else " "
            if token == "[" or (token[0] in "*_" and not after.isspace() and before.isspace()):
                depth += 1
                if depth > MAX_NESTING:
                    return start_line + paragraph.count("\n", 0, match.start())
            elif token == "]" or (not before.isspace() and after.isspace()):
                depth = max(depth - 1, 0)
    return None


def _paragraphs(text: str):
    line = 0
    for paragraph in re.split(r"(\n[ \t]*\n)", text):
        if paragraph.strip():
            yield line, paragraph
        line += paragraph.count("\n")
