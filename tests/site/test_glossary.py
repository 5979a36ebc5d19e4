"""The glossary: glossary.yml checked with French errors at file:line, its page, and the links
the generated pages make to it."""

import shutil
import textwrap

import pytest

from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import build_catalogue, generate
from support.project import FIXTURES, GLOSSARY, PROJECT


@pytest.fixture
def mini(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def write(root, text: str) -> None:
    (root / "glossary.yml").write_text(textwrap.dedent(text), encoding="utf-8")


def errors_of(root) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        build_catalogue(root)
    return [error.format() for error in caught.value.errors]


def test_glossary_page_has_one_anchor_per_term_in_alphabetical_order(mini):
    write(mini, GLOSSARY)
    _, site = generate(mini)
    page = site.pages["glossaire.md"]
    assert "## Fiche de test {#fiche-de-test}" in page
    assert "## Lien commun (LC) {#lien-commun}" in page
    assert page.index("{#fiche-de-test}") < page.index("{#lien-commun}")
    assert "*Voir aussi :* [lien commun](#lien-commun)" in page
    assert "*Dans les fiches :* [Fiche alpha](fiches/alpha.md)" in page
    assert {"Glossaire": "glossaire.md"} in site.nav


def test_generated_pages_link_the_first_occurrence_to_the_glossary(mini):
    write(mini, GLOSSARY)
    _, site = generate(mini)
    sheet = site.pages["fiches/alpha.md"]
    assert sheet.startswith("---\ntitle: \"Fiche alpha\"")
    # the first occurrence is in « En bref », a part of the page written as HTML
    assert '<a class="terme" href="../../glossaire/#fiche-de-test">fiche de test</a>' in sheet
    assert sheet.count("#fiche-de-test") == 1
    assert "# Fiche alpha\n" in sheet  # the heading itself is never linked


def test_without_a_glossary_file_there_is_no_page_and_no_link(mini):
    _, site = generate(mini)
    assert "glossaire.md" not in site.pages
    assert not any("glossaire.md" in text for text in site.pages.values())
    assert "Glossaire" not in str(site.nav)


def test_unknown_field_is_named_with_its_line_in_french(mini):
    write(mini, """\
    termes:
      - terme: fiche de test
        definiton: Une fiche qui ne sert qu'aux tests automatiques du site.
    """)
    found = errors_of(mini)
    assert "glossary.yml:3:5 : champ « termes[1].definiton » : ce champ est inconnu ; vouliez-vous dire « definition » ?" in found
    assert any("glossary.yml:2:5 : champ « termes[1].definition » : ce champ obligatoire manque" in e for e in found)


def test_unknown_references_are_errors_at_their_line(mini):
    write(mini, """\
    termes:
      - terme: fiche de test
        definition: Une fiche qui ne sert qu'aux tests automatiques du site.
        voir_aussi: [lien-comun]
        fiches:
          - alfa
      - terme: lien commun
        definition: Ce qui relie deux fiches de test, d'une phase à l'autre.
    """)
    found = errors_of(mini)
    assert ("glossary.yml:4:1 : champ « termes[1].voir_aussi[1] » : aucun terme du glossaire n'a l'ancre "
            "« lien-comun » ; vouliez-vous dire « lien-commun » ?") in found
    assert "glossary.yml:6:1 : champ « termes[1].fiches[1] » : aucune fiche ne s'appelle « alfa » ; vouliez-vous dire « alpha » ?" in found


def test_a_form_claimed_by_two_terms_is_an_error(mini):
    write(mini, """\
    termes:
      - terme: fiche de test
        definition: Une fiche qui ne sert qu'aux tests automatiques du site.
      - terme: lien commun
        formes:
          - Fiche de test
        definition: Ce qui relie deux fiches de test, d'une phase à l'autre.
    """)
    assert errors_of(mini) == [
        "glossary.yml:6:1 : champ « termes[2].formes[1] » : la forme « Fiche de test » appartient déjà au terme « fiche de test »."
    ]


def test_yaml_syntax_error_names_the_line(mini):
    write(mini, """\
    termes:
      - terme: fiche de test
        definition: "Une fiche qui ne sert qu'aux tests
    """)
    [error] = errors_of(mini)
    assert error.startswith("glossary.yml:3:")
    assert "guillemets" in error


def test_unsafe_markup_in_a_definition_is_refused(mini):
    write(mini, """\
    termes:
      - terme: fiche de test
        definition: Une fiche <script>alert(1)</script> qui ne sert qu'aux tests.
    """)
    [error] = errors_of(mini)
    assert error.startswith("glossary.yml:3:1 : champ « termes[1].definition » : la balise <script> est interdite")


def test_real_glossary_is_valid_and_covers_the_terms_of_the_approach():
    catalogue = build_catalogue(PROJECT)
    slugs = {term.slug for term in catalogue.glossary}
    for slug in ("communaute-d-action", "tiers-veilleur", "fonction-de-soutien", "question-strategique-essentielle",
                 "objectifs-de-transformation", "groupe-d-initiative", "groupe-de-pilotage", "portage-politique",
                 "cartographie-des-acteurs", "feuille-de-route", "charte-de-cooperation", "communaute-apprenante",
                 "capitalisation", "projet-alimentaire-de-territoire", "convention-territoriale-globale",
                 "economie-sociale-et-solidaire", "maison-des-associations"):
        assert slug in slugs
