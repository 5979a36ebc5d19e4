"""Glossary terms are linked once per page, in running text only (centre_ressources/render/glossary_links.py)."""

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from centre_ressources.content.records import Origin, Terme
from centre_ressources.content.slugs import slugify
from centre_ressources.render.glossary_links import TermMatcher, link_terms


def term(terme: str, *formes: str, sigle: str | None = None) -> Terme:
    return Terme(slug=slugify(terme), terme=terme, sigle=sigle, formes=formes, definition="…",
                voir_aussi=(), fiches=(), position=0, origin=Origin("glossary.yml"))


GLOSSARY_TERMS = [
    term("communauté d'action", "communautés d'action"),
    term("objectifs de transformation", "objectif de transformation"),
    term("groupe de pilotage", "groupe de pilotage local", "groupes de pilotage"),
    term("tiers veilleur"),
    term("projet alimentaire de territoire", sigle="PAT"),
    term("capitalisation"),
]
GLOSSARY = TermMatcher.build(GLOSSARY_TERMS)


def linked(markdown: str) -> str:
    return link_terms(markdown, GLOSSARY, lambda slug: f"../glossaire.md#{slug}")


def link(text: str, slug: str) -> str:
    return f"[{text}](../glossaire.md#{slug}){{: .terme }}"


def test_only_the_first_occurrence_is_linked_whatever_its_case():
    page = linked("Une Communauté d'action se forme. La communauté d'action grandit.")
    assert page == "Une " + link("Communauté d'action", "communaute-d-action") + " se forme. La communauté d'action grandit."


def test_headings_are_never_touched_and_do_not_count_as_first():
    page = linked("# La communauté d'action\n\n## Tiers veilleur {#tv}\n\nUne communauté d'action et un tiers veilleur.")
    assert page.startswith("# La communauté d'action\n\n## Tiers veilleur {#tv}\n\n")
    assert link("communauté d'action", "communaute-d-action") in page
    assert link("tiers veilleur", "tiers-veilleur") in page


def test_links_code_html_and_front_matter_are_left_alone():
    source = (
        "---\ntitle: La communauté d'action\n---\n"
        "Voir [la communauté d'action](autre.md) et `tiers veilleur`.\n\n"
        "```\ncapitalisation\n```\n\n"
        '<p class="x">Le groupe de pilotage</p>\n\n'
        '!!! note "Le tiers veilleur"\n'
        "    Une phrase sans terme.\n\n"
        "<https://example.org/capitalisation> et https://example.org/tiers veilleur\n"
    )
    assert linked(source) == source


def test_the_link_text_keeps_its_markdown_link_intact_in_running_text():
    page = linked("Lire [la fiche](fiche.md), puis former la communauté d'action.")
    assert page == "Lire [la fiche](fiche.md), puis former la " + link("communauté d'action", "communaute-d-action") + "."


def test_plural_forms_from_the_data_link_to_the_same_entry_once():
    page = linked("Des communautés d'action, puis une communauté d'action.")
    assert link("communautés d'action", "communaute-d-action") in page
    assert page.count("glossaire.md") == 1


def test_elision_and_typographic_apostrophe_are_recognised():
    page = linked("L’objectif de transformation d’une communauté d’action.")
    assert page == ("L’" + link("objectif de transformation", "objectifs-de-transformation") + " d’une "
                    + link("communauté d’action", "communaute-d-action") + ".")


def test_a_term_broken_over_two_lines_of_one_paragraph_is_found_but_not_across_paragraphs():
    assert linked("Le tiers\nveilleur veille.") == "Le " + link("tiers\nveilleur", "tiers-veilleur") + " veille."
    assert linked("Le tiers\n\nveilleur veille.") == "Le tiers\n\nveilleur veille."


def test_acronyms_keep_their_case_and_words_their_boundaries():
    page = linked("Le PAT de Morlaix ; une pâte, un pat, des recapitalisations.")
    assert page == "Le " + link("PAT", "projet-alimentaire-de-territoire") + " de Morlaix ; une pâte, un pat, des recapitalisations."


def test_the_longest_form_wins_where_forms_overlap():
    page = linked("Le groupe de pilotage local se réunit.")
    assert link("groupe de pilotage local", "groupe-de-pilotage") in page


def test_terms_in_lists_tables_and_emphasis_are_linked():
    page = linked("| Étape | Qui |\n| --- | --- |\n| *Capitalisation* | le groupe de pilotage |\n\n- un **tiers veilleur**")
    assert "| --- | --- |" in page
    assert "*" + link("Capitalisation", "capitalisation") + "*" in page
    assert "**" + link("tiers veilleur", "tiers-veilleur") + "**" in page


def test_an_empty_glossary_changes_nothing():
    assert link_terms("La communauté d'action.", TermMatcher.build([]), str) == "La communauté d'action."


def test_parts_written_as_html_are_linked_between_their_tags_in_page_order():
    from centre_ressources.render.html_blocks import as_markdown, html_block

    part = html_block('<p class="admonition-title">Tiers veilleur</p>\n'
                      '<ul>\n<li><a href="../x/" title="communauté d\'action">Une communauté d\'action</a></li>\n'
                      "<li>Le tiers veilleur et la communauté d'action</li>\n</ul>")
    page = as_markdown(link_terms("## Capitalisation\n" + part + "Un tiers veilleur, puis la capitalisation.\n",
                                  GLOSSARY, lambda slug: f"../glossaire.md#{slug}",
                                  html_href=lambda slug: f"../../glossaire/#{slug}"))
    # not in a link's text, its attributes, a title; in running text, as an HTML link
    assert '<a href="../x/" title="communauté d\'action">Une communauté d\'action</a>' in page
    assert ('<li>Le <a class="terme" href="../../glossaire/#tiers-veilleur">tiers veilleur</a> et la '
            '<a class="terme" href="../../glossaire/#communaute-d-action">communauté d\'action</a></li>') in page
    # linked once per page: the Markdown after the part links only what it has not
    assert "Un tiers veilleur, puis la " + link("capitalisation", "capitalisation") + "." in page


NESTED_TERMS = [term("stratégie d'impact collectif"), term("impact collectif")]
NESTED = TermMatcher.build([*NESTED_TERMS, term("communauté d'action")])


def test_a_term_inside_a_longer_one_already_linked_is_not_linked_there_but_further_on():
    page = link_terms("Une stratégie d'impact collectif. Encore une stratégie d'impact collectif. Enfin l'impact "
                      "collectif.", NESTED, lambda slug: f"g#{slug}")
    assert page == ("Une [stratégie d'impact collectif](g#strategie-d-impact-collectif){: .terme }. Encore une "
                    "stratégie d'impact collectif. Enfin l'[impact collectif](g#impact-collectif){: .terme }.")


# Pieces of pages: terms in every case and shape, and what is never running text around them.
_PIECES = ["communauté d'action", "Communautés d’action", "COMMUNAUTÉ D'ACTION", "stratégie d'impact\ncollectif",
           "impact collectif", "PAT", "pat", "Groupe de pilotage local", "groupes de pilotage", "tiers veilleur",
           "capitalisation", "l'", " ", " ", "\n", "\n\n", "# ", "`", "[", "](x)", "<", ">", "&amp;", "{: .x }",
           "https://x/", "!!! note ", "---", "| ", "İ", "mot", "-", "é", "<a href='y'>", "</a>", "<h2>", "</h2>",
           '<p class="admonition-title">', "</p>", "<code>", "</code>"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.booleans())
@settings(max_examples=300, deadline=None)
def test_finding_terms_from_their_first_word_links_as_the_regex_over_every_character(pieces, as_html):
    """The fast path of link_terms (from the places of the forms' first words) against the
    regex tried everywhere, which a matcher without starts uses."""
    from centre_ressources.render.html_blocks import html_block

    text = "".join(pieces)
    if as_html:
        text = "Avant " + html_block(text) + "Après, la capitalisation.\n"
    matcher = TermMatcher.build([*NESTED_TERMS, *GLOSSARY_TERMS])
    regex_only = dataclasses.replace(matcher, starts={}, acronyms={})
    assert matcher.starts  # the fast path is the one tried
    assert link_terms(text, matcher, str, html_href=str) == link_terms(text, regex_only, str, html_href=str)
