"""Contributed text may only load the site's own files, said at file and line.

An image or a medium from another host would tell that host of every reader's visit (and,
with the site's Content-Security-Policy, only show as a broken image). Links to other sites
stay allowed: following one is the reader's choice. (An <iframe>, <object> or <script> is
refused whatever it loads, by unsafe_markup.py: not named twice here.)
"""

from __future__ import annotations

import re

from centre_ressources.content.markdown_code import mask_code
from centre_ressources.content.texts import FileTexts, Text, line_within
from centre_ressources.errors import ContentError

_REMOTE = r"(?:[a-z][a-z0-9+.-]*:)?//"  # https://host, http://host, //host
_PUT_IT_BESIDE = ("enregistrez le fichier dans le dossier de ce contenu, à côté de son fichier .md, puis "
                  "écrivez ![ce que montre l'image](nom-du-fichier.jpg).")
_RULES = [
    (re.compile(rf"!\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?(?P<url>{_REMOTE}[^)\s>]*)", re.I),
     "cette image viendrait d'un autre site (« {url} ») : le centre de ressources ne charge que ses propres "
     "fichiers, pour que la visite de ses lecteurs reste privée ; " + _PUT_IT_BESIDE),
    (re.compile(rf"<\s*(?!(?:iframe|object|embed|frame|script)\b)[a-z][\w-]*\b[^>]*?"
                rf"\b(?:src|poster|background|data)\s*=\s*[\"']?\s*(?P<url>{_REMOTE}[^\"'\s>]*)", re.I),
     "ce fichier viendrait d'un autre site (« {url} ») : le centre de ressources ne charge que ses propres "
     "fichiers, pour que la visite de ses lecteurs reste privée ; " + _PUT_IT_BESIDE),
    (re.compile(rf"\bsrcset\s*=\s*(?:\"[^\"]*?|'[^']*?|)(?P<url>{_REMOTE}[^\"'\s,>]*)", re.I),
     "une des images de ce « srcset » viendrait d'un autre site (« {url} ») ; " + _PUT_IT_BESIDE),
    (re.compile(r"\bstyle\s*=\s*(?:\"[^\"]*?|'[^']*?)\burl\s*\(\s*[\"']?(?P<url>[^\"')]*)", re.I),
     "les styles qui chargent un fichier (« url({url}) ») ne sont pas autorisés dans un contenu ; pour une image, "
     + _PUT_IT_BESIDE),
]
_IMAGE_REFERENCE = re.compile(r"!\[(?P<alt>(?:[^\[\]]|\[[^\]]*\])*)\](?:\[(?P<label>[^\]]*)\])?(?!\()")
_DEFINITION = re.compile(rf"^\s{{0,3}}\[(?P<label>[^\]]+)\]:\s*<?(?P<url>{_REMOTE}\S*?)>?(?:\s+.*)?$", re.I | re.M)


def _could_load_remotely(lowered: str) -> bool:
    """What each rule needs: « // » (another host) or « url( » (a style). Most texts have neither."""
    return "//" in lowered or "url" in lowered


def remote_resources(texts: FileTexts) -> list[ContentError]:
    return texts.scan(_could_load_remotely, _scan)


def _scan(path: str, text: Text) -> list[ContentError]:
    found = []
    visible = mask_code(text.text)  # code is shown, never loaded
    for pattern, message in _RULES:
        for match in pattern.finditer(visible):
            url = _shown(match["url"])
            found.append(ContentError(path, line_within(text, match.start()), 1, text.field, message.format(url=url)))
    remote_labels = {m["label"].strip().lower(): m["url"] for m in _DEFINITION.finditer(visible)}
    if remote_labels:  # ![description][label] with `[label]: https://…` further down
        for match in _IMAGE_REFERENCE.finditer(visible):
            label = (match["label"] or match["alt"]).strip().lower()
            if label in remote_labels:
                message = _RULES[0][1].format(url=_shown(remote_labels[label]))
                found.append(ContentError(path, line_within(text, match.start()), 1, text.field, message))
    return found


def _shown(url: str) -> str:
    return url if len(url) <= 60 else url[:57] + "…"
