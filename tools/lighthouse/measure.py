"""Lighthouse scores of three kinds of page, measured on a fresh build of the site.

Run by scripts/lighthouse.sh: builds the site, serves it compressed as a static host would, runs
Lighthouse (mobile profile) in Debian's Chromium on the home page, a sheet and a case study, and
exits with 1 when a score misses its target. The performance score moves with the machine's
load, so each page is measured RUNS times and the median kept, as Lighthouse advises.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = PROJECT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100}
NAMES = {"performance": "Performance", "accessibility": "Accessibilité", "best-practices": "Bonnes pratiques"}
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Python's file server, plus gzip for text files when the browser accepts it."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in COMPRESSED or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def build(site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=PROJECT, env=env, check=True)


def pages(site: Path) -> dict[str, str]:
    """The home page, the first sheet and the first case study (by address)."""
    sheet = sorted(p.parent.name for p in (site / "fiches").glob("*/index.html"))[0]
    cases = sorted(p.parent.name for p in (site / "etudes-de-cas").glob("*/index.html"))
    case = next(name for name in cases if name != "comparaison")  # the comparison is not a case
    return {"Accueil": "", "Fiche": f"fiches/{sheet}/", "Étude de cas": f"etudes-de-cas/{case}/"}


def lighthouse(url: str, report: Path) -> tuple[dict[str, int], list[str]]:
    """The scores of one run, and what cost points."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    env = dict(os.environ, CHROME_PATH=chromium or "")
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
         "--only-categories=performance,accessibility,best-practices", f"--chrome-flags={CHROME_FLAGS}"],
        env=env, check=True,
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    categories, audits = result["categories"], result["audits"]
    scores = {key: round(categories[key]["score"] * 100) for key in TARGETS}
    # What costs points: failed audits (accessibility, practices) and the metrics (performance).
    notes = []
    for key in TARGETS:
        for ref in categories[key]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                detail = audit.get("displayValue", "")
                notes.append(f"    {NAMES[key]} : {audit['id']} ({audit['score']:.2f}) {audit['title']} {detail}")
    return scores, notes


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(site)
        handler = functools.partial(_StaticHost, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        misses = []
        print(f"{'Page':<40} " + " ".join(f"{NAMES[k]:>17}" for k in TARGETS))
        try:
            for label, path in pages(site).items():
                runs = [lighthouse(base + path, Path(folder) / "rapport.json") for _ in range(RUNS)]
                scores = {k: round(statistics.median(run[k] for run, _ in runs)) for k in TARGETS}
                print(f"{label + ' (/' + path + ')':<40} " + " ".join(f"{scores[k]:>17}" for k in TARGETS))
                for note in runs[-1][1]:  # details of the last run
                    print(note)
                misses += [f"{label} : {NAMES[k]} {scores[k]} < {TARGETS[k]}"
                           for k in TARGETS if scores[k] < TARGETS[k]]
        finally:
            server.shutdown()
    targets = ", ".join(f"{NAMES[k]} ≥ {v}" for k, v in TARGETS.items())
    print(f"Médiane de {RUNS} mesure(s) par page. Objectifs : {targets}")
    if misses:
        print("Objectifs manqués :\n  " + "\n  ".join(misses))
        return 1
    print("Tous les objectifs sont atteints.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
