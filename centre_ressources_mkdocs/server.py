"""MkDocs' live-reload server, told which files changed, reloading the browsers only when a
page changed, and showing the content error's notice at the top of every page."""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from typing import Any

import watchdog.events
import watchdog.observers

from centre_ressources.preview.changes import saved_paths
from centre_ressources_mkdocs.internals import LiveReloadServer, timestamp
from centre_ressources_mkdocs.say import say


class PreviewServer(LiveReloadServer):
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
            names = saved_paths({os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")},
                                only)
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
                self._wanted_epoch = timestamp()  # requests wait meanwhile: no half-written page served
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
