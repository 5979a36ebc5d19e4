"""The site's public address and its repository's, from where it is deployed.

First what mkdocs.yml sets (its example `site_url` counts as unset), then the maintainer's
variables (`CENTRE_RESSOURCES_SITE_URL`, `CENTRE_RESSOURCES_REPO_URL`), then what GitHub Actions
or GitLab CI say of themselves: a fork deployed from its own repository prints its own
addresses everywhere, with nothing edited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

PLACEHOLDER = "https://example.org/"  # the address mkdocs.yml ships with
SITE_URL_VARIABLE = "CENTRE_RESSOURCES_SITE_URL"
REPO_URL_VARIABLE = "CENTRE_RESSOURCES_REPO_URL"


@dataclass(frozen=True)
class Addresses:
    site_url: str | None  # with a trailing slash; None where nothing says it
    repo_url: str | None  # without one
    site_url_from: str  # where each came from, for the build's messages
    repo_url_from: str

    @property
    def repo_name(self) -> str | None:
        """« owner/name », as the header shows the repository."""
        return repository_name(self.repo_url) if self.repo_url else None


def deployed_addresses(site_url: str | None, repo_url: str | None, environ: Mapping[str, str]) -> Addresses:
    """The addresses to build with, from mkdocs.yml's values (`site_url`, `repo_url`) and the
    environment of the build."""
    site, site_from = _site_url(site_url, environ)
    repo, repo_from = _repo_url(repo_url, environ)
    return Addresses(site, repo, site_from, repo_from)


def is_placeholder(site_url: str | None) -> bool:
    return bool(site_url) and str(site_url).rstrip("/") == PLACEHOLDER.rstrip("/")


def _site_url(configured: str | None, environ: Mapping[str, str]) -> tuple[str | None, str]:
    if configured and not is_placeholder(configured):
        return _with_slash(configured), "mkdocs.yml"
    if environ.get(SITE_URL_VARIABLE, "").strip():
        return _with_slash(environ[SITE_URL_VARIABLE]), SITE_URL_VARIABLE
    if environ.get("GITHUB_ACTIONS") == "true" and "/" in environ.get("GITHUB_REPOSITORY", ""):
        owner, name = environ["GITHUB_REPOSITORY"].split("/", 1)
        host = f"https://{owner.lower()}.github.io/"
        return (host if name.lower() == f"{owner.lower()}.github.io" else f"{host}{name}/"), "GitHub Pages"
    if environ.get("GITLAB_CI") == "true" and environ.get("CI_PAGES_URL", "").strip():
        return _with_slash(environ["CI_PAGES_URL"]), "GitLab Pages"
    return (_with_slash(configured) if configured else None), "mkdocs.yml"


def _repo_url(configured: str | None, environ: Mapping[str, str]) -> tuple[str | None, str]:
    if configured:
        return configured.rstrip("/"), "mkdocs.yml"
    if environ.get(REPO_URL_VARIABLE, "").strip():
        return environ[REPO_URL_VARIABLE].strip().rstrip("/"), REPO_URL_VARIABLE
    if environ.get("GITHUB_ACTIONS") == "true" and environ.get("GITHUB_REPOSITORY"):
        server = environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
        return f"{server}/{environ['GITHUB_REPOSITORY']}", "GitHub"
    if environ.get("GITLAB_CI") == "true" and environ.get("CI_PROJECT_URL", "").strip():
        return environ["CI_PROJECT_URL"].strip().rstrip("/"), "GitLab"
    return None, "mkdocs.yml"


def repository_name(repo_url: str) -> str:
    """« owner/name » of a forge's repository address, as the header shows it."""
    parts = [part for part in repo_url.split("://", 1)[-1].split("/")[1:] if part]
    return "/".join(parts[-2:]) if parts else repo_url


def _with_slash(url: str) -> str:
    url = url.strip()
    return url if url.endswith("/") else url + "/"


def address_warnings(addresses: Addresses) -> list[str]:
    """What a build outside a known platform, or without an address, should say (French)."""
    warnings = []
    if addresses.site_url is None or is_placeholder(addresses.site_url):
        warnings.append(
            f"attention : l'adresse publique du site n'est pas connue (site_url vaut {addresses.site_url or 'rien'}) ; "
            "l'adresse imprimée sur chaque fiche et son code QR, le flux, le plan du site et les données y mèneraient. "
            f"Indiquez-la dans mkdocs.yml (site_url) ou dans la variable {SITE_URL_VARIABLE} ; "
            "sur GitHub Actions ou GitLab CI, elle est trouvée d'elle-même.")
    if addresses.repo_url is None:
        warnings.append(
            "attention : le dépôt du site n'est pas connu (repo_url) ; le formulaire de /contribuer/ ne pourra pas "
            "proposer le fichier sur la forge. Indiquez-le dans mkdocs.yml (repo_url) ou dans la variable "
            f"{REPO_URL_VARIABLE} ; sur GitHub Actions ou GitLab CI, il est trouvé de lui-même.")
    return warnings
