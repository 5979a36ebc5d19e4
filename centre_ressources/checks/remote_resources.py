"""Contributed text may only load the site's own files, said at file and line.

An image or a medium from another host would tell that host of every reader's visit (and,
with the site's Content-Security-Policy, only show as a broken image). Links to other sites
stay allowed: following one is the reader's choice. (An <iframe>, <object> or <script> is
refused whatever it loads, by unsafe_markup.py: not named twice here.)
"""

from __future__ import annotations

import html
import re

from centre_ressources.content.contributed_markup import loads_from_elsewhere
from centre_ressources.content.markdown_code import mask_code
from centre_ressources.content.raw_html import read_tags
from centre_ressources.content.texts import FileTexts, Text, line_within
from centre_ressources.errors import ContentError

_PUT_IT_BESIDE = ("enregistrez le fichier dans le dossier de ce contenu, à côté de son fichier .md, puis "
                  "écrivez ![ce que montre l'image](nom-du-fichier.jpg).")
_PRIVATE = ("le centre de ressources ne charge que ses propres fichiers, pour que la visite de ses lecteurs reste "
            "privée ; ")
_IMAGE_MESSAGE = "cette image viendrait d'un autre site (« {url} ») : " + _PRIVATE + _PUT_IT_BESIDE
_FILE_MESSAGE = "ce fichier viendrait d'un autre site (« {url} ») : " + _PRIVATE + _PUT_IT_BESIDE
_SRCSET_MESSAGE = "une des images de ce « srcset » viendrait d'un autre site (« {url} ») ; " + _PUT_IT_BESIDE
_STYLE_MESSAGE = ("les styles qui chargent un fichier (« url({url}) ») ne sont pas autorisés dans un contenu ; "
                  "pour une image, " + _PUT_IT_BESIDE)

# Every address an image's Markdown or a tag's attribute gives, each then read as a browser
# reads it (contributed_markup.loads_from_elsewhere): whatever its writing (`\\hôte`, `/\hôte`,
# `&#47;&#47;hôte`, a tab inside), an address that is not a relative path is refused.
_IMAGE = re.compile(r"!\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?(?P<url>[^)\s>]*)")
_LOADING_ATTRIBUTES = frozenset({"src", "poster", "background", "data"})
_STYLE_URL = re.compile(r"\burl\s*\(\s*[\"']?(?P<url>[^\"')]*)", re.I)
_EMBEDDING = frozenset({"iframe", "object", "embed", "frame", "script"})  # refused whatever they load
_IMAGE_REFERENCE = re.compile(r"!\[(?P<alt>(?:[^\[\]]|\[[^\]]*\])*)\](?:\[(?P<label>[^\]]*)\])?(?!\()")
_DEFINITION = re.compile(r"^\s{0,3}\[(?P<label>[^\]]+)\]:\s*<?(?P<url>\S*?)>?(?:\s+.*)?$", re.M)


def _could_load_a_file(lowered: str) -> bool:
    """What each rule needs: an image in Markdown (« ![ ») or a tag (« < »). Most texts have neither."""
    return "![" in lowered or "<" in lowered


def remote_resources(texts: FileTexts) -> list[ContentError]:
    return texts.scan(_could_load_a_file, _scan)


def _scan(path: str, text: Text) -> list[ContentError]:
    found = []
    visible = mask_code(text.text)  # code is shown, never loaded
    for match in _IMAGE.finditer(visible):
        url = html.unescape(match["url"])
        if loads_from_elsewhere(url):
            found.append(ContentError(path, line_within(text, match.start()), 1, text.field,
                                      _IMAGE_MESSAGE.format(url=_shown(url))))
    if "<" in visible:
        for tag in read_tags(text.text):
            if tag.kind == "start" and tag.name not in _EMBEDDING:
                line = text.line + tag.line if text.in_body else text.line
                found += [ContentError(path, line, 1, text.field, message) for message in _tag_problems(tag.attributes)]
    if "]:" in visible and "![" in visible:  # ![description][label] with `[label]: https://…` further down
        remote_labels = {m["label"].strip().lower(): m["url"] for m in _DEFINITION.finditer(visible)
                         if loads_from_elsewhere(html.unescape(m["url"]))}
        for match in _IMAGE_REFERENCE.finditer(visible):
            label = (match["label"] or match["alt"]).strip().lower()
            if label in remote_labels:
                message = _IMAGE_MESSAGE.format(url=_shown(remote_labels[label]))
                found.append(ContentError(path, line_within(text, match.start()), 1, text.field, message))
    return found


def _tag_problems(attributes: tuple[tuple[str, str | None], ...]) -> list[str]:
    problems = []
    for name, value in attributes:
        value = value or ""
        if name in _LOADING_ATTRIBUTES and loads_from_elsewhere(value):
            problems.append(_FILE_MESSAGE.format(url=_shown(value)))
        elif name == "srcset":
            remote = [url for url in (candidate.split()[0] for candidate in value.split(",") if candidate.strip())
                      if loads_from_elsewhere(url)]
            if remote:
                problems.append(_SRCSET_MESSAGE.format(url=_shown(remote[0])))
        elif name == "style":
            style = _STYLE_URL.search(value)
            if style:
                problems.append(_STYLE_MESSAGE.format(url=_shown(style["url"])))
    return problems


def _shown(url: str) -> str:
    return url if len(url) <= 60 else url[:57] + "…"
