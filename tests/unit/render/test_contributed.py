"""Contributed Markdown inside a page keeps only what the contributed allowlist permits
(render/contributed.py), whatever syntax carries it: raw HTML, attribute lists, md_in_html,
admonition kinds, fenced-code options; the page's own markup around it is left alone."""

from __future__ import annotations

import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from centre_ressources.content.contributed_markup import SITE_ID_PREFIX
from centre_ressources.content.slugs import heading_slug
from centre_ressources.render.contributed import UnpairedMarker, frame, sanitise
from centre_ressources.render.fragments import SITE_EXTENSIONS, block_html

PAGE_EXTENSIONS = [*SITE_EXTENSIONS, "centre_ressources.render.contributed"]


def page_html(contributed: str, around: str = '<div class="etape" markdown>\n\n### Étape 1 {#etape-1}\n\n{}\n\n</div>') -> str:
    """A page made by a template (its own ids and classes) around a contributed text."""
    reader = markdown.Markdown(extensions=[*PAGE_EXTENSIONS, "toc"],
                               extension_configs={"toc": {"slugify": heading_slug, "permalink": True}})
    return reader.convert(around.replace("{}", frame(contributed)))


HOSTILE = [
    '## Atelier planificateur {: #cr--atelier-planificateur .atelier-ajout data-atelier-fiche="x" }',
    '<div id="cr--atelier-planificateur" class="atelier-ajout" data-atelier-fiche="x" style="color:red">a</div>',
    '<div markdown id="cr--x" class="fiche-materiel">\n**a**\n</div>',
    '!!! atelier-ajout "Titre"\n    texte',
    '??? atelier-ajout\n    texte',
    '```{.atelier-ajout #cr--x data-atelier-fiche=y}\ncode\n```',
    'Un paragraphe\n{: #cr--x .atelier-ajout data-atelier-fiche="x" }',
    '*emphase*{: #cr--x .atelier-ajout }',
    '<a href="https://autre.example" data-atelier-fiche="x" class="atelier-ajout" id="cr--x">lien</a>',
    '<img src="https://traceur.example/p.gif" alt="">',
    '<span onclick="alert(1)" style="x">a</span><script>alert(1)</script><iframe src="x"></iframe>',
    '[lien](javascript:alert(1)) [autre](data:text/html,x)',
    '<svg><script>alert(1)</script></svg><math><mi>x</mi></math><style>@import url(https://x)</style>',
    '## __drawer\n\n## cr--recherche-champ',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_contributed_text_sets_no_id_class_or_attribute_the_site_relies_on(text):
    html = page_html(text)
    # the template's own markup is kept
    assert '<div class="etape">' in html and 'id="etape-1"' in html
    contributed = html.split("</h3>", 1)[1]
    assert "atelier-ajout" not in _attributes(contributed)
    assert "data-atelier-fiche" not in contributed and "style=" not in contributed and "onclick" not in contributed
    assert "<script" not in contributed and "<iframe" not in contributed and "<style" not in contributed
    assert "javascript:" not in contributed and "data:text" not in contributed and "traceur.example" not in contributed
    ids = re.findall(r'\bid="([^"]*)"', contributed)
    assert all(not i.startswith(("_", SITE_ID_PREFIX)) and "--" not in i for i in ids), ids


def _attributes(html: str) -> str:
    return " ".join(re.findall(r"<[a-z][^>]*>", html))


def test_what_markdown_writes_for_a_contributor_is_kept():
    html = page_html("## Un titre\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n!!! tip \"Astuce\"\n    Oui.\n\n"
                     "```python\nx = 1\n```\n\n[lien](../autre.md) ![photo](photo.jpg) <abbr title=\"t\">T</abbr>")
    assert '<h2 id="un-titre">' in html and 'class="headerlink"' in html
    assert 'style="text-align:left"' in html and '<div class="admonition tip">' in html
    assert '<p class="admonition-title">Astuce</p>' in html and '<div class="highlight">' in html
    assert '<span class="n">x</span>' in html and '<img alt="photo" src="photo.jpg">' in html
    assert '<abbr title="t">T</abbr>' in html


def test_the_core_s_own_fragments_are_contributed_as_a_whole():
    html = block_html('<div id="cr--x" class="atelier-ajout" data-atelier-fiche="y">a</div>\n\n!!! atelier-ajout\n    b',
                      "fiches/a.md")
    assert "atelier-ajout" not in _attributes(html) and "cr--x" not in html and "data-atelier" not in html


def test_a_frame_swallowed_by_markdown_refuses_the_page():
    reader = markdown.Markdown(extensions=PAGE_EXTENSIONS)
    with pytest.raises(UnpairedMarker):
        reader.convert(frame("texte") + "\n\n<div>\n\n" + frame("<div>non fermé"))


def test_markers_written_by_a_contributor_do_not_frame_anything():
    framed = frame("a \ue021 b \ue020")
    assert framed.count("\ue020") == framed.count("\ue021") == 1 and framed.index("\ue020") < framed.index("\ue021")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list('<>="/ #.{}:!?`*-\nabcdeiltvsp') + ["div", "span", "id", "class", "data-x",
                                                                         "markdown", "style", "!!! "])).map("".join))
def test_no_mix_of_markup_gives_a_contributed_element_an_attribute_outside_the_allowlist(text):
    try:
        html = page_html(text, around="{}")
    except UnpairedMarker:
        return  # refused: nothing published
    for tag in re.findall(r"<[a-z][^>]*>", html):
        for name, value in re.findall(r'\s([a-z-]+)="([^"]*)"', tag):
            assert name in {"id", "class", "href", "title", "src", "alt", "style", "open"}, tag
            if name == "id":
                assert not value.startswith(("_", SITE_ID_PREFIX)) and "--" not in value, tag
            if name == "class":
                assert set(value.split()) <= {"admonition", "admonition-title", "highlight", "headerlink", "note",
                                              "tip", "info", "warning", "danger", "quote", "example"}, tag


def test_sanitise_keeps_only_the_allowlist():
    assert sanitise('<p id="x" class="y" data-z="1">a</p>') == "<p>a</p>"
    assert sanitise('<h2 id="une-section">a</h2><h2 id="cr--x">b</h2>') == "<h2>a</h2><h2>b</h2>"
    # the ids the table of contents gave, in the contributed namespace, are kept
    kept = sanitise('<h2 id="une-section">a</h2><h2 id="cr--x">b</h2>', frozenset({"une-section", "cr--x"}))
    assert kept == '<h2 id="une-section">a</h2><h2>b</h2>'


def test_a_contributed_heading_cannot_take_an_anchor_of_the_page():
    # the template's own « Déroulé » and published step come after the contributor's text
    html = page_html("## Déroulé\n\n### Étape 1\n\n<h3 id=\"etape-1\">Fausse étape</h3>",
                     around="{}\n\n## Déroulé\n\n### Étape 1 : Ouvrir {#etape-1}\n")
    assert html.count('id="deroule"') == 1 and html.count('id="etape-1"') == 1
    assert html.index('id="deroule"') > html.index("</h3>")  # the page's own heading holds it
    assert 'id="deroule_1"' in html and 'id="etape-1_1"' in html  # the contributor's, numbered
    assert "Fausse étape" in html and 'id="etape-1">Fausse' not in html


def test_raw_html_in_a_contributed_text_keeps_no_id_of_its_own():
    html = page_html('<h2 id="une-section">Titre brut</h2>\n\n## Titre vrai', around="{}")
    assert '<h2>Titre brut</h2>' in html and '<h2 id="titre-vrai">' in html
