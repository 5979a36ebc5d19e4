"""Every built page is valid HTML for the Nu Html Checker (the W3C validator, npm vnu-jar)."""

from __future__ import annotations

import json
import shutil
import subprocess

from support.site_pages import html_files, npm_tool


def test_every_page_is_valid_html(real_site):
    java = shutil.which("java")
    assert java, "Java est introuvable : lancez « bash scripts/node-deps.sh »."
    pages = html_files(real_site)
    assert len(pages) > 20
    # One Java process for all the pages: the checker starts in about a second.
    result = subprocess.run(
        [java, "-jar", str(npm_tool("vnu-jar/build/dist/vnu.jar")), "--errors-only", "--format", "json",
         *map(str, pages)],
        capture_output=True, text=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m['url'].split(str(real_site))[-1]}:{m.get('lastLine', '?')} : {m['message']}"
        for m in messages if m["type"] in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stderr
