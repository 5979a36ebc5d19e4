"""The contributors' short texts in the parts of a page written as HTML
(centre_ressources/render/fragments.py): what a visitor reads must be what Python-Markdown,
with the site's extensions, makes of the same text; the shortcut for texts without markup is
held to it, on made-up texts and on every such text of the project's content."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from centre_ressources.pipeline import build_catalogue
from centre_ressources.render.contributed import ContributedExtension
from centre_ressources.render.fragments import SITE_EXTENSIONS, block_html, inline_html
from support.project import PROJECT

PAGE = "fiches/exemple.md"


def _library(text: str) -> str:
    """What the site's Markdown makes of a contributed text (the whole of it contributed)."""
    return markdown.markdown(text, extensions=[*SITE_EXTENSIONS, ContributedExtension(whole=True)])


def _library_inline(text: str) -> str:
    converted = _library(text)
    assert converted.startswith("<p>") and converted.endswith("</p>")
    return converted[3:-4]


def test_the_extensions_are_those_of_the_site():
    config = yaml.load((PROJECT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    names = {next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]}
    assert set(SITE_EXTENSIONS) == names - {"toc", "centre_ressources.render.contributed"}
    assert "centre_ressources.render.contributed" in names


@pytest.mark.parametrize("text", [
    "Des chaises en cercle, un mur libre ; « un café » pour l'accueil.",
    "Deux lignes\nd'une même phrase",
    "Un nombre : 12 personnes (au plus) — et un tiret - au milieu.",
    "Une adresse https://exemple.org/page sans chevrons",
])
def test_plain_text_is_what_the_library_makes_of_it(text):
    assert inline_html(text, PAGE) == _library_inline(text)
    assert block_html(text, PAGE) == _library(text)


@pytest.mark.parametrize("text", [
    "Un mot **en gras** et un *autre*",
    "Le tarif : 5 € & plus",
    "Un <em>passage</em> balisé",
    "Une ligne  \ncoupée",
    "Un `code` et un \\*astérisque\\*",
])
def test_text_with_markup_goes_through_the_library(text):
    assert inline_html(text, PAGE) == _library_inline(text)


def test_blocks_keep_lists_and_paragraphs():
    text = "Avant la séance :\n\n- imprimer la frise ;\n- prévoir des feutres.\n\nPuis :\n\n1. Ouvrir\n2. Clore"
    assert block_html(text, PAGE) == _library(text)
    assert "<ul>" in block_html(text, PAGE) and "<ol>" in block_html(text, PAGE)
    plain = "Premier paragraphe,\nsur deux lignes.\n\nSecond paragraphe."
    assert block_html(plain, PAGE) == _library(plain)


def test_links_to_markdown_files_go_to_the_served_pages():
    # as MkDocs rewrites them in the Markdown it converts: from fiches/exemple/, one level up
    html = inline_html("Voir [la charte](rediger-la-charte.md#preparation) et "
                       "[le cas](../etudes-de-cas/vallee/index.md), [ailleurs](https://exemple.org/a.md)", PAGE)
    assert '<a href="../rediger-la-charte/#preparation">la charte</a>' in html
    assert '<a href="../../etudes-de-cas/vallee/">le cas</a>' in html
    assert '<a href="https://exemple.org/a.md">ailleurs</a>' in html
    case = "etudes-de-cas/vallee/index.md"
    assert '<img alt="carte" src="carte.png">' in block_html("![carte](carte.png)", case)


def test_every_plain_text_of_the_content_takes_the_shortcut_faithfully():
    # Whatever the catalogue holds (a new sheet or case included), its short texts convert as
    # the library converts them.
    catalogue = build_catalogue(Path(PROJECT))
    texts = [sheet.en_bref for sheet in catalogue.sheets]
    for sheet in catalogue.sheets:
        texts += [*sheet.objectifs, *sheet.participants.roles, *sheet.materiel, *sheet.livrables]
        texts += [step.invitation or "" for step in sheet.deroule] + [step.groupes or "" for step in sheet.deroule]
    for case in catalogue.cases:
        texts += [entry.texte for entry in case.chronologie] + list(case.enseignements or ())
    blocks = [sheet.salle for sheet in catalogue.sheets]
    blocks += [step.consignes for sheet in catalogue.sheets for step in sheet.deroule if step.consignes]
    assert texts and blocks
    for text in filter(None, (t.strip() for t in texts)):
        assert inline_html(text, PAGE) == _library_inline(text), text
    for text in filter(None, (t.strip() for t in blocks)):
        assert block_html(text, PAGE) == _library(text), text
