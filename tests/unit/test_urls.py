"""The site's relative links (urls.py) are those posixpath.relpath gives, without its calls to
os.getcwd(): from a page to a page, a folder or a file, at any depth."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from centre_ressources import urls

_PARTS = st.lists(st.sampled_from(["fiches", "etudes-de-cas", "demarche", "x", "api", "."]), max_size=4)


@given(_PARTS, _PARTS)
def test_relative_paths_are_posixpath_relpath(path, start):
    path_text, start_text = "/".join(path), "/".join(start)
    assert urls._relpath(path_text, start_text) == posixpath.relpath("/" + path_text, "/" + start_text)


_SOURCES = st.lists(st.sampled_from(["fiches", "etudes-de-cas", "x", "y"]), max_size=3).flatmap(
    lambda folders: st.sampled_from(["index.md", "page.md", "fiches.json"]).map(
        lambda name: "/".join([*folders, name])))


def _served(src: str) -> str:
    return "/" + (urls.public_url(src) if src.endswith(".md") else src)


@given(_SOURCES, _SOURCES)
def test_a_link_in_html_leads_from_the_served_page_to_the_served_target(from_src, to_src):
    if not from_src.endswith(".md"):
        from_src = from_src.removesuffix("fiches.json") + "index.md"
    link = urls.public_href(from_src, to_src)
    base = _served(from_src)
    resolved = posixpath.normpath(posixpath.join(base, link))
    assert resolved == posixpath.normpath(_served(to_src))
    assert link.endswith("/") == _served(to_src).endswith("/")
