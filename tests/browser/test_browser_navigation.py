"""End-to-end: a visitor's path through the phases, in Chromium."""

from centre_ressources.pipeline import build_catalogue
from support.navigation import online_address, walk_from_home
from support.project import PROJECT


def test_visitor_goes_from_home_to_a_phase_to_a_sheet_and_on(browser_page, site_url):
    page = browser_page
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "fr"
    walk_from_home(page, site_url, build_catalogue(PROJECT), online_address)


def test_a_step_link_lands_on_the_step(browser_page, site_url):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    sheet = next(sheet for sheet in build_catalogue(PROJECT).sheets if len(sheet.deroule) >= 3)
    page.goto(site_url + f"fiches/{sheet.slug}/#etape-3")
    heading = page.locator("#etape-3")
    assert heading.inner_text().startswith("Étape 3")
    box = heading.bounding_box()
    assert 0 <= box["y"] < 800
