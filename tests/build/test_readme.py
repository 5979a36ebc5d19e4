"""The project's own documents: a README a newcomer can read to the end, whose links lead somewhere."""

from __future__ import annotations

import re

import pytest

from support.project import PROJECT

DOCUMENTS = ["README.md", "SECURITY.md", "ZENSICAL.md", "CONTRIBUTING.md", "benchmarks/LISEZMOI.md"]
README_MAX_LINES = 360
# What visitors, contributors and maintainers come for, each a section of the README.
README_SECTIONS = ["Les deux commandes", "Où sont les contenus ?", "Architecture", "Déploiement",
                   "Contribuer", "Qualité publiée", "Licences"]


def _readme() -> str:
    return (PROJECT / "README.md").read_text(encoding="utf-8")


def test_the_readme_is_short_enough_to_read_and_has_each_audience_s_section():
    text = _readme()
    assert len(text.splitlines()) <= README_MAX_LINES
    headings = re.findall(r"^## (.+)$", text, re.M)
    missing = [name for name in README_SECTIONS if not any(h.startswith(name) for h in headings)]
    assert missing == []


@pytest.mark.parametrize("document", DOCUMENTS)
def test_each_link_of_the_project_s_documents_leads_to_a_file(document):
    path = PROJECT / document
    prose = re.sub(r"```.*?```|`[^`\n]*`", "", path.read_text(encoding="utf-8"), flags=re.S)  # examples aside
    targets = re.findall(r"\]\(([^)#\s]+)[^)]*\)", prose)
    local = [t for t in targets if not re.match(r"[a-z]+:", t)]
    assert [t for t in local if not (path.parent / t).exists()] == []


def test_the_readme_says_how_to_try_the_search_locally():
    blocks = re.findall(r"```bash\n(.*?)```", _readme(), re.S)
    assert any("centre-ressources build" in b and "http.server --directory site" in b for b in blocks)
