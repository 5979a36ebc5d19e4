"""Shared pytest fixtures, and the layer markers applied by folder (see pyproject.toml).

The helpers themselves live in the package tests/support/ (on the path through pytest's
`pythonpath = ["tests"]`): `from support.project import copy_project, run_mkdocs, run_cli`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.project import PROJECT, copy_project, run_mkdocs

TESTS = Path(__file__).resolve().parent
# Each layer's folder and the markers its tests carry: -m "not browser" skips Chromium,
# -m "not browser and not build" keeps the quick layer (unit/ and site/).
LAYER_MARKERS = {"unit": (), "site": (), "build": ("build",), "browser": ("browser", "build")}
# A test elsewhere that asks for one of these fixtures gets the marker too (fixtures used
# through others count: browser_page needs browser, site_url needs real_site); a test that
# reads the source article (../shared/sources) is marked `sources`.
FIXTURE_MARKERS = {"browser": "browser", "real_site": "build", "article": "sources"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        relative = Path(str(item.path)).resolve().relative_to(TESTS)
        names = set(LAYER_MARKERS.get(relative.parts[0], ()))
        names.update(marker for fixture, marker in FIXTURE_MARKERS.items() if fixture in item.fixturenames)
        for name in sorted(names):
            if item.get_closest_marker(name) is None:
                item.add_marker(name)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real project, built once with `mkdocs build --strict` into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("real") / "site"
    result = run_mkdocs(PROJECT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir


@pytest.fixture
def mini_project(tmp_path) -> Path:
    return copy_project(tmp_path / "project", content="mini")


@pytest.fixture(scope="session")
def site_url(real_site):
    """The real site, built once and served on localhost."""
    from support.browser import serve_directory

    with serve_directory(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from support.browser import launch_chromium

    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()
