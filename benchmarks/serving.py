"""`centre-ressources serve` started on a project, for the preview benchmark and its tests: the
served pages read over HTTP, as a browser would, and the terminal's output."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

READY = re.compile(r"Aperçu prêt en .* : (?P<url>http://\S+) \(pages écrites dans (?P<site>.+)\)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Serving:
    """The preview of `root`, from start to stop (a context manager)."""

    def __init__(self, root: Path, ready_timeout: float = 600) -> None:
        self.root, self.ready_timeout = root, ready_timeout
        self.port = free_port()
        self._log = tempfile.NamedTemporaryFile("w+", encoding="utf-8", prefix="apercu-", suffix=".log")
        self.process: subprocess.Popen | None = None
        self.url = ""
        self.site_dir = Path()

    def __enter__(self) -> Serving:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
        # Its own process group: the CLI and the preview it starts are stopped together.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "centre_ressources.cli", "--racine", str(self.root), "serve",
             "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=self.root, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + self.ready_timeout
        while time.monotonic() < deadline:
            found = READY.search(self.output())
            if found:
                self.url, self.site_dir = found["url"], Path(found["site"])
                return self
            if self.process.poll() is not None:
                raise RuntimeError(f"`serve` s'est arrêté :\n{self.output()[-4000:]}")
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"`serve` n'était pas prêt après {self.ready_timeout} s :\n{self.output()[-4000:]}")

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._log.close()

    def output(self) -> str:
        self._log.flush()
        with open(self._log.name, encoding="utf-8", errors="replace") as log:
            return log.read()

    def get(self, path: str) -> str:
        """The page at `path` (« etudes-de-cas/x/ ») as served."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.read().decode("utf-8", errors="replace")

    def wait_for(self, path: str, text: str, timeout: float = 60, poll: float = 0.02) -> float:
        """Seconds until the page at `path` contains `text` (TimeoutError after `timeout`)."""
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            if text in self.get(path):
                return time.perf_counter() - started
            time.sleep(poll)
        raise TimeoutError(f"« {text} » absent de {path} après {timeout} s :\n{self.output()[-3000:]}")

    def wait_for_output(self, text: str, timeout: float = 60) -> None:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if text in self.output():
                return
            time.sleep(0.05)
        raise TimeoutError(f"« {text} » absent du terminal après {timeout} s :\n{self.output()[-3000:]}")
