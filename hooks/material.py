"""MkDocs adapter: correct Material's invalid markup on every page (see
`centre_ressources/material/markup_fixes.py` for what and why).

on_post_page covers the pages built from Markdown; on_post_template the theme's own pages
(404.html). Default priority: the corrections do not depend on other hooks' output.
"""

from __future__ import annotations

from centre_ressources.material.markup_fixes import fix_markup


def on_post_page(output: str, page, config) -> str:
    return fix_markup(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    return fix_markup(output_content) if template_name.endswith(".html") else output_content
