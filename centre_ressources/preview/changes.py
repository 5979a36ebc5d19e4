"""What a save changes, decided from the paths saved and from what the site holds: which
paths matter, which files go through MkDocs again, and when the whole site must be built.

Pure functions: the adapter (centre_ressources_mkdocs/) hands in the facts (the site's files,
whether a path is a file now) and carries the decisions out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from centre_ressources import urls
from centre_ressources.content.glossary import GLOSSARY_FILE
from centre_ressources.content.load import CASES_DIR, IMAGE_SUFFIXES, METHODS_DIR, PATHS_DIR, PHASES_DIR
from centre_ressources.preview.dependencies import WholeBuild
from centre_ressources.preview.session import Update

CONTENT_DIRS = (PHASES_DIR, METHODS_DIR, CASES_DIR, PATHS_DIR)
WATCHED_DIRS = (*CONTENT_DIRS, "docs", "hooks")  # in the project's root, with all they hold
WATCHED_FILES = frozenset({"mkdocs.yml", GLOSSARY_FILE})  # the project's root itself: only these
SCRATCH_ENDINGS = ("~", ".swp", ".swx", ".tmp")

FileKind = Literal["page", "asset"]


class SiteFiles(Protocol):
    """The files of the site as the builder holds them, by their path in docs/ (src_uri)."""

    def kind(self, src_uri: str) -> FileKind | None:
        """A page, another file, or None when the site has no such file."""


def editor_scratch(name: str) -> bool:
    """The files an editor writes beside the one saved (vim's 4913 and .swp, emacs's .#x, x~)."""
    return name.startswith((".", "#")) or name.endswith(SCRATCH_ENDINGS) or name.isdigit()


def saved_paths(names: Iterable[str], only: frozenset[str] | None = None) -> set[str]:
    """The paths of a file event worth an update: no editor's scratch file, and only the files
    named in `only` when it is given (a folder watched for a few of its files)."""
    kept = {name for name in names if name and not editor_scratch(Path(name).name)}
    return kept if only is None else {name for name in kept if Path(name).name in only}


@dataclass(frozen=True)
class Changes:
    content: bool = False  # a content file or the glossary: the content is read again
    pages: tuple[str, ...] = ()  # hand-written pages of docs/ to convert again (src_uri)
    assets: tuple[str, ...] = ()  # other files of docs/ to copy again
    whole: str = ""  # why the whole site must be built again (French), or ""


def sort_changes(paths: Iterable[str], root: Path, docs_dir: Path, site: SiteFiles,
                 is_file: Callable[[Path], bool]) -> Changes:
    """What the saved `paths` (absolute) change. A file of docs/ added or removed, the theme's
    overrides, mkdocs.yml or a hook: the whole site."""
    content, pages, assets, whole = False, [], [], ""
    for name in sorted(paths):
        path = Path(name)
        relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else name
        if relative == GLOSSARY_FILE or relative.split("/")[0] in CONTENT_DIRS:
            content = True
        elif path.is_relative_to(docs_dir) and "overrides" not in path.relative_to(docs_dir).parts:
            uri = path.relative_to(docs_dir).as_posix()
            kind = site.kind(uri)
            if kind is None or not is_file(path):
                whole = whole or f"fichier ajouté ou retiré dans docs/ ({uri})"
            elif kind == "page":
                pages.append(uri)
            else:
                assets.append(uri)
        elif relative == "mkdocs.yml" or relative.split("/")[0] in ("hooks", "docs"):
            whole = whole or f"{relative} modifié"
    return Changes(content, tuple(pages), tuple(assets), whole)


def changed_pictures(paths: Iterable[str], root: Path, site: SiteFiles, is_file: Callable[[Path], bool]) -> list[str]:
    """The case studies' pictures saved again that the site has, by their path in the site."""
    found = []
    for name in sorted(paths):
        path = Path(name)
        if path.is_relative_to(root / CASES_DIR) and path.suffix.lower() in IMAGE_SUFFIXES:
            uri = urls.case_asset(path.parent.name, path.name)
            if site.kind(uri) is not None and is_file(path):
                found.append(uri)
    return found


def refuse_taken_addresses(update: Update, site: SiteFiles, generated: Callable[[str], bool]) -> None:
    """WholeBuild when a page or file that came has the address of a hand-written file: the
    whole build says so, in French, as `build` does."""
    for uri in [*update.added, *update.assets]:
        if site.kind(uri) is not None and not (generated(uri) or uri in update.assets):
            raise WholeBuild(f"{uri} existe déjà dans docs/")


@dataclass(frozen=True)
class Work:
    """What goes through the builder again after a save."""

    generated: dict[str, str]  # generated pages -> their new Markdown
    hand_written: tuple[str, ...]  # hand-written pages to convert again
    assets: tuple[str, ...]  # files to copy again
    came_or_went: bool = False  # a generated page was added or removed

    def reloads(self, written: Sequence[str], was_in_error: bool) -> bool:
        """Whether the browsers reload: a page or file changed, or the error notice goes."""
        return bool(written or self.assets or was_in_error or self.came_or_went)


def work_of(changes: Changes, update: Update | None, pictures: Iterable[str],
            hand_written_pages: Callable[[], Iterable[str]]) -> Work:
    """The work of a save (`update`: the content's, if it changed). A page that comes or goes
    changes the counts some hand-written pages show: those of docs/ are converted again."""
    if update is None:
        return Work({}, changes.pages, changes.assets)
    came_or_went = bool(update.added or update.removed)
    pages = tuple(hand_written_pages()) if came_or_went else changes.pages
    assets = tuple(dict.fromkeys([*changes.assets, *update.assets, *pictures]))
    return Work(update.rewritten, pages, assets, came_or_went)
