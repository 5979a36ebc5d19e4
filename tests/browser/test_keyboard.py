"""Keyboard only, in Chromium: on the home page, a sheet and the sheet catalogue, the Tab key
alone reaches every control, each with a focus one can see (a contour of 2 px or more, at
least 3:1 against what surrounds it), in both colour schemes; the skip link comes first and
leads into the content. Every page of the site has a working skip link."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from support.keyboard import controls, tab_walk
from support.site_pages import html_files

VIEWPORT = {"width": 1280, "height": 800}


def walked_pages(site) -> dict[str, str]:
    sheet = sorted(p.parent.name for p in (site / "fiches").glob("*/index.html"))[0]
    return {"accueil": "", "fiche": f"fiches/{sheet}/", "catalogue": "fiches/"}


@pytest.fixture
def keyboard_page(browser, request):
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORT, color_scheme=request.param)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("keyboard_page", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("which", ["accueil", "fiche", "catalogue"])
def test_tab_alone_reaches_every_control_with_a_visible_focus(keyboard_page, site_url, real_site, which):
    page = keyboard_page
    page.goto(site_url + walked_pages(real_site)[which])
    expected = controls(page)
    assert len(expected) > 20
    stops = tab_walk(page, limit=len(expected) + 20)
    reached = {stop.state["id"] for stop in stops}
    missing = [label for index, label in enumerate(expected) if str(index) not in reached]
    assert missing == [], "jamais atteints avec Tab :\n" + "\n".join(missing)
    unseen = [f"{stop.label} : {problem}" for stop in stops if (problem := stop.focus_problem())]
    assert unseen == [], "focus invisible :\n" + "\n".join(unseen)
    strays = [stop.label for stop in stops if stop.state["id"] is None]
    assert strays == [], "le focus s'arrête sur des éléments qui ne sont pas des commandes visibles"


@pytest.mark.parametrize("keyboard_page", ["light"], indirect=True)
@pytest.mark.parametrize("which", ["accueil", "fiche", "catalogue"])
def test_skip_link_comes_first_and_leads_into_the_content(keyboard_page, site_url, real_site, which):
    page = keyboard_page
    page.goto(site_url + walked_pages(real_site)[which])
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text().strip() == "Aller au contenu"
    assert skip.is_visible()
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    page.keyboard.press("Tab")
    # The next stop is inside the content, past the header and the navigation.
    assert page.evaluate("!!document.activeElement.closest('.md-content')")


class _SkipLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.skip_targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and "md-skip" in (values.get("class") or "").split():
            self.skip_targets.append(values.get("href") or "")


def test_every_page_has_a_skip_link_to_its_content(real_site):
    problems = []
    for path in html_files(real_site):
        parser = _SkipLinks()
        parser.feed(path.read_text(encoding="utf-8"))
        name = path.relative_to(real_site).as_posix()
        if len(parser.skip_targets) != 1:
            problems.append(f"{name} : {len(parser.skip_targets)} lien(s) d'évitement")
        elif not parser.skip_targets[0].startswith("#") or parser.skip_targets[0][1:] not in parser.ids:
            problems.append(f"{name} : le lien d'évitement mène à {parser.skip_targets[0]!r}, absent de la page")
    assert problems == [], "\n".join(problems)
