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
# (Searched after each line end, and at the start: far quicker than `^` with re.M.)
_PREFIX = rf"[ \t>*+\-0-9.)]{{{MAX_NESTING + 1}}}"
_DEEP_LINE, _DEEP_START = re.compile(rf"\n{_PREFIX}"), re.compile(_PREFIX)
_MARKER = re.compile(r"[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))")
_INLINE = re.compile(r"\[|\]|[*_]+")
_BLANK_LINE = re.compile(r"(\n[ \t]*\n)")


def _message(what: str) -> str:
    return (f"{what} s'emboîtent ici sur plus de {MAX_NESTING} niveaux : Markdown ne saurait pas les lire ; "
            "simplifiez la mise en forme (un contenu n'en demande que deux ou trois).")


def _deep_prefix(text: str) -> bool:
    return _DEEP_LINE.search(text) is not None or _DEEP_START.match(text) is not None


def _delimiters(text: str) -> int:
    """Every level of inline nesting takes one of these (counting characters is quick)."""
    return text.count("*") + text.count("_") + text.count("[")


def _many_delimiters(text: str) -> bool:
    return _delimiters(text) > MAX_NESTING


def markdown_depth(texts: FileTexts) -> list[ContentError]:
    deep_lines, many_delimiters = texts.may_match(_deep_prefix), texts.may_match(_many_delimiters)
    if not deep_lines and not many_delimiters:
        return []
    errors: list[ContentError] = []
    for text in texts.each():
        found = _too_deep(text.text, deep_lines, many_delimiters)
        if found is not None:
            line, what = found
            errors.append(ContentError(texts.origin.path, text.line + line if text.in_body else text.line, 1,
                                       text.field, _message(what)))
    return errors


def _too_deep(text: str, deep_lines: bool = True, many_delimiters: bool = True) -> tuple[int, str] | None:
    """The 0-based line where the nesting first passes the limit, and what nests there."""
    if deep_lines and _deep_prefix(text):
        for number, (written, is_text) in enumerate(lines_outside_code(text.split("\n"), text)):
            if is_text and _block_depth(written) > MAX_NESTING:
                return number, "les listes et les citations"
    if many_delimiters and _many_delimiters(text):
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
    """Delimiters opened and not yet closed in a paragraph: `[`, and a run of `*` or `_` between
    a space and a word (one after a word closes)."""
    for start_line, paragraph in _paragraphs(text):
        if not _many_delimiters(paragraph):
            continue
        depth = 0
        for match in _INLINE.finditer(paragraph):
            token = match.group(0)
            before = paragraph[match.start() - 1] if match.start() else " "
            after = paragraph[match.end()] if match.end() < len(paragraph) else " "
            if token == "[" or (token[0] in "*_" and not after.isspace() and before in " \t\n"):
                depth += 1
                if depth > MAX_NESTING:
                    return start_line + paragraph.count("\n", 0, match.start())
            elif token == "]" or (not before.isspace() and after.isspace()):
                depth = max(depth - 1, 0)
    return None


def _paragraphs(text: str):
    line = 0
    for paragraph in _BLANK_LINE.split(text) if "\n" in text else (text,):
        if paragraph.strip():
            yield line, paragraph
        line += paragraph.count("\n")
