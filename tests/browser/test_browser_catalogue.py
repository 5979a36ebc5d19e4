"""End-to-end, in Chromium: the sheet catalogue's filters, the keyword index and the search."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import expect

from centre_ressources.content.slugs import slugify
from centre_ressources.pipeline import build_catalogue
from support.project import PROJECT

# Every choice below is read from the catalogue: a new valid sheet anywhere keeps these tests green.


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


def fold(text: str) -> str:
    """As the catalogue folds what is typed and what it searches: accents off, lower case."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def card_texts(page) -> dict[str, str]:
    """Each card's text as the page holds it, hidden cards included."""
    return {card.get_attribute("id").removeprefix("fiche-"): fold(card.text_content() or "")
            for card in page.locator(".fiche-carte").all()}


def narrowing_phase_and_count(catalogue):
    """A phase and a number of participants that keep some of the phase's sheets, not all."""
    for phase in catalogue.phases:
        sheets = [s for s in catalogue.sheets if s.phase == phase.slug]
        for count in sorted({s.participants.min for s in sheets} | {s.participants.max for s in sheets}):
            kept = [s for s in sheets if s.participants.min <= count <= s.participants.max]
            if 0 < len(kept) < len(sheets):
                return phase.slug, count
    raise AssertionError("aucune phase du catalogue n'a deux fiches aux effectifs différents")


def test_without_javascript_every_sheet_shows_and_no_dead_control(browser, site_url, catalogue):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + f"fiches/?phase={catalogue.phases[0].slug}")
    assert visible_cards(page) == [sheet.slug for sheet in catalogue.sheets]
    assert not filters(page, include_hidden=True).is_visible()
    context.close()


def test_a_filter_narrows_the_catalogue_and_the_address_carries_it(browser_page, site_url, catalogue):
    page = browser_page
    page.goto(site_url + "fiches/")
    status = page.get_by_role("status")
    assert visible_cards(page) == [sheet.slug for sheet in catalogue.sheets]
    phase, participants = narrowing_phase_and_count(catalogue)
    filters(page).get_by_label("Phase").select_option(phase)
    in_phase = [s.slug for s in catalogue.sheets if s.phase == phase]
    assert visible_cards(page) == in_phase
    assert query(page) == {"phase": [phase]}
    page.get_by_label("Nombre de participants").fill(str(participants))
    expected = [s.slug for s in catalogue.sheets
                if s.phase == phase and s.participants.min <= participants <= s.participants.max]
    assert 0 < len(expected) < len(in_phase)
    assert visible_cards(page) == expected
    assert query(page) == {"phase": [phase], "participants": [str(participants)]}
    count = len(expected)
    noun = "fiche correspond" if count == 1 else "fiches correspondent"
    # Announced once the visitor stops typing (the page's policy forbids eval: no wait_for_function).
    expect(status).to_have_text(f"{count} {noun} à ces critères, sur {len(catalogue.sheets)}.")

    page.reload()
    assert visible_cards(page) == expected
    assert filters(page).get_by_label("Phase").input_value() == phase
    assert page.get_by_label("Nombre de participants").input_value() == str(participants)
    # Phases left without a visible sheet are hidden with their heading.
    for section_phase in catalogue.phases:
        section = page.get_by_role("region", name=f"{section_phase.numero}. {section_phase.titre}", exact=True,
                                   include_hidden=True)
        assert section.is_visible() == (section_phase.slug == phase)


def test_a_shared_address_restores_keyword_distance_duration_and_text(browser_page, site_url, catalogue):
    page = browser_page
    chosen = next((s for s in catalogue.sheets if s.a_distance and s.mots_cles), catalogue.sheets[0])
    keyword = slugify(chosen.mots_cles[0])
    words = chosen.titre.split()[:2]
    address = (f"fiches/?mot_cle={quote(keyword)}{'&distance=oui' if chosen.a_distance else ''}"
               f"&duree={chosen.duree}&q={quote(' '.join(words))}")
    page.goto(site_url + address)
    texts = card_texts(page)
    expected = [s.slug for s in catalogue.sheets
                if keyword in {slugify(word) for word in s.mots_cles} and (s.a_distance or not chosen.a_distance)
                and s.duree <= chosen.duree and all(fold(word) in texts[s.slug] for word in words)]
    assert chosen.slug in expected
    assert visible_cards(page) == expected
    assert page.get_by_label("Mot-clé").input_value() == keyword
    assert page.get_by_label("Faisable à distance").is_checked() == chosen.a_distance
    assert page.get_by_label("Durée de l'atelier").input_value() == str(chosen.duree)
    assert page.get_by_label("Mot ou expression").input_value() == " ".join(words)


def test_filters_work_from_the_keyboard_and_clearing_them_shows_everything(browser_page, site_url, catalogue):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site_url + "fiches/")
    texts = card_texts(page)
    page.get_by_role("button", name="Filtrer", exact=True).click()  # on a phone the filters are folded
    accented = [word for sheet in catalogue.sheets for word in sheet.titre.split() if fold(word) != word.lower()]
    word = next(w for w in accented if 0 < sum(fold(w) in text for text in texts.values()) < len(texts))
    page.get_by_label("Mot ou expression").focus()
    page.keyboard.type(fold(word).upper())  # typed without accents, in capitals: both are folded
    assert visible_cards(page) == [s.slug for s in catalogue.sheets if fold(word) in texts[s.slug]]
    assert query(page) == {"q": [fold(word).upper()]}
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


def test_a_keyword_of_a_sheet_leads_to_the_keyword_index(browser_page, site_url, catalogue):
    page = browser_page
    sheet = next(s for s in catalogue.sheets if s.mots_cles)
    keyword = sorted(sheet.mots_cles, key=slugify)[0]
    page.goto(site_url + f"fiches/{sheet.slug}/")
    page.locator(".md-tags").get_by_role("link", name=keyword, exact=True).click()
    page.wait_for_url(re.compile(rf"/mots-cles/#tag:{re.escape(slugify(keyword))}$"))
    listing = page.locator(f"[id='tag:{slugify(keyword)}'] + ul")
    expect(listing.get_by_role("link", name=sheet.titre, exact=True)).to_be_visible()


def sheets_to_search():
    sheets = build_catalogue(PROJECT).sheets
    return [sheets[0], sheets[-1]]


@pytest.mark.parametrize("sheet", sheets_to_search(), ids=lambda sheet: sheet.slug)
def test_search_finds_the_sheet_by_its_title(browser_page, site_url, sheet):
    page = browser_page
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(sheet.titre)
    result = page.locator(f".recherche-resultat a[href*='/fiches/{sheet.slug}/']").first
    result.wait_for(timeout=30_000)
    result.click()
    assert re.search(rf"/fiches/{sheet.slug}/$", page.url), page.url


def test_on_a_phone_the_results_come_first_and_the_filters_fold_behind_a_counting_button(browser_page, site_url,
                                                                                        catalogue):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    sheet = next(s for s in catalogue.sheets if s.mots_cles)
    page.goto(site_url + f"fiches/?phase={sheet.phase}&mot_cle={quote(slugify(sheet.mots_cles[0]))}")
    button = filters(page).get_by_role("button", name="Filtrer (2 actifs)")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_label("Mot ou expression")).to_be_hidden()
    assert sheet.slug in visible_cards(page)
    assert page.locator(".fiche-carte:visible").first.bounding_box()["y"] < 800  # a result on the first screen
    before = button.bounding_box()
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_label("Mot ou expression")).to_be_visible()
    assert button.bounding_box() == before  # nothing moved under the pointer
    filters(page).get_by_label("Phase").select_option("")
    expect(filters(page).get_by_role("button", name="Filtrer (1 actif)")).to_be_visible()
    page.get_by_role("button", name="Effacer les filtres").click()
    expect(filters(page).get_by_role("button", name="Filtrer", exact=True)).to_be_visible()

    # On a laptop the filters show with their heading, and no button folds them.
    page.set_viewport_size({"width": 1366, "height": 768})
    page.reload()
    expect(filters(page).get_by_role("button", name="Filtrer", exact=True)).to_be_hidden()
    expect(page.get_by_role("heading", name="Filtrer les fiches")).to_be_visible()
    expect(page.get_by_label("Mot ou expression")).to_be_visible()
