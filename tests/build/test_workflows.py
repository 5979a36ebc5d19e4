"""The workflow that builds strangers' pull requests gives them as little as it can: zizmor (the
GitHub Actions auditor) finds nothing in .github/, and the rules it does not check are checked
here (.github/workflows/, .github/dependabot.yml)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support.project import PROJECT

GITHUB = PROJECT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$")


def zizmor() -> str:
    found = Path(sys.executable).with_name("zizmor")
    if found.is_file():
        return str(found)
    on_path = shutil.which("zizmor")
    if on_path is None:
        pytest.fail("zizmor est introuvable : installez les outils de test (SETUP_EXTRAS=test bash scripts/setup.sh).")
    return on_path


def jobs(workflow: Path) -> dict[str, dict]:
    return yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]


def test_there_is_a_workflow_and_a_dependabot_configuration():
    assert WORKFLOWS and (GITHUB / "dependabot.yml").is_file()


def test_zizmor_reports_nothing_above_informational():
    """Offline audits (no token, no network), every input loaded or the run fails
    (--strict-collection: a dependabot.yml zizmor cannot read is not skipped silently)."""
    inputs = [str(path.relative_to(PROJECT)) for path in [*WORKFLOWS, GITHUB / "dependabot.yml"]]
    result = subprocess.run([zizmor(), "--offline", "--strict-collection", "--no-exit-codes", "--format", "json",
                             *inputs], cwd=PROJECT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    findings = [f for f in json.loads(result.stdout)
                if f["determinations"]["severity"] != "Informational" and not f.get("ignored")]
    assert [(f["ident"], f["desc"], [loc["symbolic"]["key"] for loc in f["locations"]]) for f in findings] == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_by_commit_with_its_version_in_a_comment(workflow):
    uses = re.findall(r"^\s*(?:-\s+)?uses:\s*(.+?)\s*$", workflow.read_text(encoding="utf-8"), re.M)
    assert uses
    assert [line for line in uses if not PINNED.match(line)] == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_no_expression_is_pasted_into_a_script(workflow):
    """A `${{ }}` in `run:` is replaced before the shell reads it: a branch name or a title
    would become code. Values reach a script through `env:`."""
    for name, job in jobs(workflow).items():
        for step in job.get("steps", []):
            assert "${{" not in step.get("run", ""), (name, step.get("name"))


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_each_job_states_its_permissions_and_only_a_job_without_code_may_write(workflow):
    document = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    assert document["permissions"] == {}, "nothing granted by default"
    for name, job in document["jobs"].items():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), f"{name}: permissions unstated"
        writes = {scope for scope, level in permissions.items() if level == "write"}
        if writes:
            assert writes <= {"pages", "id-token"}, name
            steps = job.get("steps", [])
            assert not any("run" in step or "actions/checkout" in step.get("uses", "") for step in steps), (
                f"{name} may write, so it runs none of the repository's code")
        for step in job.get("steps", []):
            if "actions/checkout" in step.get("uses", ""):
                assert step.get("with", {}).get("persist-credentials") is False, name
