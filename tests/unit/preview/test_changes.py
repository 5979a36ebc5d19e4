"""What a save changes in the preview, decided without MkDocs: an editor's scratch files are
ignored, a content file asks for the content to be read again, a hand-written page or file of
docs/ goes through the builder alone, and what the builder holds for the whole site (a file
added to docs/, the theme, mkdocs.yml, a hook) asks for a whole build."""

from __future__ import annotations

from pathlib import Path

import pytest

from centre_ressources import urls
from centre_ressources.content.glossary import GLOSSARY_FILE
from centre_ressources.content.load import CASES_DIR, IMAGE_SUFFIXES, METHODS_DIR
from centre_ressources.preview.changes import (
    CONTENT_DIRS,
    Changes,
    Work,
    changed_pictures,
    editor_scratch,
    refuse_taken_addresses,
    saved_paths,
    sort_changes,
    work_of,
)
from centre_ressources.preview.dependencies import WholeBuild
from centre_ressources.preview.session import Update

ROOT = Path("/projet")
DOCS = ROOT / "docs"
PICTURE = f"photo{sorted(IMAGE_SUFFIXES)[0]}"


class Site:
    """The site's files, as the builder would hold them."""

    def __init__(self, pages: tuple[str, ...] | set[str] = (), assets: tuple[str, ...] | set[str] = ()) -> None:
        self.pages, self.assets = set(pages), set(assets)

    def kind(self, src_uri: str):
        return "page" if src_uri in self.pages else "asset" if src_uri in self.assets else None


def everything_is_a_file(path: Path) -> bool:
    return True


def nothing_is_a_file(path: Path) -> bool:
    return False


def _update(**fields) -> Update:
    return Update(**{"rewritten": {}, "rendered": 0, "files_read": (), "catalogue": None, "seconds": 0.0, **fields})


@pytest.mark.parametrize("name", ["4913", ".index.md.swp", "index.md.swx", "index.md~", ".#index.md", "#index.md#",
                                  "index.md.tmp"])
def test_an_editors_scratch_file_is_not_a_save(name: str):
    assert editor_scratch(name)
    assert saved_paths({str(ROOT / METHODS_DIR / name)}) == set()


@pytest.mark.parametrize("name", ["index.md", PICTURE, "2024-bilan.md", "mkdocs.yml"])
def test_a_file_a_contributor_saves_is_a_save(name: str):
    assert not editor_scratch(name)
    assert saved_paths({str(ROOT / METHODS_DIR / name), ""}) == {str(ROOT / METHODS_DIR / name)}


def test_a_folder_watched_for_a_few_files_keeps_only_those():
    names = {str(ROOT / "mkdocs.yml"), str(ROOT / "notes.txt"), str(ROOT / GLOSSARY_FILE)}
    assert saved_paths(names, only=frozenset({"mkdocs.yml", GLOSSARY_FILE})) == names - {str(ROOT / "notes.txt")}


@pytest.mark.parametrize("relative", [*(f"{folder}/x.md" for folder in CONTENT_DIRS), GLOSSARY_FILE])
def test_a_content_file_asks_for_the_content_to_be_read_again(relative: str):
    changes = sort_changes({str(ROOT / relative)}, ROOT, DOCS, Site(), everything_is_a_file)
    assert changes == Changes(content=True)


def test_a_hand_written_page_and_a_file_of_docs_go_through_the_builder_alone():
    site = Site(pages={"contribuer/index.md"}, assets={"assets/logo.svg"})
    saved = {str(DOCS / "contribuer/index.md"), str(DOCS / "assets/logo.svg")}
    changes = sort_changes(saved, ROOT, DOCS, site, everything_is_a_file)
    assert changes == Changes(pages=("contribuer/index.md",), assets=("assets/logo.svg",))


@pytest.mark.parametrize(("saved", "site", "is_file", "told"), [
    (DOCS / "nouvelle.md", Site(), everything_is_a_file, "docs/ (nouvelle.md)"),  # added
    (DOCS / "contribuer/index.md", Site(pages={"contribuer/index.md"}), nothing_is_a_file, "contribuer/index.md"),
    (DOCS / "overrides/main.html", Site(assets={"overrides/main.html"}), everything_is_a_file, "overrides/main.html"),
    (ROOT / "mkdocs.yml", Site(), everything_is_a_file, "mkdocs.yml modifié"),
    (ROOT / "hooks/content.py", Site(), everything_is_a_file, "hooks/content.py modifié"),
])
def test_what_the_builder_holds_for_the_whole_site_asks_for_a_whole_build(saved, site, is_file, told):
    changes = sort_changes({str(saved), str(ROOT / METHODS_DIR / "x.md")}, ROOT, DOCS, site, is_file)
    assert told in changes.whole


def test_a_path_outside_what_the_site_is_made_of_changes_nothing():
    saved = {str(ROOT / "notes.txt"), "/ailleurs/index.md"}
    assert sort_changes(saved, ROOT, DOCS, Site(), everything_is_a_file) == Changes()


def test_a_case_studys_picture_saved_again_is_copied_again():
    picture = urls.case_asset("un-cas", PICTURE)
    site = Site(assets={picture})
    saved = {str(ROOT / CASES_DIR / "un-cas" / PICTURE), str(ROOT / CASES_DIR / "un-cas" / "index.md"),
             str(ROOT / CASES_DIR / "autre-cas" / PICTURE)}  # a picture the site does not have yet
    assert changed_pictures(saved, ROOT, site, everything_is_a_file) == [picture]
    assert changed_pictures(saved, ROOT, site, nothing_is_a_file) == []  # removed meanwhile


def test_a_page_that_comes_where_docs_has_a_file_asks_for_a_whole_build():
    taken = urls.case_page("un-cas")
    with pytest.raises(WholeBuild, match=taken):
        refuse_taken_addresses(_update(added=(taken,)), Site(pages={taken}), generated=lambda uri: False)
    refuse_taken_addresses(_update(added=(taken,)), Site(pages={taken}), generated=lambda uri: uri == taken)
    picture = urls.case_asset("un-cas", PICTURE)  # a picture replaced keeps its address
    refuse_taken_addresses(_update(assets={picture: "/x"}), Site(assets={picture}), generated=lambda uri: False)


def test_a_save_of_docs_alone_converts_its_pages_and_copies_its_files():
    changes = Changes(pages=("contribuer/index.md",), assets=("assets/logo.svg",))
    work = work_of(changes, None, [], hand_written_pages=lambda: pytest.fail("not asked"))
    assert work == Work({}, ("contribuer/index.md",), ("assets/logo.svg",))


def test_a_page_that_comes_converts_every_hand_written_page_again():
    added = urls.case_page("un-cas")
    update = _update(rewritten={added: "# Un cas"}, added=(added,))
    work = work_of(Changes(content=True), update, [], hand_written_pages=lambda: ["index.md", "contribuer/index.md"])
    assert work.generated == {added: "# Un cas"} and work.came_or_went
    assert work.hand_written == ("index.md", "contribuer/index.md")  # the counts they show
    assert work.reloads(written=[], was_in_error=False)


def test_the_files_to_copy_are_each_named_once_in_the_order_found():
    picture, other = urls.case_asset("un-cas", PICTURE), urls.case_asset("autre-cas", PICTURE)
    update = _update(assets={other: "/x", picture: "/y"})
    work = work_of(Changes(content=True, assets=("assets/logo.svg",)), update, [picture, other], lambda: [])
    assert work.assets == ("assets/logo.svg", other, picture)


def test_the_browsers_reload_only_when_something_shows():
    unchanged = work_of(Changes(content=True), _update(rewritten={"index.md": "x"}), [], lambda: [])
    assert not unchanged.reloads(written=[], was_in_error=False)  # its HTML came out the same
    assert unchanged.reloads(written=["index.md"], was_in_error=False)
    assert unchanged.reloads(written=[], was_in_error=True)  # the error's notice goes away
