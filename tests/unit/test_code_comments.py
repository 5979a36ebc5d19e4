"""Comments say what and why in a few lines: module docstrings stay short, and no comment cites a
measurement (figures belong to benchmarks/LISEZMOI.md, history to the commit messages)."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from support.project import PROJECT

FOLDERS = ["centre_ressources", "centre_ressources_mkdocs", "hooks", "benchmarks"]
MAX_DOCSTRING_LINES = 7
# A figure with a unit of time, size or ratio: « 0,45 ms », « 8 Mo », « 3 times faster ».
MEASUREMENT = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:ms|µs|s|secondes?|seconds?|Ko|Mo|Go|KB|MB|GB|kB)\b"
                         r"|\b\d+(?:[.,]\d+)?\s?%|\b\w+ times (?:faster|cheaper|slower|smaller)\b")


def _modules() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (PROJECT / folder).rglob("*.py"))


def _texts(path: Path) -> list[tuple[int, str]]:
    """Every comment and docstring of a module, with its line."""
    source = path.read_text(encoding="utf-8")
    found = [(t.start[0], t.string) for t in tokenize.generate_tokens(io.StringIO(source).readline)
             if t.type == tokenize.COMMENT]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                found.append((node.body[0].lineno, doc))
    return found


def _without_examples(text: str) -> str:
    """A comment's prose: what it quotes as an example of output (`2,4 Mo`, « 0,42 s ») is no measurement."""
    return re.sub(r"`[^`]*`|«[^»]*»", "", text, flags=re.S)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_a_module_docstring_says_what_and_why_in_a_few_lines(path):
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")), clean=False) or ""
    assert len(doc.splitlines()) <= MAX_DOCSTRING_LINES


def test_no_comment_of_the_core_cites_a_measurement():
    cited = [f"{path.relative_to(PROJECT)}:{line}: {match.group(0)}"
             for path in _modules() if path.parts[len(PROJECT.parts)] != "benchmarks"
             for line, text in _texts(path) for match in MEASUREMENT.finditer(_without_examples(text))]
    assert cited == [], "\n".join(cited)
