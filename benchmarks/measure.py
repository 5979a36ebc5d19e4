"""Run a command in a child process and measure its wall time and its peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float  # wall-clock time
    cpu_seconds: float  # processor time of the child (user + system), steadier on a busy machine
    peak_bytes: int  # maximum resident set size of the child (and of its own children)
    returncode: int
    output: str


def run_measured(command: list[str], cwd: Path, environment: dict[str, str] | None = None) -> Run:
    """`os.wait4` gives the resource usage of this one child, unlike RUSAGE_CHILDREN, which
    keeps the largest of every child waited for so far."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(environment or {}))
    with tempfile.TemporaryFile("w+") as log:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, child.returncode, output)


def mkdocs_build(root: Path, site_dir: Path, environment: dict[str, str] | None = None) -> Run:
    return run_measured([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)], root,
                        environment)


def pagefind(site_dir: Path) -> Run:
    """Pagefind over a built site, as the project's build runs it (centre_ressources/publish/
    search_index.py), the article of each Material page taken as the indexed part."""
    return run_measured([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind",
                         "--root-selector", "article", "--force-language", "fr", "--quiet"], site_dir)


def combined(first: Run, then: Run) -> Run:
    """Two commands run one after the other, counted as one: times added, the higher peak."""
    return Run(first.seconds + then.seconds, first.cpu_seconds + then.cpu_seconds,
               max(first.peak_bytes, then.peak_bytes), first.returncode or then.returncode,
               first.output + then.output)


def check(root: Path) -> Run:
    return run_measured([sys.executable, "-m", "centre_ressources.cli.main", "--racine", str(root), "check"], root)


def export(root: Path, destination: Path) -> Run:
    return run_measured([sys.executable, "-m", "centre_ressources.cli.main", "--racine", str(root), "export",
                         str(destination)], root)


def stages(root: Path, site_dir: Path) -> dict[str, float] | None:
    """The processor time of each stage of a build (benchmarks/stages.py), or None if it failed."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # The project's folder after the copy's own (sys.path[0] with -m): only to find this package.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent.parent),
                                                      env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-m", "benchmarks.stages", str(site_dir)], cwd=root, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])
