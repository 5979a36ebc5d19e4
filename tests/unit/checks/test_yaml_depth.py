"""The front matter's nesting is refused beyond MAX_YAML_DEPTH, at the line where it passes,
before the node tree is composed (composing recurses)."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from centre_ressources.content.frontmatter import FrontMatterError, parse_yaml
from centre_ressources.content.yaml_depth import MAX_YAML_DEPTH, could_nest_beyond

PATH = "methods/exemple-fictif.md"


def flow(depth: int) -> str:
    return "mots_cles: " + "[" * depth + "x" + "]" * depth


def block(depth: int) -> str:
    """`depth` lists inside one another, each indented one space further than the one above."""
    return "mots_cles:\n" + "".join(" " * level + "-\n" for level in range(1, depth)) + " " * depth + "- x"


def refusal(text: str):
    with pytest.raises(FrontMatterError) as caught:
        parse_yaml(text, PATH)
    return caught.value.error


@pytest.mark.parametrize("written", [flow, block])
def test_nesting_up_to_the_limit_is_read(written):
    value, _ = parse_yaml(written(MAX_YAML_DEPTH - 1), PATH)  # under the mapping of the file itself
    assert "mots_cles" in value


def test_brackets_nested_thousands_deep_are_refused_where_the_limit_is_passed():
    error = refusal(flow(5000))
    assert (error.line, error.column) == (1, len("mots_cles: ") + MAX_YAML_DEPTH)
    assert error.message.startswith("en-tête YAML trop imbriqué : ici, les listes et groupes de champs s'emboîtent "
                                    f"sur plus de {MAX_YAML_DEPTH} niveaux")


def test_indented_blocks_nested_too_deep_are_refused_at_their_line():
    error = refusal(block(600))
    # The file's own fields are the first level, the list on line 2 the second…
    assert (error.line, error.column) == (MAX_YAML_DEPTH + 1, MAX_YAML_DEPTH + 1)
    assert "trop imbriqué" in error.message


def test_the_line_counts_from_the_front_matter_start():
    with pytest.raises(FrontMatterError) as caught:
        parse_yaml("titre: Fiche fictive\n" + flow(100), PATH, first_line=2)
    assert caught.value.error.line == 3


def test_a_syntax_error_keeps_its_own_message():
    error = refusal("mots_cles: [[x")
    assert "trop imbriqué" not in error.message and "« [ »" in error.message


def _depth(text: str) -> int:
    depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return deepest


@st.composite
def nested_yaml(draw, indent: int = 0) -> str:
    """A block at column `indent` holding others: fields, lists under their field's name (at
    the same column), lists, compact lists (`- - x`), brackets, with indents of 1 to 3 spaces."""
    kind = draw(st.sampled_from(["field", "map", "seq-under-key", "seq", "compact", "flow"]))
    pad = " " * indent
    step = draw(st.integers(1, 3))
    if kind == "field" or indent > 60:
        return f"{pad}k: v\n"
    if kind == "flow":
        depth = draw(st.integers(1, 40))
        return f"{pad}k: {'[' * depth}x{']' * depth}\n"
    if kind == "compact":
        return f"{pad}- - - x\n{pad}  - - y\n"
    inner = draw(nested_yaml(indent + step))
    if kind == "map":
        return f"{pad}k:\n{inner}"
    if kind == "seq-under-key":
        return f"{pad}k:\n{pad}-\n{inner}"
    return f"{pad}-\n{inner}"


@given(nested_yaml())
def test_the_quick_bound_never_lets_a_deep_text_pass(text):
    depth = _depth(text)
    for limit in range(1, 60):
        if depth > limit:
            assert could_nest_beyond(text, limit), (limit, depth, text)


@given(nested_yaml())
def test_a_text_is_refused_exactly_when_it_nests_beyond_the_limit(text):
    deep = _depth(text) > MAX_YAML_DEPTH
    try:
        parse_yaml(text, PATH)
    except FrontMatterError as refused:
        assert deep and "trop imbriqué" in refused.error.message
    else:
        assert not deep
