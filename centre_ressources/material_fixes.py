"""Corrections to the HTML Material for MkDocs writes, so that every page is valid HTML.

The Nu Html Checker reports three errors in Material's own markup (9.x), and Lighthouse
(axe-core's best-practice rules) a fourth defect: the search panel is a dialog without a
name, which a screen reader announces as "dialog" and nothing more. They come from
templates that cannot be overridden piecemeal: the page skeleton (`base.html`, which also
names the hashed asset files of each Material release) and the navigation macro. Copying
those templates would pin the site to one Material release, so the markup is corrected once
written, by exact substitutions that change nothing when Material fixes them itself.

Pure functions over HTML text; `hooks/material_fixes.py` applies them to every page.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')
_TOC_TITLE = '<label class="md-nav__title" for="__toc">'
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_DIALOG_NAME = "Recherche sur le site"


def _drop_autocomplete(match: re.Match) -> str:
    return match.group(0).replace(' autocomplete="off"', "")


def fix_markup(html: str) -> str:
    """The page with Material's invalid markup corrected; its behaviour is unchanged."""
    # 1. The drawer and search toggles are checkboxes: `autocomplete` is not allowed on them.
    html = _CHECKBOX.sub(_drop_autocomplete, html)
    # 2. Section labels of the navigation get `tabindex=""` (Material means "not focusable").
    html = _EMPTY_TABINDEX.sub("", html)
    # 3. The table of contents' title is a label for the `__toc` toggle, which only exists on
    #    pages listed in the navigation; elsewhere it stays a label for nothing.
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_TITLE, '<label class="md-nav__title">')
    # 4. The search panel is a dialog (role="dialog"): a dialog needs a name.
    html = html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{SEARCH_DIALOG_NAME}">')
    return html
