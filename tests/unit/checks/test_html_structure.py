"""Raw HTML left open, closing what it did not open, or nested too deep is refused at the
line of its tag; each element is closed in the section where it opens."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from centre_ressources.checks.html_structure import html_structure
from centre_ressources.checks.limits import MAX_NESTING
from support.texts import PATH, body_texts, errors, file_texts


@pytest.mark.parametrize("body", [
    "<div>\nUn bloc fictif.\n</div>",
    "<pre>\ndu texte\n</pre>",
    "Un <b>gras</b>, une <br> ligne, une image <img src=\"a.png\" alt=\"\"> et <br/>.",
    "<details>\n<summary>Plus</summary>\n\nLe détail.\n</details>",
    "<!-- une note -->",
    "Un code : `<div>` et\n\n```\n<pre>\n```",
    "Une comparaison : 3 < 5 et 7 > 2.",
])
def test_closed_html_passes(body):
    assert html_structure(body_texts(body)) == []


@pytest.mark.parametrize("tag", ["div", "pre", "span", "details"])
def test_an_element_left_open_is_refused_at_its_opening_line(tag):
    found = errors(html_structure(body_texts(f"Un paragraphe.\n\n<{tag}>\nLa suite du texte.")))
    assert found == [f"{PATH}:6:1 : la balise <{tag}> ouverte ici n'est pas fermée avant la fin du texte : ajoutez "
                     f"« </{tag}> » là où elle se termine (sinon Markdown prend la suite du texte pour du HTML)."]


@pytest.mark.parametrize("body,fence", [
    ("```\n<div>\n````\n", "```"),
    ("Un texte.\n\n~~~~\ndu code\n~~~\n", "~~~~"),
    ("> ```python\n> du code\n", "```"),
])
def test_a_fence_never_closed_by_its_own_string_is_refused_at_its_line(body, fence):
    found = errors(html_structure(body_texts(body)))
    line = 4 + next(number for number, written in enumerate(body.split("\n")) if fence in written)
    assert f"{PATH}:{line}:1 : le bloc de code ouvert ici par « {fence} » n'est jamais fermé : ajoutez, seule sur sa " \
           f"ligne, la même suite « {fence} » là où le code se termine (ou retirez celle-ci)." in found


def test_html_inside_a_fence_closed_by_a_longer_one_is_read_as_html():
    found = errors(html_structure(body_texts("```\n<div>\n````\n")))
    assert any("la balise <div> ouverte ici n'est pas fermée" in error for error in found)


def test_an_unclosed_comment_is_refused_at_its_line():
    found = errors(html_structure(body_texts("Un paragraphe.\n<!-- une note\n\n## Préparation\n\nLa suite.")))
    assert found == [f"{PATH}:5:1 : le commentaire ouvert ici par « <!-- » n'est jamais fermé : ajoutez « --> » à sa "
                     "fin (sinon tout le texte qui suit disparaît de la page)."]


def test_an_element_is_closed_in_its_own_section():
    found = errors(html_structure(body_texts("<div>\nDébut.\n\n## Préparation\n\n</div>")))
    assert found[0] == (f"{PATH}:4:1 : la balise <div> ouverte ici n'est pas fermée avant le titre de section qui "
                        "suit : ajoutez « </div> » là où elle se termine (sinon Markdown prend la suite du texte pour "
                        "du HTML).")
    assert found[1].startswith(f"{PATH}:9:1 : la balise </div> ferme une balise <div> qui n'a pas été ouverte")


def test_a_stray_closing_tag_and_a_misnested_one_are_refused():
    found = errors(html_structure(body_texts("Texte.</div>\n<div><span>x</div>")))
    assert [line.split(" : ")[1][:30] for line in found] == ["la balise </div> ferme une bal", "la balise <span> ouverte ici n"]
    assert "avant « </div> »" in found[1]


def test_a_field_is_refused_at_its_line():
    found = errors(html_structure(file_texts("---\ntitre: Fiche fictive\nsalle: <div>Des chaises\n---\n")))
    assert len(found) == 1 and found[0].startswith(f"{PATH}:3:1 : champ « salle » : la balise <div>")


def test_nesting_beyond_the_limit_is_refused_once_where_it_passes():
    found = errors(html_structure(body_texts('<div markdown="1">\n' * 3000 + "x\n" + "</div>\n" * 3000)))
    assert found == [f"{PATH}:{4 + MAX_NESTING}:1 : les balises HTML s'emboîtent ici sur plus de {MAX_NESTING} "
                     "niveaux : simplifiez la mise en forme (un contenu n'en demande que deux ou trois)."]


@given(st.integers(1, 80))
def test_nested_elements_are_refused_exactly_beyond_the_limit(depth):
    body = "<div>" * depth + "x" + "</div>" * depth
    assert bool(html_structure(body_texts(body))) == (depth > MAX_NESTING)
