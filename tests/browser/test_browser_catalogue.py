"""End-to-end, in Chromium: the sheet catalogue's filters, the keyword index and the search."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from centre_ressources.pipeline import build_catalogue
from support.project import PROJECT


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(PROJECT)


def visible_cards(page) -> list[str]:
    return [card.get_attribute("id").removeprefix("fiche-")
            for card in page.locator(".fiche-carte:visible").all()]


def filters(page, **options):
    return page.get_by_role("form", name="Filtrer les fiches", **options)


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_without_javascript_every_sheet_shows_and_no_dead_control(browser, site_url, catalogue):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "fiches/?phase=impulsion")
    assert visible_cards(page) == [sheet.slug for sheet in catalogue.sheets]
    assert not filters(page, include_hidden=True).is_visible()
    context.close()


def test_a_filter_narrows_the_catalogue_and_the_address_carries_it(browser_page, site_url, catalogue):
    page = browser_page
    page.goto(site_url + "fiches/")
    status = page.get_by_role("status")
    assert visible_cards(page) == [sheet.slug for sheet in catalogue.sheets]
    filters(page).get_by_label("Phase").select_option("structuration")
    structuration = [s.slug for s in catalogue.sheets if s.phase == "structuration"]
    assert visible_cards(page) == structuration
    assert query(page) == {"phase": ["structuration"]}
    page.get_by_label("Nombre de participants").fill("22")
    expected = [s.slug for s in catalogue.sheets
                if s.phase == "structuration" and s.participants.min <= 22 <= s.participants.max]
    assert 0 < len(expected) < len(structuration)
    assert visible_cards(page) == expected
    assert query(page) == {"phase": ["structuration"], "participants": ["22"]}
    count = len(expected)
    noun = "fiche correspond" if count == 1 else "fiches correspondent"
    # Announced once the visitor stops typing (the page's policy forbids eval: no wait_for_function).
    expect(status).to_have_text(f"{count} {noun} à ces critères, sur {len(catalogue.sheets)}.")

    page.reload()
    assert visible_cards(page) == expected
    assert filters(page).get_by_label("Phase").input_value() == "structuration"
    assert page.get_by_label("Nombre de participants").input_value() == "22"
    # Phases left without a visible sheet are hidden with their heading.
    for phase in catalogue.phases:
        section = page.get_by_role("region", name=f"{phase.numero}. {phase.titre}", exact=True, include_hidden=True)
        assert section.is_visible() == (phase.slug == "structuration")


def test_a_shared_address_restores_keyword_distance_duration_and_text(browser_page, site_url, catalogue):
    page = browser_page
    page.goto(site_url + "fiches/?mot_cle=gouvernance&distance=oui&duree=150&q=charte")
    expected = [s.slug for s in catalogue.sheets
                if "gouvernance" in s.mots_cles and s.a_distance and s.duree <= 150
                and "charte" in (s.titre + s.en_bref).lower()]
    assert expected == ["rediger-la-charte-de-cooperation"]
    assert visible_cards(page) == expected
    assert page.get_by_label("Mot-clé").input_value() == "gouvernance"
    assert page.get_by_label("Faisable à distance").is_checked()
    assert page.get_by_label("Durée de l'atelier").input_value() == "150"
    assert page.get_by_label("Mot ou expression").input_value() == "charte"


def test_filters_work_from_the_keyboard_and_clearing_them_shows_everything(browser_page, site_url, catalogue):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site_url + "fiches/")
    page.get_by_label("Mot ou expression").focus()
    page.keyboard.type("évaluation")  # accents and case are folded
    shown = visible_cards(page)
    assert "construire-l-evaluation-partagee" in shown and len(shown) < len(catalogue.sheets)
    assert query(page) == {"q": ["évaluation"]}
    page.keyboard.press("Tab")  # to the phase list
    page.keyboard.press("ArrowDown")  # first phase
    assert query(page)["phase"] == [catalogue.phases[0].slug]
    expect(page.get_by_role("status")).to_contain_text("à ces critères")
    page.get_by_role("button", name="Effacer les filtres").press("Enter")
    expect(page.get_by_role("status")).to_have_text(f"Toutes les fiches sont affichées ({len(catalogue.sheets)}).")
    page.wait_for_url(re.compile(r"/fiches/$"))
    assert visible_cards(page) == [sheet.slug for sheet in catalogue.sheets]


def test_no_match_says_so(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "fiches/?participants=900")
    assert visible_cards(page) == []
    assert page.get_by_text("Aucune fiche ne correspond à ces critères.").first.is_visible()


def test_a_keyword_of_a_sheet_leads_to_the_keyword_index(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "fiches/rediger-la-charte-de-cooperation/")
    page.locator(".md-tag", has_text="charte").first.click()
    page.wait_for_url(re.compile(r"/mots-cles/#tag:charte$"))
    listing = page.locator("#tag\\:charte + ul")
    expect(listing.get_by_role("link", name="Rédiger la charte de coopération")).to_be_visible()


@pytest.mark.parametrize("word, slug", [
    ("cartographie", "cartographier-les-acteurs-et-les-actions"),
    ("charte", "rediger-la-charte-de-cooperation"),
])
def test_search_finds_the_sheet(browser_page, site_url, word, slug):
    page = browser_page
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(word)
    result = page.locator(f".recherche-resultat a[href*='/fiches/{slug}/']").first
    result.wait_for(timeout=30_000)
    result.click()
    assert re.search(rf"/fiches/{slug}/$", page.url), page.url
