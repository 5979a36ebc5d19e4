"""The hand-written pages of docs/ that ask for it (`render_macros: true`) are Jinja templates,
their variables filled in by the build and by the export.

Rendered in Jinja's immutable sandbox with plain values only, so a page's Jinja reaches no
Python object. Contributed text is never rendered as Jinja: only docs/ (maintainers' files)
can carry the switch.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

SWITCH = "render_macros"
_PLAIN = (str, int, float, bool, type(None))


class PageTemplateError(Exception):
    """A hand-written page's Jinja could not be rendered (message in French)."""


def asks_for_variables(meta: Mapping[str, Any]) -> bool:
    return meta.get(SWITCH) is True


def _plain(value: Any) -> Any:
    """`value` as texts, numbers and groups of them; anything else is left out."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items() if _is_data(item)}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value if _is_data(item)]
    raise TypeError(f"not plain data: {type(value).__name__}")


def _is_data(value: Any) -> bool:
    if isinstance(value, _PLAIN):
        return True
    if isinstance(value, Mapping):
        return all(_is_data(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return all(_is_data(item) for item in value)
    return False


def page_url(src_uri: str) -> str:
    """The page's address with directory URLs (`contribuer.md` -> `contribuer/`)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def page_context(variables: Mapping[str, Any], site: Mapping[str, Any], url: str) -> dict[str, Any]:
    """What a page's Jinja reads: each variable, `config` (the site's address, repository and
    `extra` values, the variables among them) and `page` (its address)."""
    extra = {**_plain({key: value for key, value in (site.get("extra") or {}).items() if _is_data(value)}),
             **_plain(dict(variables))}
    config = {"site_name": site.get("site_name"), "site_url": site.get("site_url"),
              "repo_url": site.get("repo_url"), "extra": extra}
    return {**extra, "config": _plain(config), "page": {"url": url}}


def render_page(markdown: str, context: Mapping[str, Any], display_path: str) -> str:
    """The body of a hand-written page with its variables filled in."""
    environment = ImmutableSandboxedEnvironment(keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
                                                autoescape=False)
    try:
        return environment.from_string(markdown).render(context)
    except jinja2.TemplateError as error:
        raise PageTemplateError(f"{display_path} : la page n'a pas pu être préparée ({error}).") from None
