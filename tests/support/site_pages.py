"""The pages of a built site and the npm tools that check them (installed by scripts/node-deps.sh).

Checks run over every HTML file found in the build, never a fixed list, so that pages added
later are covered too.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from support.project import PROJECT

NODE_MODULES = PROJECT / "node_modules"


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_urls(site: Path) -> list[str]:
    """Every HTML page as the path a visitor requests: `fiches/index.html` -> `fiches/`."""
    urls = []
    for path in html_files(site):
        relative = path.relative_to(site).as_posix()
        urls.append(relative.removesuffix("index.html") if path.name == "index.html" else relative)
    return urls


def npm_tool(relative: str) -> Path:
    """A file from an npm package of package.json; a missing one fails the test, never skips it."""
    path = NODE_MODULES / relative
    if not path.is_file():
        raise RuntimeError(f"{path} est introuvable : lancez « bash scripts/node-deps.sh » (npm ci).")
    return path


def configured_site_url() -> str:
    """`site_url` from mkdocs.yml: links to it are links inside the site."""
    import re

    found = re.search(r"^site_url:\s*(\S+)", (PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return found.group(1).strip("'\"") if found else ""


def vnu_errors(site) -> list[str]:
    """The Nu Html Checker's errors over every page of a built site, each as `page:line : message`."""
    java = shutil.which("java")
    assert java, "Java est introuvable : lancez « bash scripts/node-deps.sh »."
    pages = html_files(site)
    assert len(pages) > 20
    # One Java process for all the pages: the checker starts in about a second.
    result = subprocess.run(
        [java, "-jar", str(npm_tool("vnu-jar/build/dist/vnu.jar")), "--errors-only", "--format", "json",
         *map(str, pages)],
        capture_output=True, text=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m['url'].split(str(site))[-1]}:{m.get('lastLine', '?')} : {m['message']}"
        for m in messages if m["type"] in ("error", "non-document-error")
    ]
    assert errors or result.returncode == 0, result.stderr
    return errors
