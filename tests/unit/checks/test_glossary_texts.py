"""The glossary's texts go through the same checks as the other contents'."""

from __future__ import annotations

from centre_ressources.checks.per_file import file_problems
from centre_ressources.content.glossary import load_glossary


def test_a_definition_is_checked_like_any_contributed_text(tmp_path):
    (tmp_path / "glossary.yml").write_text(
        "termes:\n"
        "  - terme: terme fictif\n"
        "    definition: \"Une définition fictive, <div>laissée ouverte, avec \\ue000 une marque.\"\n"
        "  - terme: autre terme\n"
        "    definition: \"Une définition fictive {: .md-button } avec un attribut.\"\n", encoding="utf-8")
    errors: list = []
    assert load_glossary(tmp_path, errors, file_problems) == ()
    found = sorted(error.format() for error in errors)
    assert [line.split(" : ")[0] for line in found] == ["glossary.yml:3:1", "glossary.yml:3:1", "glossary.yml:5:1"]
    assert "U+E000" in found[0] + found[1] and "<div>" in found[0] + found[1]
    assert "entre accolades" in found[2]
