"""The preview's fast path against the reference: after an edit, the pages the session holds
are those a whole rendering of the edited content gives, every one of them, and the session
hands back as changed exactly the pages whose Markdown changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from centre_ressources import urls
from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import generate
from centre_ressources.preview.dependencies import WholeBuild
from centre_ressources.preview.session import PreviewSession
from centre_ressources.render.deferred import DeferredParts
from centre_ressources.render.pages import GeneratedPages
from support.edits import edit
from support.project import copy_project

SITE_URL = "http://127.0.0.1:8000/"
CASE = "case_studies/vallee-exemple/index.md"


def _pages(root: Path) -> dict[str, str]:
    _, site = generate(root, site_url=SITE_URL)
    return dict(site.pages)


def _assert_same_as_whole_rendering(root: Path, session: PreviewSession, before: dict[str, str]) -> dict[str, str]:
    update = session.update()
    after = _pages(root)
    assert session.site is not None
    assert {uri: session.site.pages[uri] for uri in after} == after
    assert set(update.rewritten) == {uri for uri in after if after[uri] != before[uri]}
    return dict(update.rewritten)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "mini", content="mini")


@pytest.fixture
def real(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "real")


def _session(root: Path) -> tuple[PreviewSession, dict[str, str]]:
    session = PreviewSession()
    session.generate(root, site_url=SITE_URL)
    return session, _pages(root)


MINI_EDITS = [
    (CASE, "Un récit de test.", "Un récit de test, modifié."),  # the case's own page only
    (CASE, "a exploré son territoire.", "a exploré tout son territoire."),  # its sheets and its phase too
    (CASE, "titre: La vallée exemple", "titre: La vallée renommée"),  # the lists of cases
    (CASE, "fiches: [alpha, beta]", "fiches: [alpha, gamma]"),  # a sheet it no longer names, one it names now
    ("methods/alpha.md", "titre: Fiche alpha", "titre: Fiche alpha renommée"),  # every page that names it
    ("methods/gamma.md", "ordre: 2", "ordre: 0"),  # its place among the sheets: its old and new neighbours
    ("methods/beta.md", "etape: explorer", "etape: lancer"),  # another step of its phase
    ("methods/alpha.md", "Au début.", "Au tout début."),
    # not its title: the case studies naming it show only that (their pages are not rendered again)
    ("methods/alpha.md", "en_bref: Une fiche de test", "en_bref: Une fiche d'essai"),
    ("methods/alpha.md", "- Vérifier le rendu", "- Vérifier tout le rendu"),
    ("paths/essai.md", "Commencer par les règles communes.", "Commencer par les règles."),
]


@pytest.mark.parametrize(("relative", "old", "new"), MINI_EDITS)
def test_an_edit_gives_the_pages_of_a_whole_rendering(mini: Path, relative: str, old: str, new: str):
    session, before = _session(mini)
    edit(mini, relative, old, new)
    rewritten = _assert_same_as_whole_rendering(mini, session, before)
    assert rewritten  # the edit shows


def test_an_edited_case_text_rewrites_its_page_and_no_unrelated_one(mini: Path):
    session, before = _session(mini)
    edit(mini, CASE, "Un récit de test.", "Un récit de test, modifié.")
    update = session.update()
    assert set(update.rewritten) == {urls.case_page("vallee-exemple")}
    assert update.rendered == 1  # its text is on its page alone: no other page is even rendered
    assert update.files_read == (CASE,)
    assert session.update().rewritten == {}  # nothing more changed


def test_edits_on_the_real_content_with_its_glossary(real: Path):
    session, before = _session(real)
    case = sorted(real.glob("case_studies/*/index.md"))[0]
    case.write_text(case.read_text("utf-8") + "\nUn paragraphe ajouté pendant l'aperçu.\n", "utf-8")
    rewritten = _assert_same_as_whole_rendering(real, session, before)
    assert urls.case_page(case.parent.name) in rewritten
    before = _pages(real)
    sheet = sorted(real.glob("methods/*.md"))[0]
    text = sheet.read_text("utf-8")
    sheet.write_text(re.sub(r"^titre: (.*)$", r"titre: \1 (modifiée)", text, count=1, flags=re.M), "utf-8")
    _assert_same_as_whole_rendering(real, session, before)
    before = _pages(real)
    glossary = real / "glossary.yml"
    data = yaml.safe_load(glossary.read_text("utf-8"))
    data["termes"][0]["definition"] += " Une phrase ajoutée pendant l'aperçu."
    glossary.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    assert urls.GLOSSARY in _assert_same_as_whole_rendering(real, session, before)


def test_a_content_error_keeps_the_last_good_pages_until_it_is_fixed(mini: Path):
    session, before = _session(mini)
    edit(mini, CASE, "fiches: [alpha, beta]", "fiches: [alpha, betta]")
    with pytest.raises(ContentErrors) as caught:
        session.update()
    assert "betta" in caught.value.report() and CASE in caught.value.report()
    assert session.site is not None and {uri: session.site.pages[uri] for uri in before} == before
    edit(mini, CASE, "fiches: [alpha, betta]", "fiches: [alpha, beta]")
    assert session.update().rewritten == {}  # back to the last good state: nothing to rewrite


def test_a_sheet_added_asks_for_a_whole_build(mini: Path):
    session, _ = _session(mini)
    (mini / "methods" / "epsilon.md").write_text((mini / "methods" / "alpha.md").read_text("utf-8")
                                                 .replace("titre: Fiche alpha", "titre: Fiche epsilon"), "utf-8")
    with pytest.raises(WholeBuild):
        session.update()


def test_a_case_added_then_removed_gives_the_pages_of_a_whole_rendering(mini: Path):
    # two cases from the start: the comparison page, and its place in the navigation, stay
    shutil.copytree(mini / "case_studies" / "vallee-exemple", mini / "case_studies" / "vallee-seconde")
    edit(mini, "case_studies/vallee-seconde/index.md", "titre: La vallée exemple", "titre: La vallée seconde")
    session, before = _session(mini)
    copy = mini / "case_studies" / "vallee-copiee"
    shutil.copytree(mini / "case_studies" / "vallee-exemple", copy)
    edit(mini, "case_studies/vallee-copiee/index.md", "titre: La vallée exemple", "titre: Une autre vallée")
    update = session.update()
    page = urls.case_page("vallee-copiee")
    assert update.added == (page,) and page in update.rewritten
    after = _pages(mini)
    assert session.site is not None and {uri: session.site.pages[uri] for uri in after} == after
    assert list(session.site.pages) == list(after)
    assert "Une autre vallée" in update.rewritten[urls.CASES]

    shutil.rmtree(copy)
    update = session.update()
    assert update.removed == (page,)
    assert {uri: session.site.pages[uri] for uri in before} == before and list(session.site.pages) == list(before)


def test_pictures_of_pages_rendered_again_but_unchanged_are_numbered_as_the_first_time(mini: Path):
    """In a build the pictures wait in DeferredParts until the page is converted; a page
    rendered again whose Markdown did not change must not be reported as changed."""
    session = PreviewSession()
    deferred = DeferredParts()
    _, site = session.generate(mini, site_url=SITE_URL, deferred=deferred)
    for uri in site.pages:  # as the build does: each page converted once, its pictures put in
        deferred.discard(uri)
    edit(mini, CASE, "titre: La vallée exemple", "titre: La vallée renommée")
    reference = PreviewSession()
    reference.generate(mini, site_url=SITE_URL)  # no deferred parts: pictures inline
    rewritten = session.update().rewritten
    assert urls.case_page("vallee-exemple") in rewritten
    edit(mini, CASE, "Un récit de test.", "Un récit de test, modifié.")
    assert set(session.update().rewritten) == {urls.case_page("vallee-exemple")}


def test_asking_whether_a_page_exists_does_not_render_it():
    """The preview compares the pages of two states by address: rendering them all to know
    would cost as much as a whole rendering."""
    rendered = []
    pages = GeneratedPages()
    pages.add("fiches/a.md", lambda: rendered.append("fiches/a.md") or "# A")
    assert "fiches/a.md" in pages and "fiches/b.md" not in pages
    assert rendered == []
