"""MkDocs adapter: the only module that knows MkDocs; the work is done by `centre_ressources`.

Event order and why:
- on_config (priority 100, before mkdocs-macros reads `extra`): load, validate and render all
  content. MkDocs cleans the output folder only after on_config and on_pre_build, so a content
  error raised here stops the build with the previous site left as it was.
- on_files: hand the generated pages to MkDocs as in-memory files (`File.generated`); nothing
  is ever written into docs/ or the content folders. The JSON Schemas are published too.
- on_page_content (priority 100, first): put the pictures and glossary links of generated
  pages in place, kept out of their Markdown (centre_ressources/render/deferred.py: Markdown had no
  use for them and they were a good part of the build time at scale).
- on_page_content (priority -100, after other plugins changed the HTML): sanitise the HTML of
  generated pages, which carry contributed text, with an nh3 allowlist.
- on_page_markdown: once a generated page has read its Markdown, empty the in-memory file.
- on_files also adds the files published beside the pages (centre_ressources/publish/files.py):
  open data in api/, the Atom feed, the redirect pages of old addresses, written to a
  temporary folder that on_post_build (or on_build_error) removes. It then lets go of the
  catalogue, which nothing after it needs, to lower the build's peak memory.
- on_serve: also watch the root content files (glossary.yml) during `serve`.
- on_page_context: the page's JSON-LD (schema.org), written into its head by
  docs/overrides/main.html.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from centre_ressources.render.deferred import DeferredParts
from centre_ressources.downloads.listing import DOWNLOADS_VARIABLE
from centre_ressources.errors import ContentErrors
from centre_ressources.publish.jsonld import jsonld_by_page
from centre_ressources.pipeline import generate
from centre_ressources.publish.files import each_published_file
from centre_ressources.publish.sanitize import sanitize_html
from centre_ressources.cli.new import TEMPLATE_SLUG, scaffold_text
from centre_ressources.content.schemas import SCHEMA_NAMES, schema_text

_state: dict = {}


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    deferred = DeferredParts()
    try:
        catalogue, site = generate(root, site_url=config.site_url,
                                   downloads_dir=os.environ.get(DOWNLOADS_VARIABLE),  # see downloads.py
                                   deferred=deferred)
    except ContentErrors as errors:
        # A PluginError is shown by MkDocs as a plain message (no traceback), exit code 1.
        raise PluginError(errors.report()) from None
    _state["site"] = site
    _state["catalogue"] = catalogue
    _state["deferred"] = deferred
    # The content read and rendered lives until the pages are built: out of the cyclic
    # collector's reach meanwhile, it is not scanned again at each of its passes (gc.freeze is
    # meant for such long-lived objects); on_post_build hands it back.
    gc.freeze()
    config.nav = site.nav
    config.extra["nombre_fiches"] = len(catalogue.pathway)
    config.extra["nombre_etudes_de_cas"] = len(catalogue.cases)
    # The commented template of a new case study, which /contribuer/ opens in GitHub's editor.
    config.extra["modele_etude_de_cas"] = scaffold_text(catalogue.phases, "etude-de-cas", TEMPLATE_SLUG)
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
    # Written to a temporary folder that MkDocs copies from, rather than held in memory until
    # the end of the build: with thousands of case studies the open data weighs tens of MB.
    published_dir = Path(tempfile.mkdtemp(prefix="centre-ressources-"))
    _state["published_dir"] = published_dir
    for path, text in each_published_file(_state["catalogue"], site_url, config.site_name,
                                          config.site_description or ""):
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} : ce fichier est produit par la construction "
                              "(données ouvertes, flux ou redirection) ; supprimez-le de docs/.")
        written = published_dir / path
        written.parent.mkdir(parents=True, exist_ok=True)
        written.write_bytes(text.encode("utf-8"))
        files.append(File.generated(config, path, abs_src_path=str(written)))
    _state["jsonld"] = jsonld_by_page(_state["catalogue"], site_url, config.site_name)
    # The rest of the build only needs to know which pages are generated: the catalogue and the
    # rendered Markdown (now held by the files) are let go, which lowers the build's peak memory.
    _state["generated"] = frozenset(site.pages)
    del _state["site"], _state["catalogue"]
    return files


def on_post_build(config: MkDocsConfig) -> None:
    gc.unfreeze()
    _remove_published_dir()


def on_build_error(error: Exception) -> None:
    gc.unfreeze()
    _remove_published_dir()


def _remove_published_dir() -> None:
    published_dir = _state.pop("published_dir", None)
    if published_dir is not None:
        shutil.rmtree(published_dir, ignore_errors=True)


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    # The page has read its Markdown (without front matter, a copy): the generated file's own
    # copy is no longer needed, and held until the end it would double their weight in memory.
    if page.file.src_uri in _state["generated"]:
        page.file.content_string = ""
    return markdown


@event_priority(100)
def _restore_deferred_parts(html: str, page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _state["generated"]:
        return _state["deferred"].restore(page.file.src_uri, html)
    return html


@event_priority(-100)
def _sanitize_generated_page(html: str, page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _state["generated"]:
        return sanitize_html(html)
    return html


on_page_content = CombinedEvent(_restore_deferred_parts, _sanitize_generated_page)


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
