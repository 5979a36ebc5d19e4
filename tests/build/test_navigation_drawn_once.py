"""The side navigation kept for the pages outside it (centre_ressources/material/
navigation_cache.py) gives every page the same bytes as a build that draws it on each page."""

from __future__ import annotations

import hashlib
from pathlib import Path

from support.project import copy_project, run_mkdocs

# A hook of the test only: the build without the cache, as Zensical's export renders the
# template (docs/overrides/main.html draws the navigation on each page when it is missing).
WITHOUT_CACHE_HOOK = '''
from mkdocs.plugins import event_priority

@event_priority(-100)
def on_env(env, config, files):
    env.globals.pop("navigation_cache", None)
    return env
'''


def _files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_pages_are_the_same_with_the_navigation_drawn_once_or_on_each_page(real_site, tmp_path):
    project = copy_project(tmp_path / "projet")
    (project / "hooks" / "sans_cache_navigation.py").write_text(WITHOUT_CACHE_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nhooks:\n" in text
    config.write_text(text.replace("\nhooks:\n", "\nhooks:\n  - hooks/sans_cache_navigation.py\n", 1),
                      encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    cached, drawn = _files(real_site), _files(tmp_path / "site")
    assert sorted(cached) == sorted(drawn)
    sheets = [name for name in cached if name.startswith("fiches/") and name.endswith("/index.html")]
    assert len(sheets) > 2  # pages outside the navigation, where the cache serves
    assert [name for name in cached if cached[name] != drawn[name]] == []
