"""In a build, the pictures and glossary links of generated pages are put in the HTML once
Markdown has run (centre_ressources/render/deferred.py): visitors must get exactly what the plain
Markdown form gives, where it gives it, and never a placeholder or a stray mark."""

from __future__ import annotations

import re

import markdown
import pytest

from centre_ressources.render.deferred import DeferredParts
from centre_ressources.render.pictures.markup import element

PAGE = "etudes-de-cas/exemple/index.md"
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]


def _convert(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_pictures_and_terms_come_back_where_markdown_had_them():
    deferred = DeferredParts()
    picture = element("figure", element("figcaption", "Carte de la communauté"),
                      element("ul", element("li", "Résam & co")), class_="carte")
    text = (f"## Carte\n{deferred.picture(PAGE, picture)}"
            f"Une {deferred.term_link('communaute-d-action', 'communauté d’action')} vivante.\n")

    html = deferred.restore(PAGE, _convert(text))

    assert re.search(r'<h2 id="carte">Carte</h2>\s*<figure class="carte">', html)
    assert "<li>Résam &amp; co</li>" in html
    assert ('Une <a class="terme" href="../../glossaire/#communaute-d-action">communauté d’action</a> vivante.'
            in html)
    assert not re.search("[\ue000-\ue002]|centre-ressources-image", html)


def test_a_term_that_markdown_cut_with_a_tag_keeps_its_text_without_a_link():
    deferred = DeferredParts()
    # Emphasis opened inside the term and closed after it: a link across <em> would be broken HTML.
    text = f"La {deferred.term_link('tiers-veilleur', 'tiers *veilleur')} attentif*.\n"

    html = deferred.restore(PAGE, _convert(text))

    assert "terme" not in html
    assert "La tiers <em>veilleur attentif</em>." in html
    assert not re.search("[\ue000-\ue002]", html)


def test_a_placeholder_that_markdown_lost_stops_the_build():
    deferred = DeferredParts()
    deferred.picture(PAGE, element("figure", element("p", "x")))
    with pytest.raises(ValueError):
        deferred.restore(PAGE, "<p>Rien ici.</p>")


def test_two_builds_use_different_placeholders():
    # Unguessable: no text written in a content file can stand for a picture.
    first, second = DeferredParts(), DeferredParts()
    picture = element("figure", element("p", "x"))
    assert first.picture(PAGE, picture) != second.picture(PAGE, picture)


def test_built_pages_have_their_pictures_and_glossary_links(real_site):
    glossary = (real_site / "glossaire" / "index.html").read_text("utf-8")
    linked = 0
    from centre_ressources.pipeline import build_catalogue
    from support.project import PROJECT

    for page in (real_site / "etudes-de-cas" / case.slug / "index.html" for case in build_catalogue(PROJECT).cases):
        case = page.read_text("utf-8")
        assert re.search(r"Carte de la communauté d.action<a class=\"headerlink\"[^>]*>¶</a></h2>\s*<figure class=\"carte\">",
                         case), page
        assert re.search(r"Chronologie, phase par phase<a class=\"headerlink\"[^>]*>¶</a></h2>\s*<figure class=\"frise\">",
                         case), page
        links = re.findall(r'<a class="terme" href="\.\./\.\./glossaire/#([^"]+)">', case)
        linked += len(links)
        for anchor in links:
            assert f'id="{anchor}"' in glossary, (page, anchor)
    assert linked  # the terms of the approach appear in the stories of the cases
    for page in real_site.rglob("*.html"):
        assert not re.search("[\ue000-\ue002]|centre-ressources-image", page.read_text("utf-8")), page
