"""The site as plain sources, for a builder that runs no hooks (Material without them, Zensical).

DOSSIER holds `docs/` (hand-written pages rendered, generated pages, assets, published files),
`overrides/<builder>/` (theme.py), `mkdocs.yml`, `zensical.yml`, and the lists that
`centre-ressources finish` completes (`pages-generees.txt`, `parties-differees.json`). It is
written beside DOSSIER and moved in only once complete: an error leaves DOSSIER as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from centre_ressources.deployment import deployed_addresses
from centre_ressources.errors import SiteConflict
from centre_ressources.export.configs import TARGETS, project_config, target_config
from centre_ressources.export.macros import render_macro_page
from centre_ressources.export.theme import write_overrides
from centre_ressources.folders import replace_folder
from centre_ressources.pipeline import DOCS_DIR, generate
from centre_ressources.publish.files import each_published_file
from centre_ressources.publish.jsonld import jsonld_by_page
from centre_ressources.publish.staging import refuse_hand_written_pages
from centre_ressources.render.deferred import DeferredParts
from centre_ressources.render.front_matter import with_fields
from centre_ressources.site_build import page_variables

GENERATED_LIST = "pages-generees.txt"
DEFERRED_PARTS = "parties-differees.json"
OVERRIDES_DIR = "docs/overrides"  # in the project: the theme overrides, kept out of the pages


@dataclass(frozen=True)
class Export:
    destination: Path
    pages: int  # Markdown pages, hand-written and generated
    files: int  # every other file of docs/


def export_site(root: Path, destination: Path) -> Export:
    """Check and render the content (raises ContentErrors), then write the whole site source."""
    config = project_config(root / "mkdocs.yml")
    addresses = deployed_addresses(config.get("site_url"), config.get("repo_url"), os.environ)
    config = {**config, "site_url": addresses.site_url, "repo_url": addresses.repo_url,
              "repo_name": config.get("repo_name") or addresses.repo_name}
    config = {key: value for key, value in config.items() if value is not None}
    site_url = config.get("site_url") or None
    deferred = DeferredParts(terms=False)
    catalogue, site = generate(root, site_url=site_url, deferred=deferred)
    variables = page_variables(catalogue)
    destination = destination.resolve()
    _refuse_foreign_folder(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}-", dir=destination.parent))
    try:
        docs = staging / "docs"
        hand_written = _copy_hand_written(root / DOCS_DIR, docs)
        refuse_hand_written_pages(site.pages, lambda src_uri: src_uri in hand_written)
        for src_uri in sorted(hand_written):
            if src_uri.endswith(".md"):
                path = docs / src_uri
                path.write_text(render_macro_page(path.read_text(encoding="utf-8"), src_uri, config, variables),
                                encoding="utf-8")
        jsonld = jsonld_by_page(catalogue, site_url or "/", config["site_name"])
        for src_uri, text in site.pages.items():
            text = deferred.place_blocks(src_uri, text)
            if src_uri in jsonld:
                text = with_fields(text, jsonld=jsonld[src_uri])
            _write(docs / src_uri, text)
        for src_uri, source in site.assets.items():
            target = docs / src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        for published, text in each_published_file(catalogue, site_url or "/", config["site_name"],
                                              config.get("site_description") or ""):
            if published in hand_written:
                raise SiteConflict(f"docs/{published} : ce fichier est produit par la construction "
                                   "(données ouvertes, flux ou redirection) ; supprimez-le de docs/.")
            _write(docs / published, text)
        (staging / GENERATED_LIST).write_text("".join(f"{src_uri}\n" for src_uri in sorted(site.pages)),
                                              encoding="utf-8")
        (staging / DEFERRED_PARTS).write_text(json.dumps(deferred.to_json(), ensure_ascii=False), encoding="utf-8")
        for builder in TARGETS:
            write_overrides(root / OVERRIDES_DIR, staging, builder)
            document = target_config(config, site.nav, variables, builder)
            (staging / builder.config_file).write_text(
                yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
        files = [p for p in docs.rglob("*") if p.is_file()]
        pages = sum(1 for p in files if p.suffix == ".md")
        replace_folder(staging, destination)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Export(destination, pages, len(files) - pages)


def _refuse_foreign_folder(destination: Path) -> None:
    """DOSSIER is replaced whole: only an empty folder or an earlier export may be."""
    if destination.is_dir() and any(destination.iterdir()) and not (destination / GENERATED_LIST).is_file():
        raise SiteConflict(f"{destination} : ce dossier n'est ni vide ni un export précédent ; "
                           "choisissez un autre dossier (l'export le remplace entièrement).")
    if destination.exists() and not destination.is_dir():
        raise SiteConflict(f"{destination} : ce chemin est un fichier ; choisissez un dossier.")


def _copy_hand_written(docs_dir: Path, docs: Path) -> set[str]:
    """docs/ without the theme overrides; the paths copied, relative to docs/."""
    overrides = Path(OVERRIDES_DIR).relative_to(DOCS_DIR).as_posix()
    shutil.copytree(docs_dir, docs, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.rmtree(docs / overrides, ignore_errors=True)
    return {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
