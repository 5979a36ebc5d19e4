"""The rules for facts as checks that hold for any content, checked on the real project (site/test_source_rules.py) and on the grown one (build/test_contributions_pass.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from centre_ressources import urls
from support.project import PROJECT
from support.source_copy import copied_sentences, normalise, page_text, site_pages

# The source lives beside the project, as ../shared/sources (see its README).
ARTICLE = PROJECT.parent / "shared" / "sources" / "000_ed1276d05e6000f6.txt"


def article_title(article: str) -> str:
    """The article's title (its first line), normalised as the checks compare it."""
    return normalise(article.split("\n", 1)[0])


def cites_the_article(case, title: str) -> bool:
    """Whether a case study's own data names the La Fonda article (its normalised title) among its sources."""
    return any(normalise(source.titre) == title for source in case.sources)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@dataclasses.dataclass(frozen=True)
class Judged:
    """The pages the copy rule judges, and how."""

    own: dict[str, str]  # the pages of the cases that cite the article: judged whole
    shared: dict[str, str]  # every other page written from the article, judged with `set_aside` cut out
    set_aside: tuple[str, ...]  # the texts of the cases that do not cite the article

    @property
    def pages(self) -> dict[str, str]:
        return {**self.own, **self.shared}

    def copies(self, article: str) -> list[tuple[str, str]]:
        return sorted(copied_sentences(article, self.own) + copied_sentences(article, self.shared, self.set_aside))


def pages_judged_against_the_article(cases, pages: dict[str, str], title: str) -> Judged:
    """What the copy rule judges (../shared/sources/README.md): what is written from the article.
    That is every page (phases, sheets, paths, hand-written pages, the cases that cite it),
    except the pages of a case study whose sources do not cite the article; the texts of such
    a case are also set aside where the shared pages show them (its moments on a sheet's page,
    its summary in the catalogue), never on the page of a case that cites the article."""
    def own_pages(case) -> set[str]:
        return {urls.public_url(urls.case_page(slug)) + "index.html" for slug in (case.slug, *case.alias)}

    citing = [case for case in cases if cites_the_article(case, title)]
    others = [case for case in cases if not cites_the_article(case, title)]
    judged_whole = set().union(*map(own_pages, citing))
    not_judged = set().union(*map(own_pages, others))
    return Judged(
        own={name: html for name, html in pages.items() if name in judged_whole},
        shared={name: html for name, html in pages.items() if name not in judged_whole | not_judged},
        set_aside=tuple(text for case in others for text in _strings(case.origin.data)),
    )


def check_no_sentence_of_the_article_is_copied(root: Path, site: Path, article: str) -> Judged:
    """For any content: no sentence of the article is copied on a page written from it."""
    from centre_ressources.pipeline import build_catalogue

    judged = pages_judged_against_the_article(build_catalogue(root).cases, site_pages(site), article_title(article))
    found = judged.copies(article)
    assert found == [], "\n".join(f"{page} : « {sentence} »" for page, sentence in found)
    return judged


def check_case_pages_cite_their_sources(root: Path, site: Path, article: str) -> None:
    """For any content: every case page cites at least one source, and each of its own sources
    (title, publisher, year or its absence); a case citing the La Fonda article names it as such."""
    from centre_ressources.pipeline import build_catalogue

    title = article_title(article)
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
