"""Characters that a page, a feed or an export cannot carry, refused at their line.

Lone surrogates cannot be encoded, control characters break the feed and the export, a
noncharacter is never to be exchanged, and private-use characters are the build's own markers
(a contributed one could forge a glossary link). Every value and every body is read."""

from __future__ import annotations

import re

from centre_ressources.content.texts import FileTexts, line_within
from centre_ressources.errors import ContentError

# Refused: C0 controls but tab and line end, DEL and C1, surrogates, private use (Unicode
# category Co: U+E000–U+F8FF and planes 15 and 16), noncharacters (U+FDD0–U+FDEF and the
# last two code points of every plane).
_PLANE_ENDS = "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(1, 17))
UNWRITABLE = re.compile(
    "[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ue000-\\uf8ff\\ufdd0-\\ufdef\\ufffe\\uffff"
    f"{_PLANE_ENDS}\\U000F0000-\\U000FFFFD\\U00100000-\\U0010FFFD]")

# A quick sieve on the UTF-8 bytes (a character class this wide makes a search slow): printable
# ASCII, tab, line end and the lead bytes of U+00C0–U+CFFF are dropped, the other bytes that
# follow a lead byte kept as 80 (for 80–9F), A0 (A0–BD) or themselves (BE, BF). What is left
# of a refused character: a control byte, C2 80 (C1), a lead byte ED–EF (surrogates, private
# use, U+FDD0–U+FDEF, U+FFFE–U+FFFF), F3 or F4 (planes 15 and 16), BF BE or BF BF (the end of
# a plane). Anything else left is harmless (accents, « », NBSP, emoji…).
_HARMLESS_BYTES = bytes([0x09, 0x0A, *range(0x20, 0x7F), *range(0xC3, 0xED)])
_FOLDED = bytes.maketrans(bytes(range(0x80, 0xBE)), bytes([0x80] * 0x20 + [0xA0] * 0x1E))
_LEFT_OF_REFUSED = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f\xed-\xef\xf3\xf4]|\xc2\x80|\xbf[\xbe\xbf]")

_CONTROL_NAMES = {0x0B: "une tabulation verticale", 0x0C: "un saut de page", 0x0D: "un retour chariot",
                  0x1B: "un caractère d'échappement", 0x85: "un « à la ligne » (NEL)"}


def _could_hold_one(lowered: str) -> bool:
    left = lowered.encode("utf-8", "surrogatepass").translate(_FOLDED, _HARMLESS_BYTES)
    return _LEFT_OF_REFUSED.search(left) is not None


def unwritable_characters(texts: FileTexts) -> list[ContentError]:
    if not texts.may_match(_could_hold_one):
        return []
    errors: list[ContentError] = []
    for text in texts.each():
        seen: set[tuple[int, str]] = set()
        for match in UNWRITABLE.finditer(text.text):
            line = line_within(text, match.start())
            if (line, match.group(0)) not in seen:
                seen.add((line, match.group(0)))
                errors.append(ContentError(texts.origin.path, line, 1, text.field, problem(match.group(0))))
    return errors


def problem(character: str) -> str:
    """What is wrong with one refused character, and how to fix it."""
    code = ord(character)
    name = f"U+{code:04X}"
    if 0xD800 <= code <= 0xDFFF:
        return (f"le caractère {name} n'existe pas seul : c'est une moitié de paire UTF-16, souvent écrite "
                f"« \\u{code:04x} » entre guillemets ; écrivez le caractère voulu lui-même (un emoji, une lettre), "
                "ou retirez cet échappement.")
    if code < 0xA0:
        what = _CONTROL_NAMES.get(code, "un caractère de commande invisible")
        return (f"{what} ({name}) se trouve dans ce texte, souvent collé depuis un autre logiciel ou écrit en "
                "échappement entre guillemets : il ne peut pas être publié ; effacez-le, ou retapez le texte "
                "autour.")
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return (f"le caractère {name} est un « non-caractère » Unicode, qu'aucun texte publié ne doit contenir : "
                "effacez-le.")
    return (f"le caractère {name} est à usage privé : il ne s'affiche pas de la même façon d'un appareil à "
            "l'autre, et le site se sert de ces caractères pour ses propres marques ; remplacez-le par un "
            "caractère ordinaire, ou effacez-le.")

