"""A page's anchors, for the link check, are those the strict build judges links by: MkDocs'
own reading of a page (its anchor extraction, with mkdocs.yml's Markdown extensions) gives the
same ids for mixes of headings Hypothesis writes (escapes, inline HTML and code, emphasis,
links, raw HTML around them, fences, repeated titles)."""

from __future__ import annotations

import markdown
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure.pages import _ExtractAnchorsTreeprocessor, _RawHTMLPreprocessor
from mkdocs.utils.yaml import get_yaml_loader

from centre_ressources.checks.hyperlinks import SiteMap, check_links, page_anchors
from centre_ressources.render.contributed import frame
from centre_ressources.render.html_blocks import html_block
from support.project import PROJECT
from support.texts import body_texts


def _site_extensions() -> tuple[list[str], dict[str, dict]]:
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    names, configs = [], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        configs[name] = options or {}
    return names, configs


EXTENSIONS, CONFIGS = _site_extensions()


def mkdocs_anchors(text: str) -> set[str]:
    """The anchors MkDocs finds in a page (mkdocs/structure/pages.py, Page.render)."""
    reader = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    raw, tree = _RawHTMLPreprocessor(), _ExtractAnchorsTreeprocessor(None, None, None)  # type: ignore[arg-type]
    raw._register(reader)
    tree._register(reader)
    reader.convert(text)
    return tree.present_anchor_ids | raw.present_anchor_ids


def test_the_three_readings_a_regex_got_wrong():
    assert page_anchors("<div>\n### Titre caché\n</div>\n") == set()  # raw HTML: no heading at all
    assert page_anchors("### snake\\_case\n") == {"snake_case"}
    assert page_anchors("### Un <b>mot</b> fort\n") == {"un-mot-fort"}


def test_the_ids_of_a_part_written_as_html_are_no_anchors_the_build_checks():
    page = "# Titre\n" + html_block('<div id="cr--atelier-ajout"><p>Ajouter</p></div>') + "## Suite\n"
    assert page_anchors(page) == {"titre", "suite"}


def test_front_matter_is_no_heading():
    assert page_anchors("---\ntitle: Une page\n---\n# Une page\n\n### Étape 1 {#etape-1}\n") == {"une-page", "etape-1"}


def test_a_link_to_an_anchor_is_checked_against_them():
    site = SiteMap({"etudes-de-cas/cas/index.md": "# Cas\n\n<div>\n### Caché\n</div>\n\n### snake\\_case\n"}, set())
    texts = body_texts("[a](#cache) [b](#snakecase) [c](#snake_case) [d](#cas)")
    assert [error.message for error in check_links(texts, "etudes-de-cas/cas/index.md", site)] == [
        "l'ancre « #cache » n'existe pas dans cette page.", "l'ancre « #snakecase » n'existe pas dans cette page."]


_WORDS = st.sampled_from(["Étape", "snake\\_case", "*mot*", "**fort**", "`code`", "<b>gras</b>", "<i>x</i>", "&amp;",
                          "[lien](x.md)", "l'été", "2", "Œuvre", "🙂", "__drawer", "cr--x", "a_b", "-", "!", "\\#"])
_HEADING = st.tuples(st.sampled_from(["#", "##", "###", "######"]), st.lists(_WORDS, min_size=1, max_size=4)).map(
    lambda parts: f"{parts[0]} {' '.join(parts[1])}")
_BLOCK = st.one_of(
    _HEADING,
    _HEADING.map(lambda heading: f"<div>\n{heading}\n</div>"),
    _HEADING.map(lambda heading: f'<div markdown="1">\n\n{heading}\n\n</div>'),
    _HEADING.map(lambda heading: f"```\n{heading}\n```"),
    _HEADING.map(lambda heading: f"> {heading}"),
    _HEADING.map(lambda heading: f"- point\n\n    {heading}"),
    st.just("Un paragraphe."),
    st.just("Titre souligné\n=============="),
)
PAGES = st.lists(_BLOCK, min_size=1, max_size=8).map("\n\n".join)


@settings(max_examples=300, deadline=None)
@given(PAGES)
def test_a_page_has_the_anchors_mkdocs_finds_in_it(page):
    assert page_anchors(page) == mkdocs_anchors(page)
    framed = f"# Une page\n{frame(page)}\n## Suite\n"  # a contributed text, as the build frames it
    assert page_anchors(framed) == mkdocs_anchors(framed)
