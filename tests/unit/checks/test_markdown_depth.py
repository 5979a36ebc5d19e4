"""Quotes, lists and inline markup nested beyond MAX_NESTING are refused at the line where
the limit is passed; up to it, they pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from centre_ressources.checks.limits import MAX_NESTING
from centre_ressources.checks.markdown_depth import markdown_depth
from support.texts import PATH, body_texts, errors, file_texts

BODY_LINE = 4


def quotes(depth: int) -> str:
    return ">" * depth + " Une citation fictive."


def lists(depth: int) -> str:
    return "\n".join("    " * level + "- un point" for level in range(depth))


def emphasis(depth: int) -> str:
    return "*a " * depth + "x" + " a*" * depth


def links(depth: int) -> str:
    return "[" * depth + "x" + "](page.md)" * depth


@pytest.mark.parametrize("written", [quotes, lists, emphasis, links])
def test_nesting_up_to_the_limit_passes(written):
    assert markdown_depth(body_texts(written(MAX_NESTING))) == []


@pytest.mark.parametrize("written,line,what", [
    (quotes, 0, "les listes et les citations"),
    (lists, MAX_NESTING, "les listes et les citations"),
    (emphasis, 0, "le gras, l'italique et les liens"),
    (links, 0, "le gras, l'italique et les liens"),
])
def test_nesting_beyond_the_limit_is_refused_at_its_line(written, line, what):
    found = errors(markdown_depth(body_texts("Un paragraphe.\n\n" + written(3000 if line == 0 else 300))))
    assert found == [f"{PATH}:{BODY_LINE + 2 + line}:1 : {what} s'emboîtent ici sur plus de {MAX_NESTING} niveaux : "
                     "Markdown ne saurait pas les lire ; simplifiez la mise en forme (un contenu n'en demande que "
                     "deux ou trois)."]


def test_a_field_is_refused_at_its_own_line():
    found = errors(markdown_depth(file_texts(f"---\ntitre: Fiche fictive\nsalle: \"{'>' * 100} x\"\n---\n")))
    assert len(found) == 1 and found[0].startswith(f"{PATH}:3:1 : champ « salle » : les listes et les citations")


def test_code_is_not_counted():
    code = "```\n" + quotes(200) + "\n```\n`" + "[" * 100 + "`"
    assert markdown_depth(body_texts(code)) == []


def test_ordinary_markup_with_many_markers_passes():
    body = "\n\n".join(f"Un **point {n}** et un *autre*, voir [la fiche](f{n}.md) et snake_case_{n}." for n in range(50))
    assert markdown_depth(body_texts(body)) == []


@given(st.lists(st.sampled_from(["> ", "- ", "1. ", "    "]), min_size=1, max_size=60))
def test_a_line_is_refused_exactly_when_its_containers_pass_the_limit(prefixes):
    line = "".join(prefixes) + "texte"
    depth = sum(1 for p in prefixes if p != "    ") + sum(p.count(" ") for p in prefixes) // 4
    assert bool(markdown_depth(body_texts(line))) == (depth > MAX_NESTING)
