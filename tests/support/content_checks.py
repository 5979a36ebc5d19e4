"""Properties that hold for any valid content, checked on the real project (unit/test_load_and_link.py) and on the grown one (build/test_contributions_pass.py)."""

from __future__ import annotations

from centre_ressources.catalogue import link
from centre_ressources.pipeline import load_content


def check_content_properties(root):
    """Properties that hold for any valid content: every file found is a record, every phase has sheets."""
    catalogue = link(load_content(root))
    assert sorted(p.slug for p in catalogue.phases) == sorted(p.stem for p in (root / "phases").glob("*.md"))
    assert [p.numero for p in catalogue.phases] == sorted(p.numero for p in catalogue.phases)
    assert sorted(f.slug for f in catalogue.sheets) == sorted(p.stem for p in (root / "methods").glob("*.md"))
    assert {c.slug for c in catalogue.cases} == {
        p.parent.name for p in (root / "case_studies").glob("*/index.md")}
    for phase in catalogue.phases:
        assert catalogue.sheets_of_phase(phase), phase.slug
    return catalogue
