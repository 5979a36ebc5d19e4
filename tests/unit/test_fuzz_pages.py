"""Property-based fuzzing of the channels a contribution reaches a page through (Hypothesis):
a valid sheet with hostile text in its fields and body is refused at a line, or every page it
changes, converted by the site's own Markdown configuration (mkdocs.yml's extensions, the
contributed texts framed as in a build), keeps the page's own hooks: the same script ids
(`cr--…`, Material's `__…`) and data- attributes as without it, no class outside the template's
and the contributed allowlist, no front matter field of its own, no Jinja evaluated.
Fictional content (tests/fixtures/mini)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from centre_ressources.content import contributed_markup
from centre_ressources.content.slugs import heading_slug
from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import generate
from centre_ressources.render.contributed import UnpairedMarker
from centre_ressources.render.fragments import SITE_EXTENSIONS
from centre_ressources.render.html_blocks import as_markdown
from support.project import FIXTURES, copy_project

SHEET = "methods/alpha.md"
_HEAD, _BODY = (FIXTURES / "mini" / SHEET).read_text(encoding="utf-8").removeprefix("---\n").split("\n---\n", 1)
SHEET_DATA = yaml.safe_load(_HEAD)
FIELDS = [("titre",), ("en_bref",), ("objectifs", 0), ("materiel", 0), ("salle",), ("deroule", 0, "titre"),
          ("deroule", 1, "consignes"), ("deroule", 0, "invitation"), ("livrables", 0)]
TRAPS = [
    '{: #cr--atelier-planificateur .atelier-ajout data-atelier-fiche="x" }',
    '<div id="cr--planificateur" class="atelier-ajout fiche-materiel" data-atelier-fiche="x">a</div>',
    '<div markdown id="cr--x" class="etape">\n\n**a**\n\n</div>',
    "!!! atelier-ajout \"x\"\n    y", "??? fiche-materiel\n    y",
    "```{.atelier-ajout #cr--y data-atelier-fiche=z}\nz\n```",
    "## __drawer", "### Étape 1 : Ouvrir {#etape-1}", "## cr--recherche-champ",
    '" data-atelier-fiche="x', "' onmouseover='x", "{{ 8191*8191 }}", "{% raw %}x{% endraw %}",
    "\n---\nrender_macros: true\ntitle: x\n", "*a*{: .atelier-ajout }", "[x](#cr--x){: #cr--z }",
    "<span class=\"atelier-ajout\">a</span>", "<h2 id=\"cr--z\">z</h2>", "x\n{: data-atelier-fiche=\"y\" }",
    "\ue020", "\ue021", "\ue010", "\ue000a\ue001b\ue002",
]
TRAP = st.one_of(st.sampled_from(TRAPS), st.builds(lambda a, b: f"{a} {b}", st.sampled_from(TRAPS),
                                                   st.sampled_from(TRAPS)))
SITE_MARKDOWN = [*SITE_EXTENSIONS, "toc", "centre_ressources.render.contributed"]


class _Hooks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.data: list[str] = []
        self.classes: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value and value.startswith((contributed_markup.SITE_ID_PREFIX, "_")):
                self.ids.add(value)
            if name.startswith("data-"):
                self.data.append(name)
            if name == "class" and value:
                self.classes.update(value.split())


def hooks(page: str) -> tuple[set[str], list[str], set[str]]:
    reader = markdown.Markdown(extensions=SITE_MARKDOWN,
                               extension_configs={"toc": {"slugify": heading_slug, "permalink": True}})
    parser = _Hooks()
    parser.feed(reader.convert(as_markdown(get_data(page)[0])))
    return parser.ids, sorted(parser.data), parser.classes


class _Project(tuple):
    """(root, pages as they are), shown short when Hypothesis prints a failing example."""

    def __repr__(self) -> str:
        return f"<copie de tests/fixtures/mini : {self[0]}>"


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    root = copy_project(tmp_path_factory.mktemp("fuzz-pages") / "project", content="mini")
    _, site = generate(root, frame_contributions=True)
    return _Project((root, {uri: site.pages[uri] for uri in site.pages}))


def _set(data: dict, path: tuple, value: str) -> None:
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


@st.composite
def hostile_sheet(draw) -> str:
    data = yaml.safe_load(_HEAD)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(FIELDS))
        _set(data, path, "Un texte assez long pour le champ, puis : " + draw(TRAP))
    body = _BODY
    for _ in range(draw(st.integers(0, 2))):
        body += f"\n\n{draw(TRAP)}\n"
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10 ** 6) + "---\n" + body


ALLOWED_CLASSES = set().union(*contributed_markup.CLASSES.values())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(text=hostile_sheet())
def test_hostile_text_in_a_sheet_takes_no_control_of_its_pages(fuzz_root, text):
    root, baseline = fuzz_root
    (root / SHEET).write_text(text, encoding="utf-8")
    try:
        _, site = generate(root, frame_contributions=True)
    except ContentErrors as refused:
        assert all(error.line >= 1 and error.path for error in refused.errors)
        return
    for uri in site.pages:
        page = site.pages[uri]
        if page == baseline.get(uri):
            continue
        meta = get_data(page)[1]
        assert "render_macros" not in meta and set(meta) <= {"title", "description", "mise_a_jour", "recherche",
                                                              "hide"}, (uri, meta)
        try:
            ids, data, classes = hooks(page)
        except UnpairedMarker as lost:  # check let through what Markdown reads as an open block
            raise AssertionError(f"{uri}: {lost}") from None
        before_ids, before_data, before_classes = hooks(baseline[uri]) if uri in baseline else (set(), [], set())
        assert ids == before_ids, (uri, ids ^ before_ids)
        assert data == before_data, uri
        assert classes <= before_classes | ALLOWED_CLASSES | {"md-tag", "md-tags"}, (uri, classes - before_classes)
        assert "67092481" not in page


def test_the_hooks_seen_are_those_of_the_template():
    page = "---\ntitle: t\n---\n" + '<div id="cr--a" class="etape" data-x="1">x</div>\n\n## __drawer\n'
    ids, data, classes = hooks(page)
    assert ids == {"cr--a"} and data == ["data-x"] and "etape" in classes  # __drawer became « drawer »
    assert not re.search("__", " ".join(ids))
