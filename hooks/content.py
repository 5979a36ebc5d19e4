"""MkDocs adapter for the content: MkDocs events in, calls to `centre_ressources` out;
`SiteBuild` (centre_ressources/site_build.py) does the work and holds its state.

Each `on_*` function below says what it hands over; their order is centre_ressources/build_order.py.
on_config checks and renders all content, so a content error stops the build before MkDocs
empties the output folder."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import normalize_url

from centre_ressources import build_order
from centre_ressources.content.glossary import GLOSSARY_FILE
from centre_ressources.deployment import deployed_addresses
from centre_ressources.downloads.listing import DOWNLOADS_VARIABLE
from centre_ressources.errors import ContentErrors, SiteConflict
from centre_ressources.material.navigation_cache import NavigationCache
from centre_ressources.render.hand_written import PageTemplateError
from centre_ressources.site_build import SiteBuild

build = SiteBuild()


@event_priority(build_order.CONTENT_FIRST)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    addresses = deployed_addresses(config.site_url, config.repo_url, os.environ)
    config.site_url, config.repo_url = addresses.site_url, addresses.repo_url
    config.repo_name = config.repo_name or addresses.repo_name
    offline = config.plugins.get("material/offline")  # on: this build is the offline pack
    try:
        nav, _ = build.start(Path(config.config_file_path).parent, config.site_url,
                                     os.environ.get(DOWNLOADS_VARIABLE),
                                     in_pack=bool(offline and offline.config.enabled))
    except ContentErrors as errors:
        raise PluginError(errors.report()) from None  # shown as a plain message, exit code 1
    config.nav = nav
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    def hand_written(src_uri: str) -> bool:
        return files.get_file_from_path(src_uri) is not None

    try:
        for item in build.files(hand_written, config.site_url or "/", config.site_name,
                                config.site_description or ""):
            if item.path is not None:
                files.append(File.generated(config, item.src_uri, abs_src_path=str(item.path)))
            else:
                files.append(File.generated(config, item.src_uri, content=item.content or ""))
    except SiteConflict as conflict:
        raise PluginError(str(conflict)) from None
    return files


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    if build.is_generated(page.file.src_uri):
        page.file.content_string = ""  # the page holds its own copy now
        return markdown
    try:
        return build.hand_written_markdown(page.file.src_uri, page.url, markdown, page.meta, config)
    except PageTemplateError as error:
        raise PluginError(str(error)) from None


@event_priority(build_order.DEFERRED_PARTS_FIRST)
def _deferred_parts(html: str, page, config: MkDocsConfig, files: Files) -> str:
    return build.finished_html(page.file.src_uri, html)


@event_priority(build_order.SANITIZE_LAST)
def _sanitized(html: str, page, config: MkDocsConfig, files: Files) -> str:
    return build.sanitized_html(page.file.src_uri, html)


on_page_content = CombinedEvent(_deferred_parts, _sanitized)


def on_env(env, config: MkDocsConfig, files: Files):
    # Links written as Material's `url` filter writes them from a page (its base is unused then).
    env.globals["navigation_cache"] = NavigationCache(lambda url, page: normalize_url(url, page=page))
    return env


def on_page_context(context, page, config: MkDocsConfig, nav):
    jsonld = build.jsonld.get(page.file.src_uri)
    if jsonld is not None:
        page.meta["jsonld"] = jsonld
    return context


def on_post_build(config: MkDocsConfig) -> None:
    build.finish()


def on_build_error(error: Exception) -> None:
    build.finish()


def on_serve(server, config: MkDocsConfig, builder):
    glossary = Path(config.config_file_path).parent / GLOSSARY_FILE
    if glossary.is_file():
        server.watch(str(glossary))
    return server
