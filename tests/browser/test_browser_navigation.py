"""End-to-end: a visitor's path through the phases, in Chromium."""


def test_visitor_goes_from_home_to_a_phase_to_a_sheet_and_on(browser_page, site_url):
    page = browser_page
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name="1. Impulsion").first.click()
    assert page.url.endswith("/demarche/impulsion/")
    page.locator("article").get_by_role("link", name="Constituer le groupe d'initiative").first.click()
    assert page.url.endswith("/fiches/constituer-le-groupe-d-initiative/")
    assert page.title().startswith("Constituer le groupe d'initiative - ")
    page.locator("article").get_by_text("Fiche suivante").get_by_role("link").click()
    assert page.url.endswith("/fiches/explorer-les-enjeux-du-territoire/")


def test_a_step_link_lands_on_the_step(browser_page, site_url):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site_url + "fiches/cartographier-les-acteurs-et-les-actions/#etape-3")
    heading = page.locator("#etape-3")
    assert heading.inner_text().startswith("Étape 3")
    box = heading.bounding_box()
    assert 0 <= box["y"] < 800
