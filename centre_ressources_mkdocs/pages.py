"""The pages built one by one: what the last whole build left (files, navigation, template
environment), and one page converted and put through the theme's template as MkDocs' build
does, without the search plugin, whose index waits for the next whole build."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from centre_ressources.preview.changes import FileKind
from centre_ressources_mkdocs.internals import get_context, populate_page

SEARCH_PLUGINS = ("material/search", "search")


class Kept(BasePlugin):
    """What MkDocs made in the last whole build, kept for the pages built one by one; the
    site's files as centre_ressources.preview.changes.SiteFiles."""

    files: Files
    nav: Navigation
    env: Environment

    @event_priority(-100)  # last: the files and navigation as every plugin left them
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files
        return nav

    @event_priority(-100)
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        self.env = env
        return env

    def kind(self, src_uri: str) -> FileKind | None:
        file = self.files.get_file_from_path(src_uri)
        if file is None:
            return None
        return "page" if file.is_documentation_page() else "asset"

    def hand_written_pages(self, docs_dir: Path) -> list[str]:
        return [f.src_uri for f in self.files.documentation_pages()
                if f.abs_src_path and Path(f.abs_src_path).is_relative_to(docs_dir)]


def build_page(uri: str, markdown: str | None, config: MkDocsConfig, kept: Kept) -> bool:
    """Convert and render the page (`markdown`: a generated page's new text); write it if its
    HTML changed, and say so."""
    file = kept.files.get_file_from_path(uri)
    assert file is not None and file.page is not None, uri
    if markdown is not None:
        file.content_string = markdown
    populate_page(file.page, config, kept.files)
    output = _render(file.page, config, kept).encode("utf-8", errors="xmlcharrefreplace")
    destination = Path(file.abs_dest_path)
    if destination.is_file() and destination.read_bytes() == output:
        return False
    utils.write_file(output, str(destination))
    return True


def _render(page: Page, config: MkDocsConfig, kept: Kept) -> str:
    """`mkdocs.commands.build._build_page` without its writing and without the search plugin."""
    search = [config.plugins[name] for name in SEARCH_PLUGINS if name in config.plugins]
    handlers = [h for h in config.plugins.events["page_context"] if getattr(h, "__self__", None) not in search]
    config._current_page = page
    page.active = True
    try:
        doc_files = kept.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        context = get_context(kept.nav, doc_files, config, page)
        template = kept.env.get_template(page.meta.get("template", "main.html"))
        for handler in handlers:  # as PluginCollection.run_event runs them
            result = handler(context, page=page, config=config, nav=kept.nav)
            context = context if result is None else result
        output = template.render(context)
        # The theme's markup corrected there too (hooks/written_site.py), as in a whole build.
        return config.plugins.on_post_page(output, page=page, config=config)
    finally:
        page.active = False
        config._current_page = None
