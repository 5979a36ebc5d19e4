"""Canaries: a hostile marker written into every string field of every content kind's schema,
and the published files searched for any trace of it having become markup, an attribute, an
evaluated expression or a formula (tests/build/test_canary.py).

The fields are found from the schemas themselves (centre_ressources/content/schemas/), so a
field added to a schema is covered without a change here. Fictional content, marked as such.
"""

from __future__ import annotations

import copy
import csv
import html.parser
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from centre_ressources.content.schemas import load_schema
from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import build_catalogue

EVALUATED = "67092481"  # 8191*8191: what the marker's Jinja would print if it were ever run
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def marker(number: int, lines: bool = False) -> str:
    """A hostile text that a contributor may write and the site must publish as plain text:
    quotes that would close an attribute, markup written as entities, Jinja, a formula start,
    Markdown and YAML punctuation; with `lines`, YAML and front-matter lines too."""
    text = (f'=Canari{number} "guillemets" \'apostrophe\' &lt;canari-{number} data-canari="{number}"&gt; '
            f'&amp;lt;b&amp;gt; {{{{ 8191*8191 }}}} {{% if true %}}jinja{{% endif %}} ${{x}} *a* _b_ `c` | d # e '
            f': f - g --> ]]> &lt;/script&gt;&lt;/title&gt; " data-canari="{number}" \' data-canari=\'{number}')
    if lines:
        text += f"\n---\nrender_macros: true\ntitle: canari-{number}\n...\n- suite"
    return text


def plain_marker(number: int) -> str:
    return f"Canari{number} texte simple"


@dataclass
class Planted:
    """Where markers were written: (file, field path) -> marker; the fields that only take
    values of their own (a slug, a date, a name from a list) whatever the text."""

    markers: dict[tuple[str, str], str] = field(default_factory=dict)
    constrained: set[tuple[str, str]] = field(default_factory=set)
    over_refused: dict[tuple[str, str], str] = field(default_factory=dict)  # a plain text passes, the marker not


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = {**root["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("type")
    return set(kind) if isinstance(kind, list) else {kind} if kind else set()


def string_fields(schema_name: str) -> set[str]:
    """Every path of a string field in a schema ("deroule[].titre"), as `field_name` writes it
    without indexes."""
    root = load_schema(schema_name)
    found: set[str] = set()

    def walk(node: dict[str, Any], path: str) -> None:
        node = _resolve(node, root)
        types = _types(node)
        if "object" in types or "properties" in node:
            for key, child in node.get("properties", {}).items():
                walk(child, f"{path}.{key}" if path else key)
        if "array" in types:
            walk(node.get("items", {}), f"{path}[]")
        if "string" in types:
            found.add(path)

    walk(root, "")
    return found


DROP = object()  # an added field that takes no text: left out


def _fill(value: Any, node: dict[str, Any], root: dict[str, Any], path: str, plant) -> Any:
    """`value` with every string under it (and every optional field the schema allows, added)
    replaced by what `plant(path, value)` gives."""
    node = _resolve(node, root)
    types = _types(node)
    if isinstance(value, dict) or (value is None and "object" in types and "properties" in node):
        made = dict(value or {})
        for key, child in node.get("properties", {}).items():
            if key in made or _can_make(_resolve(child, root), root):
                filled = _fill(made.get(key), child, root, f"{path}.{key}" if path else key, plant)
                if filled is DROP:
                    made.pop(key, None)
                else:
                    made[key] = filled
        return DROP if value is None and not made else made
    if isinstance(value, list) or (value is None and "array" in types):
        items = [_fill(item, node.get("items", {}), root, f"{path}[]", plant) for item in (value or [None])]
        kept = [item for item in items if item is not DROP]
        return DROP if not kept else kept
    if isinstance(value, str) or (value is None and "string" in types):
        return plant(path, value)
    return value


def _can_make(node: dict[str, Any], root: dict[str, Any]) -> bool:
    """Whether a missing field can be made of strings alone (a text, a list or a group of texts)."""
    types = _types(node)
    if "string" in types:
        return True
    if "array" in types:
        return _can_make(_resolve(node.get("items", {}), root), root)
    if "object" in types or "properties" in node:
        required = set(node.get("required", ()))
        properties = node.get("properties", {})
        return all(_can_make(_resolve(properties[name], root), root) for name in required if name in properties)
    return False


def _field_key(name: str) -> str:
    return re.sub(r"\[\d+\]", "[]", name)


KINDS = {"phases": "phase", "methods": "fiche", "case_studies": "etude-de-cas", "paths": "parcours"}


def content_files(root: Path) -> Iterator[tuple[Path, str]]:
    for folder, kind in KINDS.items():
        pattern = "*/index.md" if folder == "case_studies" else "*.md"
        for path in sorted((root / folder).glob(pattern)):
            yield path, kind


def _split(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    return yaml.safe_load(header), body


def _write(path: Path, data: dict[str, Any], body: str) -> None:
    header = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(f"---\n{header}---\n{body}", encoding="utf-8")


def plant_markers(root: Path) -> Planted:
    """Write a marker into every string field of every content file of the project at `root`
    (and a hostile section into each body); keep, field by field, what `check` refuses for a
    reason of its own (a slug, a date), and note any field that refuses the marker but takes
    plain text."""
    planted = Planted()
    originals: dict[Path, tuple[dict[str, Any], str]] = {}
    counter = iter(range(1, 100_000))
    choice: dict[tuple[str, str], str] = {}  # (file, field key) -> "hostile", "lines", "plain", "original"

    files = [(path, kind) for path, kind in content_files(root)]
    glossary = root / "glossary.yml"
    for path, _ in files:
        originals[path] = _split(path)
    if glossary.is_file():
        originals[glossary] = (yaml.safe_load(glossary.read_text(encoding="utf-8")), "")
    numbers: dict[tuple[str, str], int] = {}

    def write_all() -> None:
        for path, kind in [*files, *([(glossary, "glossaire")] if glossary.is_file() else [])]:
            data, body = originals[path]
            display = path.relative_to(root).as_posix()
            schema = load_schema(kind)

            def plant(field_path: str, value: Any, display: str = display) -> Any:
                key = (display, field_path)
                numbers.setdefault(key, next(counter))
                state = choice.setdefault(key, "lines")
                if state == "original":
                    return DROP if value is None else value
                if state == "drop":  # a name that must match another field's: left out
                    return DROP
                if state == "plain":
                    return plain_marker(numbers[key])
                return marker(numbers[key], lines=state == "lines")

            filled = _fill(copy.deepcopy(data), schema, schema, "", plant)
            if path == glossary:
                path.write_text(yaml.safe_dump(filled, allow_unicode=True, sort_keys=False, width=10_000),
                                encoding="utf-8")
            else:
                _write(path, filled, body + _hostile_body(numbers.setdefault((display, ""), next(counter))))

    for _ in range(12):  # hostile, without lines, plain, the file's own value, left out
        write_all()
        try:
            build_catalogue(root)
            break
        except ContentErrors as refused:
            errors = refused.errors
        progressed = False
        seen: set[tuple[str, str]] = set()
        for error in errors:
            key = (error.path, _field_key(error.field))
            if key in seen:
                continue
            seen.add(key)
            if key not in choice:
                if error.field:
                    raise AssertionError(f"no marker there: {error.format()}")
                raise AssertionError(f"a hostile text refused outside any field: {error.format()}")
            following = {"lines": "hostile", "hostile": "plain", "plain": "original", "original": "drop"}.get(choice[key])
            if following is None:
                raise AssertionError(f"the file's own value is refused: {error.format()}")
            if following == "plain":
                planted.over_refused[key] = error.message
            if following == "original" and key in planted.over_refused:
                del planted.over_refused[key]  # refuses plain text too: a field of its own kind
            choice[key] = following
            progressed = True
        assert progressed
    else:
        raise AssertionError("the markers could not be written into the content")
    for key, state in choice.items():
        if state in {"original", "drop"}:
            planted.constrained.add(key)
        elif state != "plain":
            planted.markers[key] = marker(numbers[key], lines=state == "lines")
    return planted


def _hostile_body(number: int) -> str:
    return (f"\n\n## Canari{number} &lt;canari-{number}&gt; {{{{ 8191*8191 }}}} \" data-canari=\"{number}\n\n"
            f"Texte du canari{number} : \" data-canari=\"{number}\" &lt;canari-{number}&gt; "
            f"{{{{ 8191*8191 }}}} {{% if true %}}jinja{{% endif %}} | a | b |\n")


# --- what the published files are searched for ----------------------------------------------

class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if "canari" in tag:
            self.found.append(f"élément <{tag}>")
        for name, _ in attrs:
            if "canari" in name:
                self.found.append(f"attribut {name} sur <{tag}>")
        if tag == "script":
            self._script = dict(attrs)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts.append((self._script, data))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def traces(site: Path) -> list[str]:
    """Every trace of a marker that became something other than text, in every published file."""
    found: list[str] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("pagefind/") and path.suffix not in {".js", ".css", ".json"}:
            continue  # the search index's binary parts
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if EVALUATED in text:
            found.append(f"{relative} : une expression du marqueur a été évaluée")
        found += [f"{relative} : {problem}" for problem in _problems(relative, path.suffix, text)]
    return found


def _problems(relative: str, suffix: str, text: str) -> list[str]:
    problems: list[str] = []
    if suffix == ".html":
        parser = _Tags()
        parser.feed(text)
        problems += parser.found
        for attrs, script in parser.scripts:
            if attrs.get("type") == "application/ld+json":
                try:
                    json.loads(script)
                except ValueError:
                    problems.append("le JSON-LD ne se lit pas")
            elif "anari" in script:
                problems.append("un marqueur dans un script")
    elif suffix in {".xml", ".svg"}:
        try:
            tree = ElementTree.fromstring(text)
        except ElementTree.ParseError as error:
            return [f"XML mal formé ({error})"]
        for element in tree.iter():
            if "canari" in element.tag or any("canari" in name for name in element.attrib):
                problems.append(f"élément ou attribut XML {element.tag}")
    elif suffix == ".json":
        try:
            json.loads(text)
        except ValueError as error:
            problems.append(f"JSON mal formé ({error})")
    elif suffix == ".csv":
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                if cell.startswith(FORMULA_START) and "anari" in cell:
                    problems.append(f"cellule qui commence une formule : {cell[:30]!r}")
    elif suffix == ".js" and relative.startswith("atelier/fiches"):
        start, end = text.find("("), text.rfind(")")
        try:
            json.loads(text[start + 1:end])
        except ValueError as error:
            problems.append(f"données du planificateur illisibles ({error})")
    return problems
