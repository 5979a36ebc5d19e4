"""The preview's two moves: MkDocs' own build of the whole site (with the hooks and plugins of
mkdocs.yml, the core keeping what it read), and a save carried out page by page, as the core
decides (centre_ressources/preview/changes.py). What MkDocs makes for the whole site (search
index, sitemap, 404 page, published files) waits for the next whole build."""

from __future__ import annotations

import time
import traceback
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from centre_ressources.errors import ContentErrors
from centre_ressources.preview import report
from centre_ressources.preview.changes import Work, changed_pictures, refuse_taken_addresses, sort_changes, work_of
from centre_ressources.preview.dependencies import WholeBuild
from centre_ressources.preview.session import PreviewSession, Update
from centre_ressources.site_build import SiteBuild
from centre_ressources_mkdocs.internals import build, serve_url, set_exclusions
from centre_ressources_mkdocs.pages import Kept, build_page
from centre_ressources_mkdocs.say import say

CONTENT_HOOK = "hooks/content.py"  # its name in mkdocs.yml


def site_build(config: MkDocsConfig) -> SiteBuild:
    """The state of hooks/content.py (MkDocs keeps the hooks by name, typed as a list)."""
    hooks = cast(dict[str, Any], config.hooks)
    return hooks[CONTENT_HOOK].build


class Preview:
    def __init__(self, root: Path, site_dir: str, dev_addr: str) -> None:
        self.root, self.site_dir, self.dev_addr = root, site_dir, dev_addr
        self.session = PreviewSession()
        self.serve_url = ""
        self.built_in = 0.0  # seconds of the last whole build
        self.errors: ContentErrors | None = None  # the content error the preview shows, if any
        self.config: MkDocsConfig | None = None
        self.kept = Kept()

    def banner(self) -> str:
        return report.error_banner(self.errors) if self.errors else ""

    def _load(self) -> MkDocsConfig:
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=self.site_dir, dev_addr=self.dev_addr)
        config.plugins.on_startup(command="serve", dirty=False)
        host, port = config.dev_addr
        self.serve_url = serve_url(host, port, urlsplit(config.site_url or "/").path)
        config.site_url = self.serve_url
        return config

    def build_all(self) -> bool:
        """MkDocs' own build of the whole site; False (and the previous site kept) if it fails."""
        started = time.perf_counter()
        try:
            config = self._load()
            kept = Kept()
            config.plugins["centre-ressources/apercu"] = kept
            site_build(config).generate_through(self.session.generate)
            build(config, serve_url=self.serve_url)
        except Exception as error:  # a content error (already printed by MkDocs) or any other
            if not isinstance(error, SystemExit) and "Aborted" not in str(error):
                traceback.print_exc()
            say("La reconstruction a échoué : l'aperçu garde les pages précédentes.", error=True)
            return False
        self.config, self.kept, self.errors = config, kept, None
        self.built_in = time.perf_counter() - started
        return True

    def whole(self, reason: str) -> bool:
        say(report.whole_build(reason))
        if not self.build_all():
            return False
        say(f"Aperçu reconstruit en {report.duration(self.built_in)} s.")
        return True

    def changed(self, paths: set[str]) -> bool:
        """Bring the preview up to date with the files saved; True if the browsers should reload."""
        assert self.config is not None
        docs_dir = Path(self.config.docs_dir)
        changes = sort_changes(paths, self.root, docs_dir, self.kept, Path.is_file)
        if changes.whole:
            return self.whole(changes.whole)
        started = time.perf_counter()
        update: Update | None = None
        if changes.content:
            try:
                update = self.session.update()
                self._add_and_remove(update)
            except ContentErrors as errors:
                say(report.content_error(errors), error=True)
                self.errors = errors
                return True  # the pages show the error
            except WholeBuild as need:
                return self.whole(need.reason)
        pictures = changed_pictures(paths, self.root, self.kept, Path.is_file) if update is not None else []
        work = work_of(changes, update, pictures, lambda: self.kept.hand_written_pages(docs_dir))
        written = self._carry_out(work)
        was_in_error, self.errors = self.errors is not None, None
        if update is not None or work.hand_written or work.assets:
            rendered = (update.rendered if update else 0) + len(work.hand_written)
            say(report.updated([*written, *work.assets], rendered, update.files_read if update else (),
                               time.perf_counter() - started))
        return work.reloads(written, was_in_error)

    def _add_and_remove(self, update: Update) -> None:
        """The pages and files that came or went, in MkDocs' files and in the content hook's state."""
        assert self.config is not None
        config, files, state = self.config, self.kept.files, site_build(self.config)
        refuse_taken_addresses(update, self.kept, state.is_generated)
        for uri in (*update.removed, *update.removed_assets):
            file = files.get_file_from_path(uri)
            if file is not None:
                files.remove(file)
                Path(file.abs_dest_path).unlink(missing_ok=True)
        for uri in update.added:
            file = File.generated(config, uri, content=update.rewritten[uri])
            set_exclusions([file], config)
            files.append(file)
            Page(None, file, config)
        for uri, source in update.assets.items():
            known = files.get_file_from_path(uri)
            if known is not None:
                files.remove(known)
            asset = File.generated(config, uri, abs_src_path=source)
            set_exclusions([asset], config)
            files.append(asset)
        state.pages_changed(update.catalogue, update.added, update.removed, update.rendered_pages,
                            config.site_url or "/", config.site_name)

    def _carry_out(self, work: Work) -> list[str]:
        """The files copied, the pages converted; the pages whose HTML changed."""
        assert self.config is not None
        for uri in work.assets:
            asset = self.kept.files.get_file_from_path(uri)
            if asset is not None:
                asset.copy_file()
        pages = [*((uri, text) for uri, text in work.generated.items()), *((uri, None) for uri in work.hand_written)]
        return [uri for uri, markdown in pages if build_page(uri, markdown, self.config, self.kept)]
