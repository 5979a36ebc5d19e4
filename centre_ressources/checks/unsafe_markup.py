"""Raw HTML and link addresses outside the allowlist, refused at file and line.

Every tag a contributed text writes must be in `TAGS`, every attribute in `RAW_ATTRIBUTES`
(for its tag, or for any), and every link or image address (in HTML or in Markdown) relative
or with a scheme of `URL_SCHEMES` (content/contributed_markup.py, the one allowlist: the build
keeps nothing else of a contributed text, whatever this check missed). This is where the
contributor is told, in French, what to write instead.
"""

from __future__ import annotations

import html
import re

from centre_ressources.content.contributed_markup import RAW_ATTRIBUTES, TAGS, URL_SCHEMES
from centre_ressources.content.markdown_code import mask_code
from centre_ressources.content.raw_html import Tag, read_tags
from centre_ressources.content.texts import FileTexts, Text, line_within
from centre_ressources.errors import ContentError

_EMBEDDING = frozenset({"iframe", "object", "embed", "frame", "frameset"})
_SITE_ATTRIBUTES = frozenset({"id", "class", "style"})
_URL_ATTRIBUTES = frozenset({"href", "src"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_INLINE_TARGET = re.compile(r"\]\(\s*<?(?P<target>[^)>]{0,200})")
_DEFINITION = re.compile(
    r"^[ ]{0,3}\[[^\[\]\n]*\]:[ ]*<?(?P<target>[^\s>]+)>?[ ]*(?:([\"'])[^\n]*\2[ ]*|\([^\n]*\)[ ]*)?$", re.M)
_TITLE = re.compile(r"\s+[\"'(]")
_AROUND = "".join(map(chr, range(0x21)))  # what a browser strips around an address: controls, space

_EVENT_MESSAGE = "les attributs d'événement (onclick, onload…) sont interdits : ils exécuteraient du script."
_PUT_IT_BESIDE = ("pour une image, enregistrez le fichier à côté du fichier .md et écrivez "
                  "![ce que montre l'image](nom-du-fichier.jpg).")


def _could_be_unsafe(lowered: str) -> bool:
    """Raw HTML needs « < », a Markdown link « ]( » or « ]: » (substring tests on all the texts
    in lower case, before any parsing: most files have no raw HTML)."""
    return "<" in lowered or "](" in lowered or "]:" in lowered


def unsafe_markup(texts: FileTexts) -> list[ContentError]:
    return texts.scan(_could_be_unsafe, _scan)


def _scan(path: str, text: Text) -> list[ContentError]:
    found: list[ContentError] = []
    if "<" in text.text:
        for tag in read_tags(text.text):
            line = text.line + tag.line if text.in_body else text.line
            found += [ContentError(path, line, 1, text.field, message) for message in tag_problems(tag)]
    if "](" in text.text or "]:" in text.text:
        visible = mask_code(text.text)
        for pattern in (_INLINE_TARGET, _DEFINITION):
            for match in pattern.finditer(visible):
                problem = address_problem(_TITLE.split(match["target"], maxsplit=1)[0], escaped=True)
                if problem:
                    found.append(ContentError(path, line_within(text, match.start()), 1, text.field, problem))
    return list(dict.fromkeys(found))  # an address seen by two readings (`<…>` in a definition) is told once


def tag_problems(tag: Tag) -> list[str]:
    """What a tag holds that a contribution may not, each said with what to write instead."""
    if tag.kind == "declaration":
        return ["cette écriture HTML (« <!…> » ou « <?…> ») n'est pas acceptée dans un contenu ; retirez-la."]
    if tag.kind == "comment":
        return ["les commentaires HTML (« <!-- … --> ») ne sont pas acceptés dans un contenu : ils cachent du texte "
                "à la relecture ; retirez-le (une remarque pour les relecteurs se met dans la demande de fusion)."]
    if tag.kind == "autolink":
        problem = address_problem(tag.name, escaped=True)
        return [problem] if problem else []
    if tag.kind != "start":
        return []
    if tag.name not in TAGS:
        return [_tag_message(tag.name)]
    problems: list[str] = []
    allowed = RAW_ATTRIBUTES["*"] | RAW_ATTRIBUTES.get(tag.name, frozenset())
    for name, value in tag.attributes:
        if name.startswith("on"):
            message = _EVENT_MESSAGE
        elif name not in allowed:
            message = _attribute_message(tag.name, name, allowed)
        elif name in _URL_ATTRIBUTES:
            message = address_problem(value or "", escaped=False) or ""
        else:
            continue
        if message and message not in problems:
            problems.append(message)
    return problems


def _tag_message(name: str) -> str:
    if name == "script":
        return "la balise <script> est interdite : le centre de ressources ne publie pas de script venant des contenus."
    if name in _EMBEDDING:
        return "l'intégration d'une autre page (<iframe>, <object>, <embed>) est interdite ; mettez plutôt un lien."
    return (f"la balise <{name}> n'est pas acceptée dans un contenu : écrivez en Markdown, ou avec les balises "
            "du texte courant (la liste est dans CONTRIBUTING.md, « Ce qui est refusé, et pourquoi »).")


def _attribute_message(tag: str, name: str, allowed: frozenset[str]) -> str:
    if name in _SITE_ATTRIBUTES or name.startswith("data-"):
        advice = ("pour un lien vers un titre, visez l'ancre tirée de son texte (« #mon-titre »)." if name == "id"
                  else "la mise en forme vient du Markdown (**gras**, *italique*, listes, titres).")
        return (f"l'attribut « {name} » n'est pas accepté : le site réserve les attributs id, class, style et "
                f"data- à ses propres scripts et styles ; retirez-le ({advice})")
    permitted = ", ".join(sorted(allowed - {"markdown"}))
    return f"l'attribut « {name} » n'est pas accepté sur <{tag}> ; les attributs permis y sont : {permitted}."


def address_problem(address: str, escaped: bool) -> str | None:
    """Why a link or image address is refused, or None: relative, or a scheme of URL_SCHEMES,
    and without a backslash (which a browser reads as a slash: `/\\autre.example/x`).

    Read as a browser would: tabs and line ends dropped, spaces and controls around removed,
    and (`escaped`: as Markdown leaves them) character references decoded."""
    cleaned = html.unescape(address) if escaped and "&" in address else address
    if "\\" in cleaned:
        return (f"l'adresse « {_shown(cleaned)} » contient une barre oblique inverse (« \\ ») : un navigateur la lit "
                "comme « / », et l'adresse pourrait mener à un autre site ; écrivez « / ».")
    cleaned = re.sub(r"\s", "", cleaned).strip(_AROUND)
    match = _SCHEME.match(cleaned)
    if not match or match.group(1).lower() in URL_SCHEMES:
        return None
    scheme = match.group(1).lower()
    if scheme in ("javascript", "vbscript"):
        return f"les liens « {scheme}: » sont interdits ; utilisez une adresse https://."
    if scheme == "data":
        return f"les adresses « data: » ne sont pas acceptées ; {_PUT_IT_BESIDE}"
    return (f"les liens « {scheme}: » ne sont pas acceptés ; écrivez une adresse https:// (ou mailto:, tel:), ou "
            "un lien relatif vers un fichier du site.")


def _shown(address: str) -> str:
    return address if len(address) <= 60 else address[:57] + "…"
