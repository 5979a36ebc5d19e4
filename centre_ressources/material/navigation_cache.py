"""Material's side navigation drawn once for all the pages that are not in it.

Material draws the whole navigation again for every page, most of what the theme costs beyond
the benchmark's floor. On a sheet or a case study nothing in it is active, so what it shows
depends only on the entries' titles, their links as written from the page, and whether the page
hides it: that is the key docs/overrides/main.html asks for. Pages in the navigation are drawn
by Material. Duck-typed on MkDocs' navigation; the link function comes from the hook.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable
from typing import Any

Key = tuple[Hashable, ...]


class NavigationCache:
    def __init__(self, relative_link: Callable[[str, Any], str]) -> None:
        self._relative_link = relative_link  # (target, page) -> the link as the page writes it
        self._drawn: dict[Key, str] = {}
        self._nav: Any = None
        self._entries: list[tuple[Any, bool]] = []  # (entry, is a section)
        self._pages: set[int] = set()
        # Every leading run of folders of an entry's target, and the links by group of pages.
        self._target_prefixes: set[tuple[str, ...]] = set()
        self._links: dict[Key, tuple[str | None, ...]] = {}

    def key(self, nav: Any, page: Any, hidden: object, home: object) -> Key | None:
        """What the navigation drawn for `page` depends on, or None if the page is in it."""
        if page is None:
            return None
        if nav is not self._nav:
            self._learn(nav)
        if id(page) in self._pages:
            return None
        links = self._links_from(page, str(home))
        # Titles read on each page: a preview may retitle an entry of the same navigation.
        entries = tuple((str(entry.title), link) for (entry, _), link in zip(self._entries, links[1:], strict=True))
        return (str(hidden or ""), links[0], entries)

    def _links_from(self, page: Any, home: str) -> tuple[str | None, ...]:
        """The home link, then each entry's link (None for a section), as `page` writes them.

        Computed once per group of pages that write them alike (a relative link is dozens of
        such computations per page, most of the key's cost): a link from a page depends on the
        folder it is written from only through that folder's depth and the part of the target's
        path they share, which is the same for every folder of one parent unless the target
        lies inside that folder itself."""
        folder = _folder_parts(str(page.url))
        if folder in self._target_prefixes or _path_parts(home)[:len(folder)] == folder:
            group: Key = ("own", folder, home)
        else:
            group = ("parent", folder[:-1], len(folder), home)
        links = self._links.get(group)
        if links is None:
            links = (self._relative_link(home, page),
                     *(None if section else self._relative_link(str(entry.url), page)
                       for entry, section in self._entries))
            self._links[group] = links
        return links

    def get(self, key: Key) -> str | None:
        return self._drawn.get(key)

    def put(self, key: Key, drawn: str) -> str:
        self._drawn[key] = drawn
        return drawn

    def _learn(self, nav: Any) -> None:
        entries: list[tuple[Any, bool]] = []
        pages: set[int] = set()

        def walk(items) -> None:
            for item in items:
                children = getattr(item, "children", None)
                entries.append((item, children is not None))
                if children is not None:
                    walk(children)
                elif getattr(item, "is_page", False):
                    pages.add(id(item))

        walk(nav.items)
        self._nav, self._entries, self._pages = nav, entries, pages
        targets = [str(entry.url) for entry, section in entries if not section]
        self._target_prefixes = {parts[:length] for parts in map(_path_parts, targets)
                                 for length in range(len(parts) + 1)}
        self._drawn.clear()  # another build's navigation
        self._links.clear()


def _path_parts(path: str) -> tuple[str, ...]:
    """A URL path's folders, normalised as MkDocs does before it writes a relative link
    (`mkdocs.utils._norm_parts`)."""
    if not path.startswith("/"):
        path = "/" + path
    path = posixpath.normpath(path)[1:]
    return tuple(path.split("/")) if path else ()


def _folder_parts(url: str) -> tuple[str, ...]:
    """The folders a page's relative links start from: its URL, less a file name (a dot in
    its last part), as `mkdocs.utils.get_relative_url` reads it."""
    folder, _, name = url.rpartition("/")
    return _path_parts(folder if "." in name else url)
