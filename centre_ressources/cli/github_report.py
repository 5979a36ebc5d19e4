"""`check --format github`: errors as GitHub Actions annotations, and a French job summary.

An annotation `::error file=…,line=…,col=…,title=…::message` shows the message on the pull
request's changed line; the escaping is that of @actions/core (command.ts), so that a colon,
a comma or a new line in a message never cuts it short.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from centre_ressources import urls
from centre_ressources.content.load import CASES_DIR, METHODS_DIR, PATHS_DIR, PHASES_DIR
from centre_ressources.errors import ContentError

PREVIEW_ARTIFACT = "apercu-du-site"
# Content folders where one Markdown file makes one page, and the address of that page.
_ONE_FILE_PAGES = {METHODS_DIR: urls.sheet_page, PHASES_DIR: urls.phase_page, PATHS_DIR: urls.path_page}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(error: ContentError) -> str:
    title = f"Champ « {error.field} »" if error.field else "Contenu à corriger"
    properties = ",".join((
        f"file={escape_property(error.path)}",
        f"line={error.line}",
        f"col={error.column}",
        f"title={escape_property(title)}",
    ))
    return f"::error {properties}::{escape_data(error.message)}"


def page_of(path: str) -> str | None:
    """The public address (from the site's root) of the page a content file makes, if any."""
    parts = path.split("/")
    page_of_file = _ONE_FILE_PAGES.get(parts[0])
    if page_of_file and len(parts) == 2 and parts[1].endswith(".md"):
        src = page_of_file(parts[1].removesuffix(".md"))
    elif parts[0] == CASES_DIR and len(parts) >= 3:  # a case is a folder: its page and its images
        src = urls.case_page(parts[1])
    else:
        return None
    return "/" + urls.public_url(src).lstrip("/")


def changed_files(root: Path, base: str | None) -> list[str] | None:
    """Files the pull request adds or changes against `base`; None when git cannot tell."""
    if not base:
        return None
    try:
        result = subprocess.run(["git", "diff", "--name-only", f"{base}...HEAD"], cwd=root,
                                capture_output=True, text=True, timeout=30)
        if result.returncode:
            result = subprocess.run(["git", "diff", "--name-only", base], cwd=root,
                                    capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode:
        return None
    return [line for line in result.stdout.splitlines() if line]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary(errors: list[ContentError], changed: list[str] | None) -> str:
    lines = ["## Vérification des contenus", ""]
    if errors:
        noun = "erreur à corriger" if len(errors) == 1 else "erreurs à corriger"
        lines += [f"❌ **{len(errors)} {noun}.** Chaque erreur est aussi signalée sur la ligne "
                  "concernée, dans l'onglet « Files changed » de la demande de fusion.", "",
                  "| Fichier | Ligne | Champ | Message |", "| --- | --- | --- | --- |"]
        lines += [f"| `{_cell(e.path)}` | {e.line} | {_cell(e.field) or '—'} | {_cell(e.message)} |"
                  for e in errors]
    else:
        lines += ["✅ Tous les contenus sont valides."]
    if changed is not None:
        pages = sorted({page for page in map(page_of, changed) if page})
        lines += ["", "### Pages ajoutées ou modifiées par cette demande", ""]
        lines += [f"- `{page}`" for page in pages] or ["Aucune page de contenu n'est modifiée."]
        cases = sorted({p.split("/")[1] for p in changed if p.startswith(CASES_DIR + "/") and p.count("/") >= 2})
        if cases and not errors:
            lines += ["", "### Voir votre page avant sa publication", "",
                      f"1. En bas de ce résumé, dans « Artifacts », téléchargez **{PREVIEW_ARTIFACT}** "
                      "(un fichier zip).",
                      "2. Décompressez-le sur votre ordinateur."]
            lines += [f"3. Ouvrez le fichier `etudes-de-cas/{slug}/index.html` dans votre navigateur."
                      for slug in cases]
    return "\n".join(lines) + "\n"


def write_summary(summary_file: str, text: str) -> None:
    with open(summary_file, "a", encoding="utf-8") as stream:
        stream.write(text)
