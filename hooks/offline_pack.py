"""MkDocs adapter for the offline pack (centre_ressources/downloads/offline_pack.py); does
nothing unless Material's offline plugin is on (CENTRE_RESSOURCES_HORS_LIGNE=true).

on_config and on_files put the site's own copy of the iframe-worker shim in place of the
plugin's unpkg.com script; on_post_build turns the written site into the pack."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from centre_ressources import build_order
from centre_ressources.downloads.offline_pack import SHIM_URI, pack_written_site, shim_source


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(build_order.OFFLINE_SHIM_BEFORE_PLUGIN)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _offline(config):
        config.extra["polyfills"] = [SHIM_URI]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not _offline(config):
        return files
    shim = shim_source(Path(config.config_file_path).parent)
    if not shim.is_file():
        raise PluginError(
            f"{shim} introuvable : la version hors ligne a besoin du paquet npm iframe-worker ; "
            "lancez « bash scripts/offline-deps.sh »."
        )
    files.append(File.generated(config, SHIM_URI, abs_src_path=str(shim)))
    return files


@event_priority(build_order.OFFLINE_PACK_LAST)
def on_post_build(config: MkDocsConfig) -> None:
    if _offline(config):
        pack_written_site(Path(config.site_dir))
