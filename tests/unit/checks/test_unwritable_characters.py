"""Characters that no page, feed or export can carry are refused in every text, at its line,
named U+XXXX; every other character passes."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from centre_ressources.checks.characters import unwritable_characters
from centre_ressources.content.frontmatter import parse_document
from centre_ressources.content.validate import validate_document
from support.texts import PATH, body_texts, errors, file_texts


def refused_by_unicode(character: str) -> bool:
    """The rule, from the Unicode database: controls but tab and line end, surrogates, private
    use, noncharacters."""
    code = ord(character)
    category = unicodedata.category(character)
    return (category in ("Cs", "Co") or (category == "Cc" and character not in "\t\n")
            or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE)


@pytest.mark.parametrize("character,says", [
    ("\ud800", "le caractère U+D800 n'existe pas seul : c'est une moitié de paire UTF-16"),
    ("\x0b", "une tabulation verticale (U+000B) se trouve dans ce texte"),
    ("\x1b", "un caractère d'échappement (U+001B)"),
    ("\x92", "un caractère de commande invisible (U+0092)"),
    ("\ufffe", "le caractère U+FFFE est un « non-caractère » Unicode"),
    ("\U0010fffe", "le caractère U+10FFFE est un « non-caractère » Unicode"),
    ("\ue000", "le caractère U+E000 est à usage privé"),
    ("\U000f0001", "le caractère U+F0001 est à usage privé"),
])
def test_a_refused_character_in_a_field_is_named_at_the_field_line(character, says):
    escaped = character.encode("unicode_escape").decode("ascii")
    found = errors(unwritable_characters(file_texts(f'---\nphase: premiere\ntitre: "Fiche {escaped} fictive"\n---\n')))
    assert len(found) == 1
    assert found[0].startswith(f"{PATH}:3:1 : champ « titre » : {says}")


def test_a_refused_character_in_the_body_is_refused_at_its_own_line():
    found = errors(unwritable_characters(body_texts("## Préparation\n\nUn texte.\nUne \ue001marque forgée\ue002.\n")))
    assert [line.split(" : ")[0] for line in found] == [f"{PATH}:7:1", f"{PATH}:7:1"]
    assert "U+E001" in found[0] and "U+E002" in found[1]


def test_a_field_name_with_one_is_refused_by_the_schema_and_printed_safely():
    doc = parse_document('---\ntitre: Fiche fictive\n"champ\\x0c\\ud800": x\n---\n', PATH)
    unknown = [error.format() for error in validate_document(doc, "parcours") if "inconnu" in error.message]
    assert len(unknown) == 1
    assert unknown[0].startswith(f"{PATH}:3:1 : champ « champU+000CU+D800 » : ce champ est inconnu")
    unknown[0].encode("utf-8")  # no surrogate left to print


def test_ordinary_french_text_passes():
    text = ("---\ntitre: « Écrire ensemble » — l’œuvre d’un groupe\u00a0!\n---\n"
            "Des espaces\u202finsécables, un tiret\u00ad conditionnel, 🙂 👩‍👩‍👧, עברית, et\tune tabulation.\n")
    assert unwritable_characters(file_texts(text)) == []


CHARACTER = st.characters(codec=None, exclude_characters="\x00")


@given(st.lists(CHARACTER, min_size=1, max_size=8).map("".join))
def test_a_body_is_refused_exactly_for_the_refused_characters_it_holds(written):
    found = unwritable_characters(body_texts(f"Un texte {written} fictif."))
    named = {message.split("U+")[1].split(" ")[0].rstrip(")") for message in (e.message for e in found)}
    assert named == {f"{ord(c):04X}" for c in written if refused_by_unicode(c)}


@given(st.sampled_from([c for c in map(chr, range(0x80, 0x110000, 97)) if refused_by_unicode(c)]))
def test_every_kind_of_refused_character_is_found_in_a_field(character):
    escaped = f"\\U{ord(character):08x}"
    found = unwritable_characters(file_texts(f'---\ntitre: "a{escaped}b"\n---\n'))
    assert len(found) == 1 and f"U+{ord(character):04X}" in found[0].message
