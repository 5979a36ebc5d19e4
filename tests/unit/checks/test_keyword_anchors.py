"""Keywords and glossary terms name an address: each holds a letter or a digit."""

from __future__ import annotations

import pytest

from centre_ressources.checks.keywords import keyword_problems
from centre_ressources.checks.per_file import file_problems
from centre_ressources.content.frontmatter import parse_document
from centre_ressources.content.glossary import check_glossary, load_glossary

SHEET = "---\ntitre: Une fiche fictive\nmots_cles: [{words}]\n---\n"


def problems(words: str) -> list[str]:
    return [error.format() for error in keyword_problems(parse_document(SHEET.format(words=words), "methods/x.md"))]


@pytest.mark.parametrize("word", ["'!!'", "'??'", "'—'", "'« »'", "日本", "'🙂🙂'"])
def test_a_keyword_without_latin_letter_or_digit_is_refused_at_its_line(word):
    [found] = problems(f"évaluation, {word}")
    assert found.startswith("methods/x.md:3:")
    assert "champ « mots_cles[2] » : le mot-clé « " in found
    assert "n'a ni lettre latine ni chiffre" in found and "écrivez-y au moins une lettre" in found


@pytest.mark.parametrize("word", ["évaluation", "'!! Urgence'", "'2024'", "œuvre", "'é'"])
def test_a_keyword_with_a_letter_or_a_digit_passes(word):
    assert problems(word) == []


def _glossary(tmp_path, entry: str):
    (tmp_path / "glossary.yml").write_text(
        "termes:\n  - terme: terme fictif\n    definition: Une définition fictive assez longue.\n" + entry,
        encoding="utf-8")
    errors: list = []
    terms = load_glossary(tmp_path, errors, file_problems)
    assert errors == []
    return [error.format() for error in check_glossary(terms, {})]


def test_a_glossary_term_whose_anchor_would_be_empty_is_refused_at_its_line(tmp_path):
    [found] = _glossary(tmp_path, "  - terme: '——'\n    definition: Une autre définition fictive assez longue.\n")
    assert found.startswith("glossary.yml:4:1 : champ « termes[2].terme » : le terme « —— » n'a ni lettre latine")
    assert found.endswith("ou donnez-lui un « slug » (l'ancre de sa définition).")


def test_such_a_term_given_its_own_slug_passes(tmp_path):
    assert _glossary(tmp_path, "  - terme: '——'\n    slug: tiret-long\n"
                               "    definition: Une autre définition fictive assez longue.\n") == []
