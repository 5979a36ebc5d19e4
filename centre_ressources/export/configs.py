"""A configuration for each builder of the export, from the project's mkdocs.yml: the same site
(name, address, theme, styles, scripts, Markdown extensions), the navigation and the `extra`
values of the build written out, and nothing a builder without hooks cannot read: no hooks, no
Python callables (`!!python/name:`, such as the headings' ids), no Markdown extension of the
project's own (render/contributed.py: the export leaves the contributed texts unframed, and
`check` has refused what it would remove), no offline pack (an MkDocs build's option).
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Target:
    name: str
    config_file: str
    overrides: str  # the theme's custom_dir, relative to the configuration
    theme: dict[str, str] = field(default_factory=dict)  # the builder's own theme settings


TARGETS = (Target("mkdocs", "mkdocs.yml", "overrides/mkdocs"),
           # Zensical's "classic" look is Material's: the same site, and the colours that the
           # accessibility corrections (docs/assets/stylesheets/accessibilite.css) were made for.
           Target("zensical", "zensical.yml", "overrides/zensical", {"variant": "classic"}))
# What the hooks and the offline pack need, and only the project's build has.
LEFT_OUT = ("hooks", "watch", "exclude_docs", "docs_dir", "site_dir")
PLUGINS_KEPT = ("search",)
PROJECT_EXTENSIONS = "centre_ressources."  # the project's own Markdown extensions


class _Callable:
    """A `!!python/name:` value: left out of the export."""


class _ProjectLoader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV [NAME, default]`: the variable's value, or the default, as MkDocs reads it."""
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
    else:
        values = [loader.construct_scalar(node)]  # type: ignore[arg-type]
    for name in values[:-1] if len(values) > 1 else values:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name])
    return values[-1] if len(values) > 1 else None


_ProjectLoader.add_constructor("!ENV", _env)
_ProjectLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: _Callable())


def project_config(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_ProjectLoader) or {}  # noqa: S506 (a SafeLoader)


def _plugins(plugins: list) -> list:
    kept = []
    for plugin in plugins or []:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name in PLUGINS_KEPT:
            kept.append(plugin)
    return kept


def _extensions(extensions: list) -> list:
    return [extension for extension in extensions or []
            if not (extension if isinstance(extension, str) else next(iter(extension))).startswith(PROJECT_EXTENSIONS)]


def _without_callables(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_callables(v) for k, v in value.items() if not isinstance(v, _Callable)}
    if isinstance(value, list):
        return [_without_callables(v) for v in value if not isinstance(v, _Callable)]
    return value


def target_config(config: dict[str, Any], nav: list, variables: dict[str, Any], target: Target) -> dict[str, Any]:
    document = {key: copy.deepcopy(value) for key, value in config.items() if key not in LEFT_OUT}
    document["docs_dir"] = "docs"
    document["theme"] = {**document.get("theme", {}), "custom_dir": target.overrides, **target.theme}
    document["plugins"] = _plugins(document.get("plugins", []))
    document["markdown_extensions"] = _extensions(document.get("markdown_extensions", []))
    document["extra"] = {**document.get("extra", {}), **variables}
    document["nav"] = nav
    return _without_callables(document)
