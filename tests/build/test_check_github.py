"""`check --format github`: annotations at file/line/col, escaped like @actions/core, and a summary."""

from centre_ressources.cli.github_report import annotation
from centre_ressources.errors import ContentError
from support.project import copy_project, run_cli


def test_annotation_escapes_like_actions_core():
    line = annotation(ContentError("a,b:c.md", 3, 2, "x", "100 % faux\nligne 2"))
    assert line == "::error file=a%2Cb%3Ac.md,line=3,col=2,title=Champ « x »::100 %25 faux%0Aligne 2"


def test_check_github_annotates_and_writes_summary(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "p", "mini")
    sheet = project / "methods" / "alpha.md"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("titre:", "titre: [1]\nancien_titre:", 1), encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_cli(project, "check", "--format", "github")
    assert result.returncode == 1
    assert "::error file=methods/alpha.md,line=" in result.stdout
    assert "| Fichier | Ligne | Champ | Message |" in summary.read_text(encoding="utf-8")
