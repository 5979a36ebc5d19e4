"""The rules for facts, checked on the built site: no sentence of the source article is copied
into what is written from it, every case study cites its sources (the article for those built
on it), every sheet shows every section."""

from __future__ import annotations

import dataclasses
import re

import pytest

from centre_ressources.content.records import Origin, SourceRef
from support.project import FIXTURES, PROJECT
from support.source_copy import copied_sentences, normalise, page_text, source_sentences
from support.source_rules import (
    ARTICLE,
    article_title,
    check_case_pages_cite_their_sources,
    check_no_sentence_of_the_article_is_copied,
    pages_judged_against_the_article,
)

# What every sheet page shows, in this order (the prose sections come from the sheet's
# Markdown, the others from its data and from the case studies).
SHEET_SECTIONS = ("En bref", "Objectifs", "Participants", "Matériel", "Quand l'utiliser", "Préparation",
                  "Déroulé", "Livrables", "Conseils et pièges", "Variantes", "Sur le terrain", "Fiches liées")


@pytest.fixture(scope="module")
def article() -> str:
    assert ARTICLE.is_file(), f"source introuvable : {ARTICLE} (le dépôt shared doit être à côté du projet)"
    return ARTICLE.read_text(encoding="utf-8")


def test_the_check_finds_a_copied_sentence_whatever_the_typography(article):
    copied = ("<html><body><p>Intro. Ces deux territoires ont été retenus pour leur\u00a0QUALITÉ intrinsèque "
              "ainsi que pour leur complémentarité !</p><script>var x;</script></body></html>")
    assert copied_sentences(article, {"page.html": copied}) == [
        ("page.html", normalise("ces deux territoires ont été retenus pour leur qualité intrinsèque ainsi que "
                                "pour leur complémentarité"))]


def test_the_check_lets_the_title_fixed_names_and_rewritten_sentences_through(article):
    title = article.split("\n", 1)[0]
    page = (f"<p>{title}</p><p>Le Réseau d’échanges et de service aux associations du Pays de Morlaix, "
            "le Guide méthodologique du Faire ensemble.</p>"
            "<p>Les deux territoires ont été choisis pour leurs qualités propres et parce qu'ils se complètent.</p>")
    assert copied_sentences(article, {"page.html": page}) == []
    assert len(source_sentences(article)) > 50  # the article is really read, sentence by sentence


def test_no_sentence_of_the_source_is_copied_on_the_site(real_site, article):
    judged = check_no_sentence_of_the_article_is_copied(PROJECT, real_site, article)
    assert "index.html" in judged.shared and "fiches/index.html" in judged.shared


def test_a_case_citing_only_its_own_sources_is_not_judged_against_the_article(article):
    from centre_ressources.pipeline import build_catalogue

    first, second = source_sentences(article)[10:12]
    base = build_catalogue(FIXTURES / "mini").cases[0]
    # Fictional cases: one written from its own (fictional) report, one from the article.
    own = dataclasses.replace(
        base, slug="ville-exemple", alias=("ancienne-ville-exemple",),
        sources=(SourceRef("Rapport d'activité de la Maison des associations de Ville-Exemple (fictif)",
                           "Maison des associations de Ville-Exemple (fictive)", 2031, None),),
        origin=Origin("case_studies/ville-exemple/index.md", data={"chronologie": [{"texte": first.capitalize()}]}))
    citing = dataclasses.replace(
        base, slug="bourg-exemple", alias=(),
        sources=(SourceRef(article.split("\n", 1)[0], "La Fonda", None, None),))
    pages = {
        "etudes-de-cas/ville-exemple/index.html": f"<p>{first}.</p>",
        "etudes-de-cas/ancienne-ville-exemple/index.html": f"<p>{first}.</p>",
        "etudes-de-cas/bourg-exemple/index.html": f"<p>{first}.</p>",
        # The fictional case's moment shown on a sheet, beside a sentence of the sheet itself.
        "fiches/alpha/index.html": f"<h2>Sur le terrain</h2><p>{first}.</p><p>Une fiche qui copie : {second}.</p>",
    }
    judged = pages_judged_against_the_article((own, citing), pages, article_title(article))
    assert list(judged.own) == ["etudes-de-cas/bourg-exemple/index.html"]
    assert list(judged.shared) == ["fiches/alpha/index.html"]
    assert judged.copies(article) == [
        ("etudes-de-cas/bourg-exemple/index.html", first), ("fiches/alpha/index.html", second)]
    # Without the set-aside, the fictional moment on the sheet would count as a copy.
    assert ("fiches/alpha/index.html", first) in copied_sentences(article, judged.shared)


def test_a_short_text_set_aside_does_not_hide_a_copy(article):
    sentence = source_sentences(article)[10]
    word = sentence.split()[3]
    assert copied_sentences(article, {"page.html": f"<p>{sentence}</p>"}, set_aside=[word]) == [
        ("page.html", sentence)]


def test_every_case_page_cites_its_sources_with_title_publisher_and_year(real_site, article):
    check_case_pages_cite_their_sources(PROJECT, real_site, article)


def test_every_sheet_page_shows_every_section_in_order(real_site):
    for path in sorted((PROJECT / "methods").glob("*.md")):
        html = (real_site / "fiches" / path.stem / "index.html").read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        titles = [page_text(m) for m in re.findall(r"<h2[^>]*>(.*?)</h2>", article, re.S)]
        titles = [t.removesuffix("¶").strip() for t in titles]
        assert 'class="admonition-title">En bref<' in article, path.stem
        expected = [normalise(section) for section in SHEET_SECTIONS[1:]]
        assert [t for t in titles if t in expected] == expected, (path.stem, titles)
        assert 'id="etape-1"' in article and "Durée" in article, path.stem
