"""In Chromium, as a screen reader user meets it: the header's menu and search are named buttons
that say whether what they open is open, on a phone and on a laptop, in both schemes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from support.axe import AXE_TAGS, RUN_AXE, new_context

PHONE = {"width": 390, "height": 800}
LAPTOP = {"width": 1366, "height": 768}


def header(page):
    return page.get_by_role("banner").first


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_menu_and_search_are_buttons_with_their_state(browser, site_url, scheme):
    context = new_context(browser, scheme, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "fiches/")
    menu = header(page).get_by_role("button", name="Menu du site")
    search = header(page).get_by_role("button", name="Rechercher")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(search).to_have_attribute("aria-expanded", "false")
    # Closed, the search panel is no dialog: only the open panel is announced as one.
    expect(page.get_by_role("dialog")).to_have_count(0)

    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("navigation", name="Navigation")).to_be_in_viewport()
    assert page.evaluate("axe.run !== undefined")
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()

    search.focus()
    page.keyboard.press(" ")
    expect(search).to_have_attribute("aria-expanded", "true")
    dialog = page.get_by_role("dialog", name="Recherche sur le site")
    expect(dialog).to_have_count(1)
    field = dialog.get_by_role("textbox", name="Rechercher")
    expect(field).to_be_in_viewport()
    expect(field).to_be_focused()
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(search).to_have_attribute("aria-expanded", "false")
    context.close()


def test_on_a_laptop_the_field_is_in_the_header_and_no_button_stands_in_for_it(browser, site_url):
    context = new_context(browser, "light", viewport=LAPTOP)
    page = context.new_page()
    page.goto(site_url + "fiches/")
    expect(header(page).get_by_role("button", name="Menu du site")).to_be_hidden()
    expect(header(page).get_by_role("button", name="Rechercher")).to_be_hidden()
    expect(header(page).get_by_role("textbox", name="Rechercher")).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []
    context.close()


def test_without_javascript_the_menu_still_opens(browser, site_url):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "fiches/")
    expect(header(page).get_by_role("button", name="Menu du site")).to_be_hidden()
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.get_by_role("navigation", name="Navigation")).to_be_in_viewport()
    context.close()
