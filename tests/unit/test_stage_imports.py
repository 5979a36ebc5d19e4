"""The core's stages import one way, downward, and no module of the core imports itself back.

Every import is read from the source (ast): at the top, inside functions, under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from support.project import PROJECT

PACKAGE = "centre_ressources"

# The stages, lowest first; a module may import its own stage and those below, never above.
# Ground: what every stage may use (errors, the URL promise, « vouliez-vous dire », the
# characters a format can hold). content reads files into records; catalogue links them;
# render makes the pages. checks sits above render: it reads the pages' Markdown as the site
# does (render/html_blocks, render/contributed) to check links and anchors; content/ gets its
# per-file rules handed in by the pipeline (content/reading.py). publish, downloads and
# material work on the rendered site; pipeline runs the whole flow; the builders drive it;
# cli calls them all; the package's own __init__ is the small public API on top.
STAGES = (
    ("errors", "urls", "suggestions", "characters", "folders", "deployment", "build_order"),
    ("content",),
    ("catalogue",),
    ("render",),
    ("checks",),
    ("publish", "downloads", "material"),
    ("pipeline",),
    ("site_build", "preview", "export"),
    ("cli",),
    ("",),  # centre_ressources/__init__.py
)
LEVEL = {name: level for level, names in enumerate(STAGES) for name in names}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted((PROJECT / PACKAGE).rglob("*.py"))}


def _imports(name: str) -> Iterator[tuple[str, int]]:
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return _imports_of(path.read_text(encoding="utf-8"), package)


def _imports_of(source: str, package: str) -> Iterator[tuple[str, int]]:
    """The modules a source imports (anywhere in it), with the line of each import; `package`
    is the one its relative imports start from. `from p import m` names the module p.m when
    there is one. A package's parents are not counted (Python runs their __init__ first,
    whoever imports them)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = parts[: len(parts) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield (submodule if submodule in MODULES else base), node.lineno


def _core_imports(name: str) -> list[tuple[str, int]]:
    return sorted({(target, line) for target, line in _imports(name) if target in MODULES and target != name})


def _stage(name: str) -> str:
    return name.removeprefix(PACKAGE).lstrip(".").split(".")[0]


def test_every_module_of_the_core_has_a_stage():
    assert {_stage(name) for name in MODULES} - set(LEVEL) == set(), "ajoutez ce dossier ou module à STAGES"


def test_no_stage_imports_a_stage_above_it():
    upward = []
    for name in MODULES:
        for target, line in _core_imports(name):
            if LEVEL[_stage(target)] > LEVEL[_stage(name)]:
                upward.append(f"{MODULES[name].relative_to(PROJECT)}:{line} ({_stage(name) or PACKAGE}) "
                              f"importe {target} ({_stage(target) or PACKAGE}), une étape au-dessus")
    assert upward == [], "\n".join(upward)


def test_no_module_of_the_core_imports_itself_back():
    graph = {name: sorted({target for target, _ in _core_imports(name)}) for name in MODULES}
    cycles = _cycles(graph)
    assert cycles == [], "\n".join(" -> ".join([*cycle, cycle[0]]) for cycle in cycles)


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules (Tarjan), as the path that closes it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in graph:
        if node not in index:
            visit(node)
    return [_closing_path(graph, set(group), min(group)) for group in groups]


def _closing_path(graph: dict[str, list[str]], group: set[str], start: str) -> list[str]:
    """A path from `start` back to itself within `group` (breadth first: the shortest)."""
    came_from: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in graph[node]:
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return path[::-1]
            if target in group and target not in came_from:
                came_from[target] = node
                queue.append(target)
    return sorted(group)


def test_the_reader_of_imports_sees_lazy_relative_and_type_checking_imports():
    source = """
from typing import TYPE_CHECKING
from centre_ressources import urls
from . import records
if TYPE_CHECKING:
    from centre_ressources.render.pages import RenderedSite
def later():
    import centre_ressources.pipeline
"""
    assert {target for target, _ in _imports_of(source, "centre_ressources.content")} >= {
        "centre_ressources.urls", "centre_ressources.content.records", "centre_ressources.render.pages",
        "centre_ressources.pipeline"}
