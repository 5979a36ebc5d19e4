"""Attribute lists, attributes after a code fence and note kinds outside Material's are
refused at their line: a contributor writes no ids, classes nor data- attributes."""

from __future__ import annotations

import pytest

from centre_ressources.checks.markdown_attributes import markdown_attributes
from centre_ressources.content.contributed_markup import ADMONITION_TYPES
from support.texts import PATH, body_texts, errors

EVENT = "les attributs d'événement (onclick, onload…) sont interdits : ils exécuteraient du script."


def refused(body: str) -> list[str]:
    return errors(markdown_attributes(body_texts(body)))


@pytest.mark.parametrize("body", [
    "Des accolades {{ comme ceci }} s'affichent telles quelles, {% et ceci %} aussi.",
    "Un ensemble {a, b} et une note {facultatif}.",
    "```\ncode\n```\n\n```python\nx = {'a': 1}\n```\n\n~~~\n{: #dans-le-code }\n~~~",
    '!!! note "À retenir"\n    Un encadré.\n\n??? tip\n    Un autre.\n\n???+ warning "Attention"\n    Ouvert.',
    "Du code : `{: #x }`.",
])
def test_plain_markdown_passes(body):
    assert refused(body) == []


@pytest.mark.parametrize("written", ["{: #cr--formulaire }", "{: .md-button }", "{#ancre}", "{.classe}",
                                     '{: data-x="1" }', "{ lang=fr }"])
def test_an_attribute_list_is_refused_at_its_line(written):
    found = refused(f"Un paragraphe fictif.\n{written}")
    assert len(found) == 1
    assert found[0].startswith(f"{PATH}:5:1 : les attributs écrits entre accolades (« {written} ») ne sont pas "
                               "acceptés : le site réserve les id, les classes et les attributs data- à ses propres "
                               "scripts et styles ; retirez-les")


@pytest.mark.parametrize("written", ['Un paragraphe\n{: onclick="alert(1)" }', "## Titre {: onmouseover=alert(1) }",
                                     '[x](page.md){: onclick="alert(1)" }'])
def test_an_event_attribute_keeps_its_message(written):
    assert [line.split(" : ", 1)[1] for line in refused(written)] == [EVENT]


@pytest.mark.parametrize("fence", ["```{.md-button #cr--x}", "``` {.x}", '```python title="x.py"', "~~~ .classe"])
def test_attributes_after_a_fence_are_refused_at_its_line(fence):
    found = refused(f"Un paragraphe.\n\n{fence}\ncode\n{fence[:3]}")
    assert len(found) == 1 and found[0].startswith(f"{PATH}:6:1 : après « {fence[:3]} », écrivez seulement le nom "
                                                   "du langage")


@pytest.mark.parametrize("fence", ["> ```{.x}", "    ```{.x}", ">  > ```{.x}"])
def test_attributes_after_a_fence_in_a_quote_or_a_list_are_refused(fence):
    opening = fence.replace("```{.x}", "")
    found = refused(f"Un paragraphe.\n\n{fence}\n{' ' * len(opening)}code\n{opening}```")
    assert len(found) == 1 and found[0].startswith(f"{PATH}:6:1 : après « ``` », écrivez seulement le nom")


def test_a_note_inside_a_fence_closed_by_its_own_string_is_code():
    assert refused("````\n```\n!!! inconnu\n```\n````\n") == []
    assert refused("````\n!!! inconnu\n```\n")[0].startswith(f"{PATH}:5:1 : le type d'encadré")


def test_a_note_of_an_unknown_kind_is_refused_with_the_closest_kind():
    assert refused("!!! warnig\n    Un encadré.") == [
        f"{PATH}:4:1 : le type d'encadré « warnig » n'existe pas (« !!! » est suivi du type, puis, si vous voulez, "
        "du titre entre guillemets) ; vouliez-vous dire « warning » ?"]


def test_a_note_of_a_made_up_kind_lists_kinds_to_choose_from():
    [found] = refused('??? atelier-ajout "Titre"\n    Un encadré.')
    assert "« atelier-ajout » n'existe pas" in found and "par exemple : note, info, tip" in found


def test_a_note_with_two_kinds_is_refused():
    [found] = refused("!!! note inline end\n    Un encadré.")
    assert found.startswith(f"{PATH}:4:1 : un encadré n'a qu'un type : écrivez « !!! note »")


@pytest.mark.parametrize("kind", sorted(ADMONITION_TYPES))
def test_every_kind_of_material_passes(kind):
    assert refused(f"!!! {kind}\n    Un encadré.") == []
