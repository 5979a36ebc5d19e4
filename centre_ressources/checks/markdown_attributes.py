"""Markdown that would give an element ids, classes or other attributes, refused at its line.

Three ways to write them: an attribute list (`{: #id .classe data-x=y }`, after a paragraph,
a heading, a link…), braces or words after a code fence (```` ```{.x #y} ````), and the kind
of a note (`!!! atelier-ajout`, which becomes a class). A contributor writes none: the site's
scripts and styles rely on ids, classes and data- attributes, and the build removes those of
a contributed text anyway. A note's kind is one of Material's (`ADMONITION_TYPES`).
"""

from __future__ import annotations

import re

from centre_ressources.content.contributed_markup import ADMONITION_TYPES
from centre_ressources.content.markdown_code import code_lines, fenced_blocks, mask_code
from centre_ressources.content.texts import FileTexts, Text, line_within
from centre_ressources.errors import ContentError
from centre_ressources.suggestions import did_you_mean

# `{:…}`, `{#…}`, `{.…}` or `{nom=…}`; never `{{ … }}`, which is shown as it is written.
_ATTRIBUTE_LIST = re.compile(
    r"(?<!\{)\{(?!\{)[ \t]*(?P<body>:[^{}\n]*|[#.][^\s{}][^{}\n]*|[^\s{}=]+[ \t]*=[^{}\n]*)\}(?!\})")
_EVENT = re.compile(r"(?:^|[\s:])on[a-z]+\s*=", re.I)
_LANGUAGE = re.compile(r"(?:[A-Za-z0-9][\w+#.-]*)?")  # a language's name, or none
_NOTE = re.compile(r"^[ \t]*(?P<marker>!!!|\?\?\?\+?)[ ]?(?P<kinds>[\w-]+(?: +[\w-]+)*)(?: +\"[^\n]*?\")? *$")
_LINE_MARKERS = ("```", "~~~", "!!!", "???")  # what starts a fence or a note
_MAIN_TYPES = ("note", "info", "tip", "success", "question", "warning", "failure", "danger", "example", "quote")


def _holds_a_line_marker(text: str) -> bool:
    # A character first: looking for one is much quicker than for three.
    return any(marker[0] in text and marker in text for marker in _LINE_MARKERS)


def _could_hold_attributes(lowered: str) -> bool:
    return "{" in lowered or _holds_a_line_marker(lowered)


def markdown_attributes(texts: FileTexts) -> list[ContentError]:
    return texts.scan(_could_hold_attributes, _scan)


def _scan(path: str, text: Text) -> list[ContentError]:
    found: list[ContentError] = []

    def error(offset: int, message: str) -> None:
        found.append(ContentError(path, line_within(text, offset), 1, text.field, message))

    if "{" in text.text:
        for match in _ATTRIBUTE_LIST.finditer(mask_code(text.text)):
            shown = match.group(0) if len(match.group(0)) <= 40 else match.group(0)[:39] + "…}"
            if _EVENT.search(match["body"]):
                error(match.start(), "les attributs d'événement (onclick, onload…) sont interdits : "
                                     "ils exécuteraient du script.")
            else:
                error(match.start(), (
                    f"les attributs écrits entre accolades (« {shown} ») ne sont pas acceptés : le site réserve "
                    "les id, les classes et les attributs data- à ses propres scripts et styles ; retirez-les "
                    "(pour un lien vers un titre, visez l'ancre tirée de son texte, « #mon-titre »)."))
    if not _holds_a_line_marker(text.text):
        return found
    openings = {start for start, _ in fenced_blocks(text.text)}
    in_code = code_lines(text.text)
    offset = 0
    for number, line in enumerate(text.text.split("\n")):
        if number in openings:
            fence = line.lstrip(" \t>")
            info = fence.lstrip("`~").strip()
            if not _LANGUAGE.fullmatch(info):
                error(offset, (f"après « {fence[:3]} », écrivez seulement le nom du langage (par exemple "
                               f"« {fence[:3]}python ») : « {info[:40]} » donnerait au bloc de code des "
                               "attributs (id, classes…) que le site réserve à ses propres styles."))
        elif not in_code[number] and ("!!!" in line or "???" in line):
            note = _NOTE.match(line)
            if note:
                problem = _note_problem(note["marker"], note["kinds"].split())
                if problem:
                    error(offset, problem)
        offset += len(line) + 1
    return found


def _note_problem(marker: str, kinds: list[str]) -> str | None:
    kind = kinds[0].lower()
    if kind not in ADMONITION_TYPES:
        hint = did_you_mean(kind, ADMONITION_TYPES) or f" ; par exemple : {', '.join(_MAIN_TYPES)}."
        return (f"le type d'encadré « {kinds[0]} » n'existe pas (« {marker} » est suivi du type, puis, si vous "
                f"voulez, du titre entre guillemets){hint}")
    if len(kinds) > 1:
        return (f"un encadré n'a qu'un type : écrivez « {marker} {kind} », suivi si vous voulez de son titre entre "
                f"guillemets ; « {' '.join(kinds[1:])} » donnerait à l'encadré des classes que le site réserve à "
                "ses propres styles.")
    return None
