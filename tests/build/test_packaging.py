"""The project as its users install it: a wheel (not editable), and the two README commands.

The suite itself runs in an editable install, which sees every file of the checkout: a file
left out of the package (a template, a schema) would only fail for someone who ran
`pip install .`. Here a wheel is built and installed into a fresh virtual environment.
"""

from __future__ import annotations

import os
import shutil
import signal
import site
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from support.contributing import fill_in
from support.project import PROJECT, build_environment, copy_project

SOURCE_ITEMS = ("pyproject.toml", "README.md", "LICENSE", "centre_ressources", "centre_ressources_mkdocs")


def _fresh_environment(tmp_path: Path) -> Path:
    """A new venv holding the wheel; the dependencies come from the test environment (a .pth
    file), so that no download is needed and only the project's own files are under test."""
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCE_ITEMS:
        item = PROJECT / name
        if item.is_dir():
            shutil.copytree(item, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(item, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels),
                    str(source)], check=True, capture_output=True)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    str(next(wheels.glob("*.whl")))], check=True, capture_output=True)
    fresh_site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                     check=True, capture_output=True, text=True).stdout.strip())
    (fresh_site / "dependances-des-tests.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    return venv


def test_a_wheel_installed_for_real_creates_and_checks_both_kinds(tmp_path):
    venv = _fresh_environment(tmp_path)
    command = venv / "bin" / "centre-ressources"
    for package in ("centre_ressources", "centre_ressources_mkdocs.preview"):  # the core, and serve's adapter
        located = subprocess.run([str(venv / "bin" / "python"), "-c", f"import {package}; print({package}.__file__)"],
                                 capture_output=True, text=True, check=True, cwd=tmp_path)
        assert str(venv) in located.stdout  # the wheel's copy, not the checkout's

    project = copy_project(tmp_path / "project", content="mini")
    env = build_environment()
    for kind, path in (("fiche", "methods/essai.md"), ("etude-de-cas", "case_studies/essai/index.md")):
        created = subprocess.run([str(command), "--racine", str(project), "new", kind, "essai"],
                                 capture_output=True, text=True, env=env)
        assert created.returncode == 0 and "Traceback" not in created.stderr, created.stderr
        refused = subprocess.run([str(command), "--racine", str(project), "check"], capture_output=True, text=True, env=env)
        assert refused.returncode == 1 and "encore à remplir" in refused.stderr and "Traceback" not in refused.stderr
        scaffold = project / path
        scaffold.write_text(fill_in(scaffold.read_text(encoding="utf-8")), encoding="utf-8")
    checked = subprocess.run([str(command), "--racine", str(project), "check"], capture_output=True, text=True, env=env)
    assert checked.returncode == 0, checked.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_serve_command_serves_on_the_address_it_is_given(tmp_path):
    port = _free_port()
    # Its output goes to a file: a pipe nobody reads fills up (pip's notices, the preview's
    # log), and a server blocked on writing to it never stops.
    with (tmp_path / "serve.log").open("w+", encoding="utf-8") as log:
        server = subprocess.Popen(["bash", "scripts/serve.sh", "--dev-addr", f"127.0.0.1:{port}"], cwd=PROJECT,
                                  stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        try:
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline and server.poll() is None:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/fiches/", timeout=5) as response:
                        assert response.status == 200
                        assert "Fiches" in response.read().decode("utf-8")
                        return
                except OSError:
                    time.sleep(1)
            log.seek(0)
            raise AssertionError(f"rien n'est servi sur le port {port} :\n{log.read()}")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
