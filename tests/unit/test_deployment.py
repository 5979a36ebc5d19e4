"""The site's and the repository's addresses from where it is deployed (centre_ressources/deployment.py)."""

from __future__ import annotations

from centre_ressources.deployment import PLACEHOLDER, address_warnings, deployed_addresses

GITHUB = {"GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "Reseau-Exemple/centre", "GITHUB_SERVER_URL": "https://github.com"}


def test_github_actions_gives_both_addresses_of_a_fork_with_nothing_edited():
    found = deployed_addresses(PLACEHOLDER, None, GITHUB)
    assert found.site_url == "https://reseau-exemple.github.io/centre/"
    assert found.repo_url == "https://github.com/Reseau-Exemple/centre" and found.repo_name == "Reseau-Exemple/centre"
    assert address_warnings(found) == []


def test_a_user_site_repository_is_served_at_the_root():
    found = deployed_addresses(None, None, {**GITHUB, "GITHUB_REPOSITORY": "reseau/reseau.github.io"})
    assert found.site_url == "https://reseau.github.io/"


def test_the_custom_domain_the_workflow_passes_wins_over_github_s_default():
    found = deployed_addresses(PLACEHOLDER, None, {**GITHUB, "CENTRE_RESSOURCES_SITE_URL": "https://ressources.exemple"})
    assert found.site_url == "https://ressources.exemple/" and found.site_url_from == "CENTRE_RESSOURCES_SITE_URL"


def test_what_mkdocs_yml_sets_wins():
    found = deployed_addresses("https://centre.exemple/ressources", "https://forge.exemple/r/", GITHUB)
    assert (found.site_url, found.repo_url) == ("https://centre.exemple/ressources/", "https://forge.exemple/r")


def test_gitlab_pages_and_any_host_by_variables():
    gitlab = {"GITLAB_CI": "true", "CI_PAGES_URL": "https://reseau.gitlab.io/centre",
              "CI_PROJECT_URL": "https://gitlab.com/reseau/centre"}
    found = deployed_addresses(PLACEHOLDER, None, gitlab)
    assert (found.site_url, found.repo_url) == ("https://reseau.gitlab.io/centre/", "https://gitlab.com/reseau/centre")
    own = deployed_addresses(PLACEHOLDER, None, {"CENTRE_RESSOURCES_SITE_URL": "https://maison.exemple/centre/",
                                                 "CENTRE_RESSOURCES_REPO_URL": "https://forge.exemple/maison/centre"})
    assert (own.site_url, own.repo_url) == ("https://maison.exemple/centre/", "https://forge.exemple/maison/centre")


def test_outside_a_known_platform_the_warnings_name_both_keys():
    found = deployed_addresses(PLACEHOLDER, None, {})
    assert found.site_url == PLACEHOLDER and found.repo_url is None
    warnings = address_warnings(found)
    assert len(warnings) == 2
    assert "site_url" in warnings[0] and "CENTRE_RESSOURCES_SITE_URL" in warnings[0]
    assert "repo_url" in warnings[1] and "CENTRE_RESSOURCES_REPO_URL" in warnings[1]
