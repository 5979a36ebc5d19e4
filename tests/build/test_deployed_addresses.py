"""A fork deployed by GitHub Actions prints its own addresses with nothing edited: the sheets'
QR codes, the feed, the sitemap, the canonical addresses, the JSON-LD, the open data and the
contribution form's links; a build on a maintainer's machine says which two keys to set."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree

import pytest

from centre_ressources.pipeline import build_catalogue
from support.project import PROJECT, copy_project, run_cli, run_mkdocs

GITHUB = {"GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "reseau-exemple/centre-fictif",
          "GITHUB_SERVER_URL": "https://github.com"}
SITE = "https://reseau-exemple.github.io/centre-fictif/"
REPOSITORY = "https://github.com/reseau-exemple/centre-fictif"


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    base = tmp_path_factory.mktemp("deploiement")
    root = copy_project(base / "project", content="real")
    result = run_mkdocs(root, base / "site", environment=GITHUB)
    assert result.returncode == 0, result.stderr
    return base / "site"


def test_every_published_address_is_the_fork_s(deployed):
    slug = build_catalogue(PROJECT).sheets[0].slug
    sheet = (deployed / "fiches" / slug / "index.html").read_text(encoding="utf-8")
    assert f"Code QR vers la version en ligne de cette fiche : {SITE}fiches/{slug}/" in sheet
    assert f'<link rel="canonical" href="{SITE}fiches/{slug}/">' in sheet
    jsonld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', sheet, re.S).group(1))
    assert jsonld["url"] == f"{SITE}fiches/{slug}/"
    feed = ElementTree.parse(deployed / "feed.xml").getroot()
    links = [link.get("href") for link in feed.iter("{http://www.w3.org/2005/Atom}link")]
    assert links and all(link.startswith(SITE) for link in links)
    locations = [loc.text for loc in ElementTree.parse(deployed / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations and all(loc.startswith(SITE) for loc in locations)
    sheets = json.loads((deployed / "api" / "fiches.json").read_text(encoding="utf-8"))
    assert all(item["url"].startswith(SITE) for item in sheets["fiches"])
    assert "example.org" not in sheet


def test_the_contribution_form_and_the_header_link_to_the_fork_s_repository(deployed):
    page = (deployed / "contribuer" / "index.html").read_text(encoding="utf-8")
    assert f'data-depot="{REPOSITORY}"' in page
    assert f'href="{REPOSITORY}/new/main/case_studies?filename=' in page
    assert f'href="{REPOSITORY}" title=' in page  # the header's link to the repository


def test_a_build_outside_any_platform_names_both_keys(tmp_path):
    root = copy_project(tmp_path / "project", content="mini")
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr  # a warning, not an error
    assert "site_url" in result.stderr and "repo_url" in result.stderr
    assert "CENTRE_RESSOURCES_SITE_URL" in result.stderr and "CENTRE_RESSOURCES_REPO_URL" in result.stderr
    quiet = run_cli(root, "build", environment=GITHUB)
    assert quiet.returncode == 0 and "attention" not in quiet.stderr, quiet.stderr
