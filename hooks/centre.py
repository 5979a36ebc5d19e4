"""MkDocs adapter: the only module that knows MkDocs; the work is done by `centre_ressources`.

Event order and why:
- on_config (priority 100, before mkdocs-macros reads `extra`): load, validate and render all
  content. MkDocs cleans the output folder only after on_config and on_pre_build, so a content
  error raised here stops the build with the previous site left as it was.
- on_files: hand the generated pages to MkDocs as in-memory files (`File.generated`); nothing
  is ever written into docs/ or the content folders. The JSON Schemas are published too.
- on_page_content (priority -100, after other plugins changed the HTML): sanitise the HTML of
  generated pages, which carry contributed text, with an nh3 allowlist.
- on_files also adds the files published beside the pages (centre_ressources/publish.py):
  open data in api/, the Atom feed, the redirect pages of old addresses.
- on_serve: also watch the root content files (glossary.yml) during `serve`.
- on_page_context: the page's JSON-LD (schema.org), written into its head by
  docs/overrides/main.html.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from centre_ressources.downloads import DOWNLOADS_VARIABLE
from centre_ressources.errors import ContentErrors
from centre_ressources.jsonld import jsonld_by_page
from centre_ressources.pipeline import generate
from centre_ressources.publish import published_files
from centre_ressources.sanitize import sanitize_html
from centre_ressources.schemas import SCHEMA_NAMES, schema_text

_state: dict = {}


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        catalogue, site = generate(root, site_url=config.site_url,
                                   downloads_dir=os.environ.get(DOWNLOADS_VARIABLE))  # see downloads.py
    except ContentErrors as errors:
        # A PluginError is shown by MkDocs as a plain message (no traceback), exit code 1.
        raise PluginError(errors.report()) from None
    _state["site"] = site
    _state["catalogue"] = catalogue
    config.nav = site.nav
    config.extra["nombre_fiches"] = len(catalogue.pathway)
    config.extra["nombre_etudes_de_cas"] = len(catalogue.cases)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _state["site"]
    for src_uri, text in site.pages.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            raise PluginError(
                f"docs/{src_uri} : cette page est générée à partir des contenus ; "
                "supprimez ce fichier de docs/ ou renommez-le."
            )
        files.append(File.generated(config, src_uri, content=text))
    for src_uri, path in site.assets.items():
        files.append(File.generated(config, src_uri, abs_src_path=path))
    for name in SCHEMA_NAMES:
        files.append(File.generated(config, f"schemas/{name}.json", content=schema_text(name)))
    site_url = config.site_url or "/"
    for path, text in published_files(_state["catalogue"], site_url, config.site_name,
                                      config.site_description or "").items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} : ce fichier est produit par la construction "
                              "(données ouvertes, flux ou redirection) ; supprimez-le de docs/.")
        files.append(File.generated(config, path, content=text))
    _state["jsonld"] = jsonld_by_page(_state["catalogue"], site_url, config.site_name)
    return files


@event_priority(-100)
def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _state["site"].pages:
        return sanitize_html(html)
    return html


def on_page_context(context, page, config: MkDocsConfig, nav):
    jsonld = _state.get("jsonld", {}).get(page.file.src_uri)
    if jsonld is not None:
        page.meta["jsonld"] = jsonld
    return context


def on_serve(server, config: MkDocsConfig, builder):
    # Content files outside the `watch:` folders of mkdocs.yml (listed there, a missing file
    # would be a configuration error for projects that have none, such as the test fixtures).
    root = Path(config.config_file_path).parent
    for name in ("glossary.yml",):
        if (root / name).is_file():
            server.watch(str(root / name))
    return server
