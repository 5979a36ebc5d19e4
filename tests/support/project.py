"""Copies of the project with real or fixture content, and MkDocs or CLI builds of them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
PROJECT = TESTS.parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
CONTENT_DIRS = ("phases", "methods", "case_studies", "paths")
CONTENT_FILES = ("glossary.yml",)
SITE_DIRS = ("docs", "hooks")
# A fictional glossary for the mini fixture (which has none of its own).
GLOSSARY = """\
termes:
  - terme: fiche de test
    formes:
      - fiches de test
    definition: Une fiche qui ne sert qu'aux tests automatiques du site.
    voir_aussi: [lien-commun]
    fiches: [alpha]
  - terme: lien commun
    sigle: LC
    definition: Ce qui relie deux fiches de test, d'une phase à l'autre.
"""


def copy_project(destination: Path, content: str = "real") -> Path:
    """A buildable copy of the site: configuration and theme from the project, content from
    the project itself (`real`) or from a fixture folder under tests/fixtures/."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / "mkdocs.yml", destination / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__")
    source = PROJECT if content == "real" else FIXTURES / content
    for name in SITE_DIRS:
        if name == "docs" and (source / "docs").is_dir() and source != PROJECT:
            # A fixture brings its own hand-written pages (those of the project link to the
            # real content); the theme, overrides and assets still come from the project.
            shutil.copytree(PROJECT / "docs", destination / "docs", ignore=shutil.ignore_patterns("__pycache__", "*.md"))
            shutil.copytree(source / "docs", destination / "docs", dirs_exist_ok=True)
            continue
        shutil.copytree(PROJECT / name, destination / name, ignore=ignore)
    for name in CONTENT_DIRS:
        if (source / name).is_dir():
            shutil.copytree(source / name, destination / name, ignore=ignore)
    for name in CONTENT_FILES:
        if (source / name).is_file():
            shutil.copy(source / name, destination / name)
    return destination


def offline_runner(root: Path):
    """A `make_offline_pack` runner: MkDocs in `root`, its warnings failing the test."""
    def run(arguments: list[str], environment: dict[str, str]) -> int:
        env = build_environment(**environment)
        result = subprocess.run([sys.executable, "-m", "mkdocs", *arguments], cwd=root, env=env,
                                capture_output=True, text=True)
        assert "WARNING" not in result.stderr, result.stderr
        return result.returncode

    return run


# Where a build runs says where the site is deployed (centre_ressources/deployment.py): the tests
# build as on a maintainer's machine, whatever runs them, unless a test sets these itself.
PLATFORM_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_REPOSITORY", "GITHUB_SERVER_URL", "GITLAB_CI", "CI_PAGES_URL",
                      "CI_PROJECT_URL", "CENTRE_RESSOURCES_SITE_URL", "CENTRE_RESSOURCES_REPO_URL")


def build_environment(**variables: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in PLATFORM_VARIABLES}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **variables}


def run_mkdocs(root: Path, site_dir: Path, *extra: str, environment: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess:
    env = build_environment(**(environment or {}))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=root, env=env, capture_output=True, text=True,
    )


def run_cli(root: Path, *args: str, environment: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = build_environment(**(environment or {}))
    return subprocess.run(
        [sys.executable, "-m", "centre_ressources.cli", "--racine", str(root), *args],
        cwd=root, env=env, capture_output=True, text=True,
    )


ZENSICAL = PROJECT / ".venv-zensical" / "bin" / "zensical"  # scripts/zensical-deps.sh


def run_zensical(config_file: Path) -> subprocess.CompletedProcess:
    """`zensical build` of an export (its own environment: a missing one fails the test)."""
    if not ZENSICAL.is_file():
        raise RuntimeError(f"{ZENSICAL} est introuvable : lancez « bash scripts/zensical-deps.sh ».")
    return subprocess.run([str(ZENSICAL), "build", "--clean", "-f", str(config_file)],
                          cwd=config_file.parent, capture_output=True, text=True)


def built_site(root: Path) -> Path:
    """`root` built with `mkdocs build --strict` into root/site, which is returned."""
    site_dir = root / "site"
    result = run_mkdocs(root, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def published_sheets(site: Path) -> dict[str, dict]:
    """The sheets as a built site publishes them (api/fiches.json), by slug."""
    import json

    data = json.loads((site / "api" / "fiches.json").read_text(encoding="utf-8"))["fiches"]
    return {sheet["slug"]: sheet for sheet in data}
