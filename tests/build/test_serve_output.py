"""What `centre-ressources serve` prints reads as what it is: French lines about the preview and
MkDocs' own information, never a warning or a plug-in's chatter that a contributor takes for an error."""

from __future__ import annotations

import re

from benchmarks.serving import Serving
from support.edits import edit
from support.project import copy_project

CASE = "case_studies/vallee-exemple/index.md"


def test_serve_prints_no_warning_and_no_plugin_chatter(tmp_path):
    root = copy_project(tmp_path / "project", content="mini")
    with Serving(root, ready_timeout=180) as serving:
        edit(root, CASE, "a exploré son territoire.", "a exploré son territoire, relu.")
        serving.wait_for_output("Aperçu mis à jour")
        lines = [line for line in serving.output().splitlines() if line.strip()]
    assert lines
    alarming = [line for line in lines if re.match(r"\s*(WARNING|ERROR|Traceback)", line) or "[macros]" in line]
    assert alarming == []
