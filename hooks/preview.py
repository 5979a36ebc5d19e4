"""MkDocs adapter for `centre-ressources serve`: the site built once by MkDocs, then, at each
edit, only the pages that the edit changes (`python -P hooks/preview.py ROOT`, started by the CLI;
-P keeps hooks/ off sys.path, where a hook module could stand for a package of the same name).

`mkdocs serve` builds the whole site again at every save, and `--dirty` does not help: a page
made with `File.generated` always counts as modified. Here:
- the first build is MkDocs' own `build`, with the hooks and plugins of mkdocs.yml; the core
  keeps what it read (centre_ressources/preview/session.py), and the files, navigation and
  template environment of MkDocs are kept too (`_Kept`);
- at an edit of the content, the core says which pages' Markdown changed; each goes through
  MkDocs' own `_populate_page` (every plugin's page events) and the theme's template, and is
  written only if its HTML differs; a hand-written page of docs/ likewise. The browsers reload
  once the pages are written;
- what MkDocs does for the whole site (search index, sitemap, 404 page, published files, the
  post-build hooks) waits for the next whole build: a change of mkdocs.yml, hooks/ or the theme,
  or an edit the core cannot apply page by page (a file added or removed, a phase…);
- a content error is printed and shown at the top of every previewed page; the pages stay as
  they were until it is fixed.

It leans on MkDocs 1.6 internals (pinned `<1.7` in pyproject.toml): `_populate_page`, and the
live-reload server's build loop and script injection, overridden in `PreviewServer`.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import watchdog.events
import watchdog.observers
from jinja2 import Environment
from mkdocs import utils
from mkdocs.commands.build import _populate_page, build, get_context
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _serve_url, _timestamp
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from centre_ressources import urls
from centre_ressources.content.glossary import GLOSSARY_FILE
from centre_ressources.content.load import CASES_DIR, IMAGE_SUFFIXES, METHODS_DIR, PATHS_DIR, PHASES_DIR
from centre_ressources.errors import ContentErrors
from centre_ressources.preview import report
from centre_ressources.preview.dependencies import WholeBuild
from centre_ressources.preview.session import PreviewSession, Update
from centre_ressources.publish.jsonld import jsonld_by_page
from centre_ressources.site_build import SiteBuild, page_variables

CONTENT = (PHASES_DIR, METHODS_DIR, CASES_DIR, PATHS_DIR)
CONTENT_HOOK = "hooks/content.py"
SEARCH_PLUGINS = ("material/search", "search")
log = logging.getLogger("mkdocs.centre_ressources.preview")


def say(message: str, error: bool = False) -> None:
    print(time.strftime("[%H:%M:%S] ") + message, file=sys.stderr if error else sys.stdout, flush=True)


class _Kept(BasePlugin):
    """What MkDocs made in the last whole build, kept for the pages built one by one."""

    files: Files
    nav: Navigation
    env: Environment

    @event_priority(-100)  # last: the files and navigation as every plugin left them
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files
        return nav

    @event_priority(-100)
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        self.env = env
        return env


def _site_build(config: MkDocsConfig) -> SiteBuild:
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
        self.kept = _Kept()

    # --- whole builds -----------------------------------------------------------------------

    def load(self) -> MkDocsConfig:
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=self.site_dir, dev_addr=self.dev_addr)
        config.plugins.on_startup(command="serve", dirty=False)
        host, port = config.dev_addr
        self.serve_url = _serve_url(host, port, urlsplit(config.site_url or "/").path)
        config.site_url = self.serve_url
        return config

    def build_all(self) -> bool:
        """MkDocs' own build of the whole site; False (and the previous site kept) if it fails."""
        started = time.perf_counter()
        try:
            config = self.load()
            kept = _Kept()
            config.plugins["centre-ressources/apercu"] = kept
            _site_build(config).make = self.session.generate
            build(config, serve_url=self.serve_url)
        except Exception as error:  # a content error (already printed by MkDocs) or any other
            if not isinstance(error, SystemExit) and "Aborted" not in str(error):
                traceback.print_exc()
            say("La reconstruction a échoué : l'aperçu garde les pages précédentes.", error=True)
            return False
        self.config, self.kept, self.errors = config, kept, None
        self.built_in = time.perf_counter() - started
        return True

    # --- one edit ---------------------------------------------------------------------------

    def changed(self, paths: set[str]) -> bool:
        """Bring the preview up to date with the files changed; True if the browsers should reload."""
        assert self.config is not None
        docs_dir = Path(self.config.docs_dir)
        content, pages, assets, whole = False, [], [], ""
        for name in sorted(paths):
            path = Path(name)
            relative = path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else name
            if relative == GLOSSARY_FILE or relative.split("/")[0] in CONTENT:
                content = True
            elif path.is_relative_to(docs_dir) and "overrides" not in path.relative_to(docs_dir).parts:
                uri = path.relative_to(docs_dir).as_posix()
                file = self.kept.files.get_file_from_path(uri)
                if file is None or not path.is_file():
                    whole = whole or f"fichier ajouté ou retiré dans docs/ ({uri})"
                elif file.is_documentation_page():
                    pages.append(uri)
                else:
                    assets.append(uri)
            elif relative == "mkdocs.yml" or relative.split("/")[0] in ("hooks", "docs"):
                whole = whole or f"{relative} modifié"
        if whole:
            return self.whole(whole)
        started = time.perf_counter()
        rewritten: dict[str, str] = {}
        rendered, files_read = 0, tuple[str, ...]()
        came_or_went = False
        if content:
            try:
                update = self.session.update()
            except ContentErrors as errors:
                say(report.content_error(errors), error=True)
                self.errors = errors
                return True  # the pages show the error
            except WholeBuild as need:
                return self.whole(need.reason)
            try:
                self.add_and_remove(update)
            except WholeBuild as need:
                return self.whole(need.reason)
            rewritten, rendered, files_read = update.rewritten, update.rendered, update.files_read
            came_or_went = bool(update.added or update.removed)
            if came_or_went:  # the counts of the hand-written pages
                pages = [f.src_uri for f in self.kept.files.documentation_pages()
                         if f.abs_src_path and Path(f.abs_src_path).is_relative_to(docs_dir)]
            assets += [uri for uri in update.assets if uri not in assets]
            assets += [uri for uri in self.pictures(paths) if uri not in assets]
        for uri in assets:
            asset = self.kept.files.get_file_from_path(uri)
            if asset is not None:
                asset.copy_file()
        written = self.build_pages(rewritten, pages)
        was_in_error, self.errors = self.errors is not None, None
        if content or pages or assets:
            say(report.updated(written + assets, rendered + len(pages), files_read, time.perf_counter() - started))
        return bool(written or assets or was_in_error or came_or_went)

    def pictures(self, paths: set[str]) -> list[str]:
        """The case studies' pictures saved again, by their address in the site."""
        found = []
        for name in paths:
            path = Path(name)
            if path.is_relative_to(self.root / CASES_DIR) and path.suffix.lower() in IMAGE_SUFFIXES:
                uri = urls.case_asset(path.parent.name, path.name)
                if self.kept.files.get_file_from_path(uri) is not None and path.is_file():
                    found.append(uri)
        return found

    def add_and_remove(self, update: Update) -> None:
        """The pages and files that came or went, in MkDocs' files and the content hook's state;
        the variables and JSON-LD of the pages."""
        assert self.config is not None
        config, files, build_state = self.config, self.kept.files, _site_build(self.config)
        for uri in [*update.added, *update.assets]:
            known = files.get_file_from_path(uri)
            if known is not None and not (uri in build_state.generated or uri in update.assets):
                raise WholeBuild(f"{uri} existe déjà dans docs/")  # the whole build says so, in French
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
        build_state.generated = (build_state.generated | set(update.added)) - set(update.removed)
        build_state.variables = page_variables(update.catalogue)
        for uri in update.removed:
            build_state.jsonld.pop(uri, None)
        # only for the pages the edit can change (those rendered again): each page's is read as it is converted
        build_state.jsonld.update(jsonld_by_page(update.catalogue, config.site_url or "/", config.site_name,
                                                 only=set(update.rendered_pages)))

    def whole(self, reason: str) -> bool:
        say(report.whole_build(reason))
        if not self.build_all():
            return False
        say(f"Aperçu reconstruit en {report.duration(self.built_in)} s.")
        return True

    def build_pages(self, generated: dict[str, str], hand_written: list[str]) -> list[str]:
        """Convert and write the pages given (generated: their new Markdown); the pages written."""
        assert self.config is not None
        config, files = self.config, self.kept.files
        written = []
        for uri in [*generated, *hand_written]:
            file = files.get_file_from_path(uri)
            assert file is not None and file.page is not None, uri
            if uri in generated:
                file.content_string = generated[uri]
            _populate_page(file.page, config, files)
            output = self.render(file.page).encode("utf-8", errors="xmlcharrefreplace")
            destination = Path(file.abs_dest_path)
            if not destination.is_file() or destination.read_bytes() != output:
                utils.write_file(output, str(destination))
                written.append(uri)
        return written

    def render(self, page: Page) -> str:
        """The page through the theme's template: `mkdocs.commands.build._build_page` without
        its writing, and without the search plugin, whose index waits for the next whole build."""
        assert self.config is not None
        config, nav = self.config, self.kept.nav
        search = [config.plugins[name] for name in SEARCH_PLUGINS if name in config.plugins]
        handlers = config.plugins.events["page_context"]
        config.plugins.events["page_context"] = [h for h in handlers if getattr(h, "__self__", None) not in search]
        config._current_page = page
        page.active = True
        try:
            doc_files = self.kept.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            context = get_context(nav, doc_files, config, page)
            template = self.kept.env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            output = template.render(context)
            # The theme's markup corrected there too (hooks/written_site.py), as in a whole build.
            return config.plugins.on_post_page(output, page=page, config=config)
        finally:
            page.active = False
            config._current_page = None
            config.plugins.events["page_context"] = handlers


def _editor_scratch(name: str) -> bool:
    """The files an editor writes beside the one saved (vim's 4913 and .swp, emacs's .#x, x~)."""
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp")) or name.isdigit()


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, told which files changed, reloading the browsers only when a
    page changed, and showing the content error at the top of every page."""

    def __init__(self, on_change: Callable[[set[str]], bool], banner: Callable[[], str], host: str, port: int,
                 root: str) -> None:
        super().__init__(builder=lambda: None, host=host, port=port, root=root)
        # Native notifications (inotify) rather than a poll every half-second of every file.
        self.observer: Any = watchdog.observers.Observer()
        self._on_change, self._banner = on_change, banner
        self._changed: set[str] = set()
        self.build_delay = 0.05  # an editor's save is a few events in a row

    def watch(self, path: str, func: None = None, *, recursive: bool = True,
              only: frozenset[str] | None = None) -> None:
        path = os.path.abspath(path)
        if path in self._watched_paths:
            return
        self._watched_paths[path] = 1

        def callback(event: watchdog.events.FileSystemEvent) -> None:
            if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                return
            names = {os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")} - {""}
            names = {n for n in names if not _editor_scratch(os.path.basename(n))}
            if only is not None:
                names = {n for n in names if os.path.basename(n) in only}
            if not names:
                return
            with self._rebuild_cond:
                self._changed |= names
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = callback  # type: ignore[method-assign]
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def serve(self, *, open_in_browser: bool = False, on_ready: Callable[[], None] = lambda: None) -> None:
        """LiveReloadServer.serve, with `on_ready` called once the files are watched and the
        address answers (the benchmark and the tests wait for its message)."""
        self.server_bind()
        self.server_activate()
        self.observer.start()
        self.serve_thread.start()
        on_ready()
        self._build_loop()

    def _build_loop(self) -> None:
        while True:
            with self._rebuild_cond:
                while not self._rebuild_cond.wait_for(lambda: self._want_rebuild or self._shutdown,
                                                      timeout=self.shutdown_delay):
                    pass
                if self._shutdown:
                    break
                while self._rebuild_cond.wait(timeout=self.build_delay):
                    pass  # until the files stop changing
                changed, self._changed = self._changed, set()
                self._want_rebuild = False
                previous = self._visible_epoch
                self._wanted_epoch = _timestamp()  # requests wait meanwhile: no half-written page served
            try:
                reload = self._on_change(changed)
            except Exception:
                traceback.print_exc()
                say("Erreur pendant la mise à jour de l'aperçu : les pages peuvent ne pas être à jour.", error=True)
                reload = True
            with self._epoch_cond:
                if reload:
                    self._visible_epoch = self._wanted_epoch
                else:
                    self._wanted_epoch = previous
                self._epoch_cond.notify_all()

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)
        banner = self._banner()
        if banner:
            start = content.find(b"<body")
            start = content.find(b">", start) + 1 if start >= 0 else 0
            content = content[:start] + banner.encode() + content[start:]
        return content


def serve(root: Path, dev_addr: str) -> int:
    site_dir = tempfile.mkdtemp(prefix="centre-ressources-apercu-")
    preview = Preview(root, site_dir, dev_addr)
    try:
        say("Aperçu : première construction de tout le site…")
        if not preview.build_all():
            return 1
        say(f"Aperçu : site construit en {report.duration(preview.built_in)} s.")
        assert preview.config is not None
        host, port = preview.config.dev_addr
        server = PreviewServer(preview.changed, lambda: report.error_banner(preview.errors) if preview.errors else "",
                               host, port, site_dir)

        def error_page(code: int) -> bytes | None:
            page = Path(site_dir) / f"{code}.html"
            return page.read_bytes() if code in (404, 500) and page.is_file() else None

        server.error_handler = error_page
        for name in (*CONTENT, "docs", "hooks"):
            if (root / name).is_dir():
                server.watch(str(root / name))
        server.watch(str(root), recursive=False, only=frozenset({"mkdocs.yml", GLOSSARY_FILE}))
        say("Aperçu : chaque enregistrement met à jour les pages qu'il change ; l'index de recherche, "
            "le plan du site et les données ouvertes suivent à la prochaine reconstruction complète.")
        try:
            server.serve(on_ready=lambda: say(report.built(preview.built_in, preview.serve_url, site_dir)))
        except KeyboardInterrupt:
            say("Arrêt de l'aperçu.")
        finally:
            server.shutdown()
        return 0
    finally:
        if preview.config is not None:
            preview.config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Aperçu du centre de ressources, mis à jour page par page.")
    parser.add_argument("root", type=Path, help="dossier du projet")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)
    threading.current_thread().name = "apercu"
    signal.signal(signal.SIGTERM, _stop)  # stopped like Ctrl+C: its temporary pages removed
    return serve(args.root.resolve(), args.dev_addr)


def _stop(signum: int, frame: object) -> None:
    # Once: a second SIGTERM (the process group's and `centre-ressources serve`'s own, which
    # passes it on) would interrupt the shutdown itself and leave the server's threads running.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
