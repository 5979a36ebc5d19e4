"""`python -P -m centre_ressources_mkdocs ROOT [--dev-addr HOST:PORT]`, started by
`centre-ressources serve`: the preview served until Ctrl+C or SIGTERM, its pages then removed
(-P keeps the project's folder off sys.path, where a folder could stand for a package)."""

from __future__ import annotations

import argparse
import logging
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path

from centre_ressources.preview import report
from centre_ressources.preview.changes import WATCHED_DIRS, WATCHED_FILES
from centre_ressources_mkdocs.preview import Preview
from centre_ressources_mkdocs.say import say
from centre_ressources_mkdocs.server import PreviewServer


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
        server = PreviewServer(preview.changed, preview.banner, host, port, site_dir)

        def error_page(code: int) -> bytes | None:
            page = Path(site_dir) / f"{code}.html"
            return page.read_bytes() if code in (404, 500) and page.is_file() else None

        server.error_handler = error_page
        for name in WATCHED_DIRS:
            if (root / name).is_dir():
                server.watch(str(root / name))
        server.watch(str(root), recursive=False, only=WATCHED_FILES)
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
