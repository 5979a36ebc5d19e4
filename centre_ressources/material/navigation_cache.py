"""Material's side navigation drawn once for all the pages that are not in it.

Material renders the whole navigation (a score of entries here) again for every page, about a
millisecond each: most of what the theme's templates cost beyond the benchmark's floor, whose
navigation has two entries (benchmarks/LISEZMOI.md). A sheet or a case study is not in the
navigation, so nothing in it is active or current there: what the navigation shows depends
only on the entries' titles, on their links as written from the page (relative links, the same
for every page of a folder, and for pages of different folders at the same depth when the
targets are elsewhere) and on whether the page hides it. Those are the key; a page in the
navigation is drawn by Material as before. docs/overrides/main.html asks for the key and
keeps what it drew under it.

Duck-typed on MkDocs' navigation (items with `title`, and `url` or `children`): the link
function comes from the hook (hooks/content.py), the same as Material's `url` filter.
"""

from __future__ import annotations

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

    def key(self, nav: Any, page: Any, hidden: object, home: object) -> Key | None:
        """What the navigation drawn for `page` depends on, or None if the page is in it."""
        if page is None:
            return None
        if nav is not self._nav:
            self._learn(nav)
        if id(page) in self._pages:
            return None
        # Read on each page: a preview may retitle an entry of the same navigation.
        entries = tuple((str(entry.title), None if section else self._relative_link(str(entry.url), page))
                        for entry, section in self._entries)
        return (str(hidden or ""), self._relative_link(str(home), page), entries)

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
        self._drawn.clear()  # another build's navigation
