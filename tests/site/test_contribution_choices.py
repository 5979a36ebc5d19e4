"""The form's choices: every phase, even one without a sheet yet, and its sheets by title."""

from __future__ import annotations

import json

from centre_ressources import urls
from centre_ressources.pipeline import build_catalogue
from centre_ressources.publish.files import each_published_file
from support.project import copy_project


def test_every_phase_is_offered_with_its_sheets_in_pathway_order(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    for sheet in (project / "methods").glob("*.md"):  # the second phase loses its sheets
        if "phase: seconde" in sheet.read_text(encoding="utf-8"):
            sheet.unlink()
    (project / "paths" / "essai.md").unlink()
    case = project / "case_studies" / "vallee-exemple" / "index.md"
    case.write_text(case.read_text(encoding="utf-8").replace("fiches: [delta]", "fiches: []"), encoding="utf-8")
    catalogue = build_catalogue(project)

    files = dict(each_published_file(catalogue, "https://centre.example/", "Centre"))
    choices = json.loads(files[urls.FORM_CHOICES])

    assert [p["slug"] for p in choices["phases"]] == [p.slug for p in catalogue.phases]
    by_slug = {p["slug"]: p for p in choices["phases"]}
    assert by_slug["seconde"]["fiches"] == []
    for phase in catalogue.phases:
        assert by_slug[phase.slug]["titre"] == phase.titre
        assert by_slug[phase.slug]["fiches"] == [
            {"slug": s.slug, "titre": s.titre} for s in catalogue.sheets_of_phase(phase)]
    assert len(files[urls.FORM_CHOICES]) * 5 < len(files[urls.API_SHEETS])  # names only, not the sheets
