"""Where a build spends its processor time, stage by stage: `python -m benchmarks.stages DIR`.

Run in the project to build (its mkdocs.yml), in a child process of the benchmark: it wraps
a few MkDocs and Python-Markdown functions with timers, builds into DIR and prints the
seconds of each stage as JSON. The timers cost a little: the headline figures of the
benchmark come from builds without them; this breakdown says where the difference lies.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections import Counter

STAGES = ("contenus", "markdown", "recherche", "gabarits", "crochets", "reste")


def _is_ours(method) -> bool:
    """The project's hooks (MkDocs names their modules after their files: hooks/x.py)."""
    return str(getattr(method, "__module__", "")).startswith("hooks")


def measure(site_dir: str) -> dict[str, float]:
    import markdown
    from mkdocs import plugins
    from mkdocs.__main__ import cli
    from mkdocs.commands import build

    spent: Counter[str] = Counter()
    in_page_build = [0.0]  # event time spent inside the theme's page rendering

    def run_event(self, name, item=None, **kwargs):
        pass_item = item is not None
        for method in self.events[name]:
            self._current_plugin = self._event_origins.get(method, "<unknown>")
            started = time.process_time()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            elapsed = time.process_time() - started
            if name in ("page_context", "post_page"):
                in_page_build[0] += elapsed
            if name in ("config", "files") and _is_ours(method):
                spent["contenus"] += elapsed
            elif _is_ours(method):
                spent["crochets"] += elapsed
            elif "search" in str(getattr(method, "__module__", "")):
                spent["recherche"] += elapsed
            else:
                spent["reste_evenements"] += elapsed
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    def timed(function, stage):
        def wrapper(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] += time.process_time() - started
        return wrapper

    plugins.PluginCollection.run_event = run_event
    markdown.Markdown.convert = timed(markdown.Markdown.convert, "markdown")
    markdown.Markdown.__init__ = timed(markdown.Markdown.__init__, "markdown")
    build._build_page = timed(build._build_page, "page")

    started = time.process_time()
    cli(["build", "--strict", "--quiet", "--site-dir", site_dir], standalone_mode=False)
    # The child processes of a build: Pagefind, run over the written site (its index).
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent["recherche"] += children.ru_utime + children.ru_stime
    total = time.process_time() - started + children.ru_utime + children.ru_stime
    stages = {
        "contenus": spent["contenus"],
        "markdown": spent["markdown"],
        "recherche": spent["recherche"],
        # The theme's page rendering, without the events run from inside it.
        "gabarits": spent["page"] - in_page_build[0],
        "crochets": spent["crochets"],
    }
    stages["reste"] = total - sum(stages.values())
    stages["total"] = total
    return stages


def main() -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    print(json.dumps(measure(sys.argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
