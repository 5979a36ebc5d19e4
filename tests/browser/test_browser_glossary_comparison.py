"""In Chromium: the comparison reads on a phone, and a glossary link lands on its definition."""

import html
import re

from centre_ressources.content.slugs import heading_slug
from centre_ressources.pipeline import build_catalogue
from support.project import PROJECT

TERM_LINK = re.compile(r'<a class="terme" href="\.\./\.\./glossaire/#([^"]+)">([^<]+)</a>')


def first_phase():
    phase = build_catalogue(PROJECT).phases[0]
    return phase, heading_slug(f"{phase.numero}. {phase.titre}")


def card_boxes(page, heading_id: str):
    section = page.locator(f"h2[id='{heading_id}'] + .grid.cards > ul > li")
    return [section.nth(i).bounding_box() for i in range(section.count())]


def test_comparison_is_side_by_side_on_a_computer_and_stacked_on_a_phone(browser_page, site_url):
    # Any number of case studies (two or more): the cards wrap, so only the first two are sure
    # to share a row on a computer; on a phone every card is under the one before.
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "etudes-de-cas/comparaison/")
    phase, phase_id = first_phase()
    boxes = card_boxes(page, phase_id)
    assert len(boxes) >= 2
    first, second = boxes[:2]
    assert abs(first["y"] - second["y"]) < 2 and first["x"] < second["x"]  # one row

    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site_url + "etudes-de-cas/comparaison/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    boxes = card_boxes(page, phase_id)
    assert len(boxes) >= 2
    for above, below in zip(boxes, boxes[1:], strict=False):
        assert below["y"] > above["y"] + above["height"] - 1  # one under the other
    assert all(box["width"] > 300 for box in boxes)  # full width, readable
    phases = [f"{p.numero}. {p.titre}" for p in build_catalogue(PROJECT).phases]
    for heading in ("En un coup d'œil", "La question stratégique essentielle", *phases,
                    "Qui porte la fonction de soutien aujourd'hui ?"):
        assert page.get_by_role("heading", name=heading).count() == 1, heading


def test_a_term_on_a_sheet_leads_to_its_definition(browser_page, site_url, real_site):
    # The first glossary link of the first sheet page that has one, as the build wrote it.
    pages = sorted((real_site / "fiches").glob("*/index.html"))
    slug, anchor, words = next((page.parent.name, *found.groups()) for page in pages
                               if (found := TERM_LINK.search(page.read_text(encoding="utf-8"))))
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site_url + f"fiches/{slug}/")
    page.locator("article a.terme", has_text=html.unescape(words)).first.click()
    assert page.url.endswith(f"/glossaire/#{anchor}")
    heading = page.locator(f"[id='{anchor}']")
    assert heading.evaluate("element => element.tagName") in {"H2", "H3"}  # the term's own heading
    assert 0 <= heading.bounding_box()["y"] < 800
