"""Every MkDocs internal the preview leans on, imported here and nowhere else, and `INTERNALS`,
the list that tests/unit/centre_ressources_mkdocs/test_mkdocs_internals.py checks against the
installed MkDocs: an upgrade that removes one, or changes its parameters, fails there by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.commands.build import _populate_page, build, get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _serve_url, _timestamp
from mkdocs.plugins import PluginCollection
from mkdocs.structure.files import set_exclusions

__all__ = ["LiveReloadServer", "build", "get_context", "set_exclusions"]
populate_page, serve_url, timestamp = _populate_page, _serve_url, _timestamp  # the names the adapter uses


@dataclass(frozen=True)
class Internal:
    owner: type | str  # the class, or the module's name
    name: str
    parameters: tuple[str, ...] | None = None  # a callable's first parameters, as the adapter passes them
    on_instance: bool = False  # an attribute that __init__ sets: looked for on an instance
    why: str = ""

    @property
    def where(self) -> str:
        owner = self.owner if isinstance(self.owner, str) else f"{self.owner.__module__}.{self.owner.__qualname__}"
        return f"{owner}.{self.name}"


_BUILD, _LIVERELOAD = "mkdocs.commands.build", "mkdocs.livereload"
_SERVER_STATE = ("_rebuild_cond", "_epoch_cond", "_want_rebuild", "_wanted_epoch", "_visible_epoch", "_shutdown",
                 "_watched_paths", "_watch_refs", "serve_thread", "observer", "build_delay", "shutdown_delay",
                 "error_handler")

INTERNALS: tuple[Internal, ...] = (
    Internal(_BUILD, "build", ("config", "serve_url"), why="the whole build, with the live-reload address"),
    Internal(_BUILD, "_populate_page", ("page", "config", "files"), why="one page read and converted"),
    Internal(_BUILD, "get_context", ("nav", "files", "config", "page"), why="one page's template context"),
    Internal(_LIVERELOAD, "_serve_url", ("host", "port", "path"), why="the address `mkdocs serve` gives the site"),
    Internal(_LIVERELOAD, "_timestamp", (), why="the epoch the browsers' reload compares"),
    Internal(LiveReloadServer, "__init__", ("self", "builder", "host", "port", "root")),
    Internal(LiveReloadServer, "_build_loop", ("self",), why="overridden: told which files changed"),
    Internal(LiveReloadServer, "_inject_js_into_html", ("self", "content", "epoch"),
             why="overridden: the content error's notice on every page"),
    Internal(LiveReloadServer, "watch", ("self", "path", "func", "recursive"), why="overridden: inotify"),
    *(Internal(LiveReloadServer, name, on_instance=True, why="the build loop's state") for name in _SERVER_STATE),
    Internal(MkDocsConfig, "_current_page", why="the page being built, as MkDocs' own build sets it"),
    Internal(MkDocsConfig, "hooks", why="the hook modules by their path in mkdocs.yml (a mapping once loaded)"),
    Internal(PluginCollection, "events", on_instance=True, why="the page_context handlers, read to skip search's"),
    Internal("mkdocs.structure.files", "set_exclusions", ("files", "config"), why="a file that came with an edit"),
)
