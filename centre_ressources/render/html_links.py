"""Links to a sheet, a case study, a phase or a path, for the parts of a page written as HTML
(fragments.py): the address is the page's served one, as MkDocs writes it from a Markdown link;
the title is plain text, escaped; `paper=True` adds the address printed after
the link (impression.css), when the site's public address is known.

Python functions rather than Jinja macros: a macro call is costly at this rate, as a
case study's chronology names a sheet at nearly every entry (benchmarks/LISEZMOI.md).
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from markupsafe import escape

from centre_ressources import urls
from centre_ressources.render.plain_text import html_text


def _link_to(page_of: Callable[[str], str], numbered: bool = False) -> Callable[..., str]:
    @jinja2.pass_context
    def link(context: jinja2.runtime.Context, item, paper: bool = False) -> str:
        page_uri, target = context["page_uri"], page_of(item.slug)
        title = html_text(item.titre)
        if numbered:
            title = f"{item.numero}. {title}"
        site_url = context.get("site_url")
        on_paper = ""
        if paper and site_url:
            on_paper = f' data-adresse="{escape(urls.absolute(site_url, target).split("://", 1)[-1])}"'
        return f'<a{on_paper} href="{urls.public_href(page_uri, target)}">{title}</a>'

    return link


LINKS = {
    "sheet_a": _link_to(urls.sheet_page),
    "case_a": _link_to(urls.case_page),
    "path_a": _link_to(urls.path_page),
    "phase_a": _link_to(urls.phase_page, numbered=True),
}
