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

# Passages the site once published (issue 15): not copies word for word, but the article's
# sentences with a few words swapped or moved. The copy rule must catch every one.
FOLLOWED_TOO_CLOSELY = (
    # docs/enseignements/fonction-de-soutien.md
    "Pour La Fonda, cette fonction de soutien, associée au portage politique et à la rigueur de méthode, "
    "est probablement la condition pour qu'une communauté d'action dure.",
    "Après dix ateliers, La Fonda se retire progressivement de l'animation : la fonction de soutien des deux "
    "collectifs est désormais portée par les acteurs locaux, qui ont été accompagnés pendant deux ans.",
    "À Mulhouse, la communauté d'action a pu compter sur l'implication continue de ses membres tout au long du "
    "cycle : ils représentent 15 structures et services municipaux.",
    # case_studies/mulhouse/index.md
    "Les acteurs locaux de la communauté d'action (15 structures et services municipaux), qui organisent "
    "ensemble le portage collectif de la suite de l'animation ; un poste de chargé de coopération financé par "
    "la CAF du Haut-Rhin est à l'étude.",
    "Un poste de chargé de coopération, financé par la CAF du Haut-Rhin, pourrait en assurer le portage.",
    # methods/ecrire-la-feuille-de-route.md
    "Dans l'expérimentation racontée par La Fonda, la communauté d'action de Mulhouse finalisait ainsi une "
    "feuille de route qui fixait son horizon de travail pour 2025 et la répartition des rôles de la fonction "
    "de soutien.",
    # methods/consulter-les-personnes-concernees.md and glossary.yml (the kit)
    "À Mulhouse, les membres de la communauté d'action sont allés chercher les attentes des jeunes ; ce travail "
    "a abouti à un kit de consultation qui fait remonter leurs envies d'engagement et les accompagnements possibles.",
    "À Mulhouse, la communauté d'action en a conçu un pour faire remonter les envies d'engagement des jeunes et "
    "les accompagnements possibles.",
    # docs/enseignements/tiers-veilleur.md (the alliance, as a list)
    "<p>Le tiers veilleur repose sur une alliance entre deux parties :</p><ul><li><strong>un acteur extérieur "
    "et neutre</strong>, dont le rôle est de faciliter ;</li><li><strong>un noyau dur local</strong>, qui "
    "connaît le territoire, ses enjeux et ses acteurs.</li></ul>",
    # docs/enseignements/portage-politique.md
    "Mais pour peser, la démarche a aussi besoin d'être portée par des responsables politiques : des élus quand "
    "la maison des associations est municipale, le conseil d'administration quand elle est associative.",
    # case_studies/morlaix/index.md: the three action categories, the year 2024
    "Trois familles d'action sont apparues : la formation, la mise en réseau et l'expérimentation d'une "
    "Sécurité sociale de l'alimentation.",
    "En 2024, le collectif s'est organisé : il a élaboré sa charte, préparé un dispositif d'évaluation et "
    "transféré la fonction de soutien à trois structures locales.",
)
# Sentences written from the article's facts in the site's own words: the rule lets them through.
WRITTEN_FROM_THE_ARTICLE = (
    "Au bout de deux ans et de dix ateliers, La Fonda s'efface peu à peu : l'animation revient aux acteurs "
    "du territoire.",
    "Sa question porte sur la transition alimentaire. Elle vise une nourriture saine et durable, respectueuse "
    "du vivant, à laquelle chacun puisse avoir accès.",
    "Une piste est à l'étude : rattacher la démarche à la convention territoriale globale (CTG) de Mulhouse. "
    "Le portage pourrait alors revenir à un chargé de coopération, dont la CAF du Haut-Rhin prendrait le poste "
    "en charge.",
    "La fonction de soutien est entre les mains du Résam, du Pôle ESS du Pays de Morlaix et de l'Ulamir-CPIE, "
    "qui se retrouvent dans le collectif « Les artisan.e.s de la transition ».",
    "La question stratégique essentielle et les objectifs de transformation, affichés au mur.",
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


@pytest.mark.parametrize("passage", FOLLOWED_TOO_CLOSELY, ids=lambda text: text[:40])
def test_the_check_finds_a_sentence_that_follows_the_article_too_closely(article, passage):
    page = passage if passage.startswith("<") else f"<p>{passage}</p>"
    assert copied_sentences(article, {"page.html": page}) != [], passage


@pytest.mark.parametrize("sentence", WRITTEN_FROM_THE_ARTICLE, ids=lambda text: text[:40])
def test_the_check_lets_a_sentence_written_from_the_article_s_facts_through(article, sentence):
    assert copied_sentences(article, {"page.html": f"<p>{sentence}</p>"}) == [], sentence


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
