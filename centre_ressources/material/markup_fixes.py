"""Corrections to the HTML Material for MkDocs (and Zensical) writes, so that every page is valid.

The defects (found by the Nu Html Checker and Lighthouse, e.g. the search dialog without a name)
come from templates that cannot be overridden piecemeal; copying them would pin one Material
release, so the written markup is corrected by exact substitutions that change nothing once the
theme fixes them. Pure functions over HTML text, applied by `publish/finish.py`.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
# Found by the attribute, not by the spaces before it: a pattern starting with `\s+` is tried
# at every space of the page.
_EMPTY_TABINDEX = 'tabindex=""'
_TOC_TITLE = '<label class="md-nav__title" for="__toc">'
# Zensical's (0.0.x) drawer overlay: a label of the drawer toggle hidden from assistive
# technology, which a label of a control may not be; Material writes it without the attribute.
_HIDDEN_OVERLAY = '<label class="md-overlay" for="__drawer" aria-hidden="true">'
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_DIALOG_NAME = "Recherche sur le site"


def _drop_autocomplete(match: re.Match) -> str:
    return match.group(0).replace(' autocomplete="off"', "")


def _drop_empty_tabindex(html: str) -> str:
    """Remove `tabindex=""` with the white space before it (left alone where none precedes it)."""
    pieces = html.split(_EMPTY_TABINDEX)
    kept = [pieces[0]]
    for piece in pieces[1:]:
        before = kept[-1]
        if before[-1:].isspace():
            kept[-1] = before.rstrip()
        else:
            kept[-1] = before + _EMPTY_TABINDEX
        kept.append(piece)
    return "".join(kept)


def fix_markup(html: str) -> str:
    """The page with Material's invalid markup corrected; its behaviour is unchanged."""
    # 1. The drawer and search toggles are checkboxes: `autocomplete` is not allowed on them.
    html = _CHECKBOX.sub(_drop_autocomplete, html)
    # 2. Section labels of the navigation get `tabindex=""` (Material means "not focusable").
    html = _drop_empty_tabindex(html)
    # 3. The table of contents' title is a label for the `__toc` toggle, which only exists on
    #    pages listed in the navigation; elsewhere it stays a label for nothing.
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_TITLE, '<label class="md-nav__title">')
    # 4. The search panel is a dialog (role="dialog"): a dialog needs a name.
    html = html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{SEARCH_DIALOG_NAME}">')
    # 5. Zensical's drawer overlay, written as Material writes it.
    html = html.replace(_HIDDEN_OVERLAY, '<label class="md-overlay" for="__drawer">')
    return html
