"""The published site's search index: Pagefind, run over the written HTML.

Pagefind splits the index into small files (words, pages, filters), so that a visitor's
browser loads only the parts a query needs, and none before the first search. What it
indexes is set by the page template (docs/overrides/main.html): the article of each page
marked `data-pagefind-body` (not the navigation), with its kind and phases as filters; the
parts marked `data-search-exclude` (the printed address, the download links) and the
heading permalinks are left out. French stemming comes from the pages' language, forced
here so that a page without `lang` is indexed as French too.

Run after every writer of HTML and before the Content-Security-Policy (the policy hashes
the final text of each page, and Pagefind does not change the pages). The binary ships in
the `pagefind[bin]` wheel (`pagefind_bin`): no download at build time.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

BUNDLE_DIR = "pagefind"  # where the index and its library are written, in the site
# Never indexed: what Material's search already left out (data-search-exclude), and the
# "¶" permalink of each heading.
EXCLUDED = ("[data-search-exclude]", ".headerlink")
LANGUAGE = "fr"


class SearchIndexError(RuntimeError):
    """The index could not be written; the message is in French, for the person building."""


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        get_executable = None
    if get_executable is not None:
        try:
            return Path(get_executable())
        except FileNotFoundError:
            pass
    found = shutil.which("pagefind")
    if found:
        return Path(found)
    raise SearchIndexError(
        "Pagefind est introuvable : la recherche du site en a besoin. Installez les dépendances "
        "du projet (« .venv/bin/python -m pip install -e . », qui installe pagefind[bin])."
    )


def index_site(site_dir: Path, executable: Path | None = None) -> Path:
    """Write the search index of a built site into `site_dir/pagefind/`; return that folder."""
    bundle = site_dir / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)  # nothing left from a previous build
    command = [str(executable or pagefind_executable()), "--site", str(site_dir),
               "--output-subdir", BUNDLE_DIR, "--force-language", LANGUAGE, "--quiet"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        details = (result.stderr or result.stdout).strip()
        raise SearchIndexError(f"L'index de recherche n'a pas pu être écrit (Pagefind) : {details}")
    return bundle
