"""The rules for facts, checked on the built site: no sentence of the source article is copied,
every case study cites it, every sheet shows every section."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PROJECT
from source_copy import copied_sentences, normalise, page_text, site_pages, source_sentences

# The source lives beside the project, as ../shared/sources (see its README).
ARTICLE = PROJECT.parent / "shared" / "sources" / "000_ed1276d05e6000f6.txt"

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
    found = copied_sentences(article, site_pages(real_site))
    assert found == [], "\n".join(f"{page} : « {sentence} »" for page, sentence in found)


def cites_the_article(case, title: str) -> bool:
    """Whether a case study's own data names the La Fonda article (its normalised title) among its sources."""
    return any(normalise(source.titre) == title for source in case.sources)


def check_case_pages_cite_their_sources(root: Path, site: Path, article: str) -> None:
    """For any content: every case page cites at least one source, and each of its own sources
    (title, publisher, year or its absence); a case citing the La Fonda article names it as such."""
    from centre_ressources.pipeline import build_catalogue

    title = normalise(article.split("\n", 1)[0])
    for case in build_catalogue(root).cases:
        html = (site / "etudes-de-cas" / case.slug / "index.html").read_text(encoding="utf-8")
        assert 'id="sources"' in html, case.slug
        sources = page_text(html[html.index('id="sources"'):])
        assert case.sources, case.slug
        for source in case.sources:
            assert normalise(source.titre) in sources, (case.slug, source.titre)
            assert normalise(source.editeur) in sources, (case.slug, source.editeur)
            year = str(source.annee) if source.annee else "année de publication non indiquée"
            assert year in sources, (case.slug, year)
        if cites_the_article(case, title):
            assert title in sources and "la fonda" in sources, case.slug


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
