"""Name the usual cause of a YAML syntax error, where PyYAML only says what it could not read.

Contributors write YAML in a web editor or a word processor: curly quotes, non-breaking
spaces and a list item's field indented one space off are what most often make a file
unreadable, and PyYAML's own messages ("mapping values are not allowed here") do not say so.
Each rule looks at the line PyYAML stopped at and the few lines before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

CURLY_QUOTES = "“”„‘’‚«»"
NON_BREAKING_SPACES = "\u00a0\u202f\u2007"
_LOOK_BACK = 3  # lines before the error that may hold its cause
_VALUE_START = re.compile(r"^\s*(?:-\s+)?(?:[^\s:#][^:#]*:\s+)?(?P<value>\S)")
_CONTENT = re.compile(r"^(?P<indent> *)(?:(?P<dash>-) +)?(?P<key>[^\s:#][^:#]*?):(?: +(?P<value>\S.*)|\s*$)")


@dataclass(frozen=True)
class Trap:
    line: int  # 0-based, in the YAML text
    column: int  # 0-based
    message: str


def explain(lines: list[str], line: int, first_line: int = 1) -> Trap | None:
    """The likely cause of an error PyYAML reported at `line` (0-based) of `lines`, whose first
    line is line `first_line` of its file (for the line numbers a message names)."""
    first = max(0, line - _LOOK_BACK)
    for number in range(min(line, len(lines) - 1), first - 1, -1):
        trap = _non_breaking_space(lines[number], number)
        if trap:
            return trap
    for number in range(min(line, len(lines) - 1), first - 1, -1):
        trap = _curly_quote(lines[number], number)
        if trap:
            return trap
    return _list_field_off_by_one(lines, line, first_line)


def _non_breaking_space(text: str, number: int) -> Trap | None:
    for index, char in enumerate(text):
        if char not in NON_BREAKING_SPACES:
            continue
        before = text[:index]
        if before.strip() == "" or before.rstrip().endswith((":", "-")):
            return Trap(number, index, (
                "une espace insécable (souvent collée depuis un traitement de texte) se trouve "
                + ("en début de ligne" if before.strip() == "" else f"après « {before.strip()[-1]} »")
                + " : YAML ne la compte pas comme une espace ; effacez-la et tapez une espace ordinaire."))
    return None


def _curly_quote(text: str, number: int) -> Trap | None:
    match = _VALUE_START.match(text)
    if not match or match["value"] not in CURLY_QUOTES:
        return None
    quote = match["value"]
    return Trap(number, match.start("value"), (
        f"la valeur commence par « {quote} », un guillemet typographique que YAML ne reconnaît pas : "
        "entourez-la de guillemets droits \"…\" (ceux du clavier), "
        f"par exemple : \"{_example_value(text[match.start('value'):])}\"."))


def _example_value(value: str) -> str:
    inner = value.strip().strip(CURLY_QUOTES + "\"'")
    inner = inner if len(inner) <= 40 else inner[:37] + "…"
    return inner.replace('"', "'")


def _list_field_off_by_one(lines: list[str], line: int, first_line: int) -> Trap | None:
    if line >= len(lines):
        return None
    current = _CONTENT.match(lines[line])
    if not current or current["dash"]:
        return None
    indent = len(current["indent"])
    for number in range(line - 1, -1, -1):
        previous = _CONTENT.match(lines[number])
        if not previous:
            if lines[number].strip() and not lines[number].lstrip().startswith("#"):
                return None  # a line of text between them: not a sibling field
            continue
        column = previous.start("key")
        if indent > column and not previous["value"]:
            return None  # the first field of the block that line opens: any indentation will do
        if abs(indent - column) == 1:
            direction = "trop loin" if indent > column else "pas assez loin"
            return Trap(line, indent, (
                f"le champ « {current['key']} » est décalé d'une espace ({direction}) : dans un élément "
                f"de liste, alignez-le exactement sous « {previous['key']} » de la ligne {number + first_line}, "
                f"à {column} espaces du bord."))
        if column <= indent:
            return None
    return None


def french_problem(exc: yaml.MarkedYAMLError, text: str, first_line: int) -> tuple[int, int, str]:
    """Where a YAML syntax error is (file line, column) and what to do, in French."""
    # For an unclosed bracket or quote, the opening (context mark) is where to look.
    opened = any(word in (exc.context or "") for word in ("flow", "quoted"))
    mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
    line = (mark.line if mark else 0) + first_line
    column = (mark.column if mark else 0) + 1
    trap = explain(text.split("\n"), line - first_line, first_line)
    if trap:
        return trap.line + first_line, trap.column + 1, f"en-tête YAML illisible : {trap.message}"
    return line, column, _pyyaml_problem(exc)


def _pyyaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").lower()
    context = exc.context or ""
    if "flow sequence" in context:
        return "en-tête YAML illisible : une liste ouverte par « [ » n'est pas refermée par « ] »."
    if "flow mapping" in context:
        return "en-tête YAML illisible : un groupe ouvert par « { » n'est pas refermé par « } »."
    if "mapping values are not allowed" in problem:
        hint = "un « : » inattendu ; si la valeur contient « : », mettez-la entre guillemets."
    elif "could not find expected ':'" in problem:
        hint = "il manque « : » entre le nom du champ et sa valeur."
    elif "tab" in problem or "'\\t'" in problem:
        hint = "une tabulation sert d'indentation ; utilisez des espaces."
    elif "found undefined alias" in problem:
        hint = "un alias « * » renvoie à une ancre « & » qui n'existe pas."
    elif "expected <block end>" in problem or "indentation" in problem:
        hint = "l'indentation est incohérente : alignez les champs d'un même niveau avec des espaces."
    elif "found unexpected end of stream" in problem or "quoted scalar" in context:
        hint = "des guillemets ouverts ne sont pas refermés."
    else:
        hint = f"la syntaxe YAML est invalide ({exc.problem})."
    return f"en-tête YAML illisible : {hint}"


def forbidden_character(exc: yaml.reader.ReaderError, text: str, first_line: int) -> tuple[int, int, str]:
    """Where an invisible character YAML refuses sits, and what to do."""
    before = text[:exc.position]
    line = before.count("\n") + first_line
    column = exc.position - (before.rfind("\n") + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    return line, column, (f"en-tête YAML illisible : un caractère invisible (U+{code:04X}) s'y trouve, souvent collé "
                          "depuis un autre logiciel ; effacez-le, ou retapez le texte de cette ligne.")


_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")


def impossible_escape(text: str, first_line: int) -> tuple[int, int, str]:
    """Where an escape naming no character (beyond U+10FFFF) sits, and what to do."""
    for match in _ESCAPE.finditer(text):
        if int(match.group(0)[2:], 16) > 0x10FFFF:
            before = text[:match.start()]
            line = before.count("\n") + first_line
            column = match.start() - (before.rfind("\n") + 1) + 1
            break
    else:
        line, column = first_line, 1
    return line, column, ("en-tête YAML illisible : une séquence d'échappement (« \\U… ») ne correspond à aucun "
                          "caractère ; écrivez le caractère lui-même, ou retirez-la.")
