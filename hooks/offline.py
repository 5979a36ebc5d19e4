"""MkDocs adapter for the offline pack (see centre_ressources/downloads/offline_pack.py); does nothing unless
Material's offline plugin is switched on (CENTRE_RESSOURCES_HORS_LIGNE=true).

Event order and why:
- on_config (priority 50, before the offline plugin's at 0): name the site's own copy of the
  iframe-worker shim as the only polyfill; the plugin then adds no unpkg.com script.
- on_files: add that copy of the shim to the site.
- on_post_build (priority -110, after the Content-Security-Policy hook and the offline plugin,
  both at -100): let the pages' inline scripts run, which the shim needs under file://; point
  raw HTML links to folders to the pack's files; give canonical links the online addresses;
  drop the 404 page, which only a server shows.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from centre_ressources.downloads.offline_pack import (SHIM_URI, file_links, online_canonical, policy_for_file_urls,
                                       shim_source)


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(50)
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


@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    if not _offline(config):
        return
    # Opened from the file system, the pack has no server to show a "page not found" page;
    # Material's, which links from the site's root (/), would only be a page of dead links.
    (Path(config.site_dir) / "404.html").unlink(missing_ok=True)
    site_dir = Path(config.site_dir)
    site_files = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        packed = online_canonical(policy_for_file_urls(html))
        packed = file_links(packed, path.relative_to(site_dir).as_posix(), site_files)
        if packed != html:
            path.write_text(packed, encoding="utf-8")
