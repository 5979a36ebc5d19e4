"""A Markdown body cut into its level-2 sections: headings inside fenced code are not headings,
and the shortcut taken for a body without any fence gives what the line-by-line reading gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from centre_ressources.content.markdown_code import lines_outside_code
from centre_ressources.content.sections import _HEADING, Section, split_sections
from centre_ressources.render.glossary_links import _PROTECTED_LINE, running_text_blocks


def sections_line_by_line(body: str, body_line: int) -> list[Section]:
    """The reference: every line read in turn, with whether it is text."""
    sections, title, start, buffer = [], "", body_line, []
    for offset, (line, is_text) in enumerate(lines_outside_code(body.split("\n"))):
        match = _HEADING.match(line) if is_text else None
        if match:
            sections.append(Section(title, "\n".join(buffer).strip("\n"), start))
            title, start, buffer = match["title"], body_line + offset, []
        else:
            buffer.append(line)
    sections.append(Section(title, "\n".join(buffer).strip("\n"), start))
    return [s for s in sections if s.title or s.text.strip()]


LINES = st.sampled_from([
    "## Préparation", "##  Variantes  ##", "##", "## #", "### Étape", "#Titre", " ## décalé", "##\tTab",
    "Du texte.", "", "   ", "- un point", "> citation", "```", "~~~", "  ```python", "``` ", "\r", "## fin\r",
])
BODIES = st.lists(LINES, max_size=30).map("\n".join)


@given(BODIES, st.integers(1, 40))
def test_sections_are_those_of_a_line_by_line_reading(body, body_line):
    assert split_sections(body, body_line) == sections_line_by_line(body, body_line)


def test_a_heading_inside_code_stays_in_its_section():
    body = "## Préparation\n\n```\n## pas un titre\n```\n\n## Variantes\nTexte"
    sections = split_sections(body, 10)
    assert [(s.title, s.line) for s in sections] == [("Préparation", 10), ("Variantes", 16)]
    assert "## pas un titre" in sections[0].text


@given(BODIES)
def test_running_text_is_found_as_a_line_by_line_reading_finds_it(body):
    pieces = running_text_blocks(body, front_matter=False)
    assert "".join(chunk for _, chunk in pieces) == body
    lines = body.split("\n")
    expected = [is_text and bool(line.strip()) and not _PROTECTED_LINE.match(line)
                for line, is_text in lines_outside_code(lines)]
    # each piece but the last ends with the newline of its last line
    found = [running for number, (running, chunk) in enumerate(pieces, 1)
             for _ in range(chunk.count("\n") + (number == len(pieces)))]
    assert found == expected


@given(BODIES)
def test_lines_read_with_their_text_are_classed_as_line_by_line(body):
    lines = body.split("\n")
    assert list(lines_outside_code(lines, body)) == list(lines_outside_code(lines))
