"""The steps run over a written site, whichever builder wrote it, in this order: the theme's
markup corrected; for a builder without hooks, the generated pages' pictures put in place and
their article sanitised; the Content-Security-Policy, once the text is final; `sitemap.xml.gz`
without the build date; the search index (Pagefind only reads the pages). Under MkDocs the
first and third steps run as each page is handed over (`finish_page`, from
hooks/written_site.py); another builder's output goes through `centre-ressources finish SITE`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from pathlib import Path

from centre_ressources.material.markup_fixes import fix_markup
from centre_ressources.publish.csp import bundle_styles, with_policy
from centre_ressources.publish.sanitize import sanitize_html
from centre_ressources.publish.search_index import index_site
from centre_ressources.publish.sitemap import rewrite_compressed
from centre_ressources.render.deferred import DeferredParts

# The page's own text in Material's and Zensical's layout; the last </article> closes it.
_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset"[^>]*>)(.*)(</article>)', re.S)


def page_html_path(src_uri: str) -> str:
    """Where a page's source (`fiches/x.md`, `index.md`) is written, with directory URLs."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def sanitize_article(html: str) -> str:
    """The page with its article's content sanitised, the layout around it untouched."""
    match = _ARTICLE.search(html)
    if match is None:
        return html
    return html[:match.start(2)] + sanitize_html(match.group(2)) + html[match.end(2):]


def finish_page(html: str, scripted_styles: list[str] | None) -> str:
    """Steps 1 and 3 for one page whose article is final; `scripted_styles=None` (a live
    preview) leaves it without a policy. A builder that hands each page over before writing
    it (MkDocs' on_post_page) calls this there: the page is then not read again."""
    fixed = fix_markup(html)
    return fixed if scripted_styles is None else with_policy(fixed, scripted_styles)


def fix_pages(site_dir: Path, generated: Iterable[str] = (), deferred: DeferredParts | None = None,
              policy: bool = True, finished: Collection[str] = ()) -> None:
    """Steps 1 to 3, in one reading of each page; `generated`: the source paths of the
    pages to complete and sanitise (raises ValueError when a picture's place is lost);
    `policy=False` leaves the pages without a policy; `finished`: the paths (relative to
    `site_dir`) of the pages that went through `finish_page` as they were written."""
    to_complete = {page_html_path(src_uri): src_uri for src_uri in generated}
    scripted_styles = bundle_styles(site_dir) if policy else None
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative in finished:
            continue
        html = path.read_text(encoding="utf-8")
        src_uri = to_complete.get(relative)
        if src_uri is None:
            fixed = finish_page(html, scripted_styles)
        else:
            fixed = fix_markup(html)
            if deferred is not None:
                fixed = deferred.restore(src_uri, fixed)
            fixed = sanitize_article(fixed)
            if scripted_styles is not None:
                fixed = with_policy(fixed, scripted_styles)
        if fixed != html:
            path.write_text(fixed, encoding="utf-8")


def finish_site(site_dir: Path, generated: Iterable[str] = (), deferred: DeferredParts | None = None,
                search_index: bool = True, policy: bool = True, finished: Collection[str] = ()) -> None:
    """Every step, in order (raises SearchIndexError when Pagefind fails); `search_index=False`
    (a site searched otherwise) writes no index, `policy=False` (a live preview that injects
    its own script) leaves the pages without a policy; `finished`: as for `fix_pages`."""
    fix_pages(site_dir, generated, deferred, policy, finished)
    rewrite_compressed(site_dir)
    if search_index:
        index_site(site_dir)
