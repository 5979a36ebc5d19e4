"""Mon atelier (/atelier/), end to end in Chromium: two sheets added from their pages and the
suggested break, a start at 18:30, the clock times and the end; the plan reopened from its link
in a fresh browser; blocks reordered from the keyboard; durations for this session only; the
run sheet printed on A4 with the agenda alone on its first page; the facilitator's mode, which
advances and counts down; the page without JavaScript; axe-core in both colour schemes; no
request to another host.

The site is built once for the module from the fictional sheets of tests/fixtures/mini, one of
them edited so that two sheets differ in group size and materials."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from centre_ressources.content.records import clock_minutes
from centre_ressources.render.pages import format_clock
from support.axe import axe_violations_once_still, new_context
from support.edits import edit
from support.keyboard import controls, tab_walk
from support.project import built_site, copy_project, published_sheets

SITE_URL = "https://exemple.org/"  # fictional; gives each sheet its permanent address and QR code


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("atelier") / "project", content="mini")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {SITE_URL}", config), encoding="utf-8")
    edit(root, "methods/gamma.md", "  min: 4\n  max: 10", "  min: 6\n  max: 12")
    edit(root, "methods/gamma.md", "materiel:\n  - Des post-it",
         'materiel:\n  - "Des post-it : un bloc par table"\n  - "Des feutres : un par personne"')
    # a long step title, as real sheets have: the planner's lists must still fit a phone
    edit(root, "methods/gamma.md", "  - titre: Ouvrir",
         "  - titre: Ouvrir la séance et dire pourquoi nous sommes réunis, ce que nous aurons fait à la fin")
    return built_site(root)


@pytest.fixture(scope="module")
def base(site):
    from support.browser import serve_directory

    with serve_directory(site) as address:
        yield address


@pytest.fixture(scope="module")
def sheets(site) -> dict:
    """The sheets as the site publishes them: the expected times come from their durations."""
    return published_sheets(site)


def _context(browser, scheme="light", **options):
    context = new_context(browser, scheme, **options)
    context.elsewhere = []
    context.on("request", lambda request: context.elsewhere.append(request.url)
               if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    return context


_axe = axe_violations_once_still
_clock = clock_minutes


def _add_from_sheet_pages(page, base, slugs):
    for slug in slugs:
        page.goto(f"{base}fiches/{slug}/")
        page.get_by_role("button", name="Ajouter la fiche à mon atelier").click()
        page.locator(".atelier-ajout__etat").first.filter(has_text="ajoutée").wait_for()


def _ready(page):
    """The planner drawn: its session's fields are there."""
    page.get_by_role("group", name="La séance").wait_for()


def _open_planner(page, base, start="18:30"):
    page.get_by_role("link", name="Voir mon atelier").first.click()
    _ready(page)
    page.wait_for_selector(".atelier-bloc")
    if start:
        page.get_by_label("Heure de début").fill(start)
        page.get_by_label("Heure de début").dispatch_event("change")


def _times(page) -> list[str]:
    return page.locator(".atelier-etape .atelier-horaire").all_inner_texts()


def _titles(page) -> list[str]:
    return page.locator(".atelier-bloc__tete h3").all_inner_texts()


@pytest.fixture
def planned(browser, base):
    """A browser in which alpha and gamma were added from their pages, then the suggested
    break; the planner open, starting at 18:30."""
    context = _context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _add_from_sheet_pages(page, base, ["alpha", "gamma"])
    _open_planner(page, base)
    page.get_by_role("button", name="Ajouter cette pause").click()
    page.locator(".atelier-bloc--pause").wait_for()
    yield page
    assert context.elsewhere == []
    context.close()


def test_two_sheets_and_a_break_from_their_pages_give_the_clock_times_and_the_end(planned, sheets):
    page = planned
    expected, clock = [], _clock("18:30")
    durations = [s["duree"] for s in sheets["alpha"]["deroule"]] + [15] + [s["duree"] for s in sheets["gamma"]["deroule"]]
    for minutes in durations:
        expected.append(f"{format_clock(clock)} – {format_clock(clock + minutes)}")
        clock += minutes
    assert _times(page) == expected
    assert _titles(page) == [sheets["alpha"]["titre"], "Pause", sheets["gamma"]["titre"]]
    assert page.locator(".atelier-resume .atelier-fin").inner_text() == format_clock(clock)
    # the break suggested after 90 minutes without one is where it was suggested
    assert page.locator(".atelier-suggestion").count() == 0
    # screen readers hear the new times
    page.locator(".atelier-annonce").filter(has_text=f"à {format_clock(clock)}").wait_for()
    # the group size suits both sheets: the overlap of 4–10 and 6–12
    assert "6 à 10 personnes" in page.locator(".atelier-resume").inner_text()
    # one merged checklist: the post-it once, with each sheet's quantity; gamma's felt pens
    materials = page.locator(".atelier-materiel li").all_inner_texts()
    assert len([m for m in materials if m.startswith("Des post-it")]) == 1
    assert "un bloc par table" in next(m for m in materials if m.startswith("Des post-it"))
    assert any(m.startswith("Des feutres") for m in materials)


def test_an_end_time_warns_when_the_session_overruns(planned):
    page = planned
    page.get_by_label("Heure de fin à ne pas dépasser (facultatif)").fill("21:00")
    page.get_by_label("Heure de fin à ne pas dépasser (facultatif)").dispatch_event("change")
    alert = page.locator(".atelier-alerte")
    alert.wait_for()
    end = _clock(page.locator(".atelier-resume .atelier-fin").inner_text().replace(" h ", ":"))
    assert f"dépasse de {end - _clock('21:00')} min" in alert.inner_text()


def test_the_link_reopens_the_same_plan_in_a_fresh_browser(planned, browser):
    page = planned
    page.get_by_label("Titre (facultatif)").fill("Soirée « enjeux » à Ville-Exemple")
    page.get_by_label("Titre (facultatif)").dispatch_event("change")
    page.get_by_label("Durée de « Produire » (min)").last.fill("45")
    page.get_by_label("Durée de « Produire » (min)").last.dispatch_event("change")
    page.locator(".atelier-annonce").filter(has_text="45 min").wait_for()
    assert "_45" in page.url
    link, times, titles = page.url, _times(page), _titles(page)
    fresh = _context(browser)  # no storage in common with the first browser
    other = fresh.new_page()
    other.goto(link)
    other.wait_for_selector(".atelier-bloc")
    assert _times(other) == times and _titles(other) == titles
    assert other.get_by_label("Titre (facultatif)").input_value() == "Soirée « enjeux » à Ville-Exemple"
    assert fresh.elsewhere == []
    fresh.close()


def test_a_duration_changed_for_the_session_leaves_the_sheet_as_it_is(planned, base, sheets):
    page = planned
    field = page.get_by_label("Durée de « Ouvrir » (min)").first
    field.fill("20")
    field.dispatch_event("change")
    page.locator(".atelier-annonce").filter(has_text="20 min").wait_for()
    assert ".1_20" in page.url
    assert _times(page)[1].startswith("18 h 50")
    assert "(fiche : 30 min)" in page.locator(".atelier-etape").first.inner_text()
    page.goto(f"{base}fiches/alpha/")
    assert "Durée : 30 min" in page.locator(".etape").first.inner_text()


def test_blocks_and_steps_are_reordered_from_the_keyboard(planned, sheets):
    page = planned
    down = page.get_by_role("button", name=f"Descendre la fiche « {sheets['alpha']['titre']} »")
    down.focus()
    page.keyboard.press("Enter")
    assert _titles(page) == ["Pause", sheets["alpha"]["titre"], sheets["gamma"]["titre"]]
    # the focus follows the block it moved, so that pressing again moves it further
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == down.get_attribute("aria-label")
    page.keyboard.press("Enter")
    assert _titles(page) == ["Pause", sheets["gamma"]["titre"], sheets["alpha"]["titre"]]
    page.locator(".atelier-annonce").filter(has_text="position 3 sur 3").wait_for()
    assert _times(page)[0] == f"18 h 30 – {format_clock(_clock('18:30') + 15)}"
    # a step within its block: Tab reaches the button, Space presses it
    first_step = page.locator(".atelier-bloc").nth(1).locator(".atelier-etape").first
    name = first_step.locator(".atelier-etape__titre").inner_text()
    first_step.get_by_label("Durée", exact=False).focus()
    page.keyboard.press("Tab")  # ↑
    page.keyboard.press("Tab")  # ↓
    page.keyboard.press("Space")
    second = page.locator(".atelier-bloc").nth(1).locator(".atelier-etape").nth(1)
    assert second.locator(".atelier-etape__titre").inner_text() == name


def test_the_run_sheet_prints_the_agenda_alone_on_its_first_page(planned, sheets):
    page = planned
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    reader = PdfReader(io.BytesIO(pdf))
    assert all(round(float(p.mediabox.width)) == 595 and round(float(p.mediabox.height)) == 842 for p in reader.pages)
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Feuille de route" in first.title() or "FEUILLE DE ROUTE" in first.upper()
    for time in _times(page):
        assert time.replace(" ", "") in first.replace(" ", "")
    assert "Matériel à préparer" not in first and "Ce que vous dites" not in first
    rest = " ".join(" ".join(p.extract_text().split()) for p in reader.pages[1:])
    assert "Matériel à préparer" in rest and "Notes" in rest
    invitation = sheets["alpha"]["deroule"][0]["invitation"]
    assert " ".join(invitation.split()[:6]) in rest
    assert "Voir mon atelier" not in first and "Animer la séance" not in first + rest  # no controls
    # the sheets' addresses, printed with QR codes that read back to them
    last = pypdfium2.PdfDocument(pdf)[len(reader.pages) - 1].render(scale=200 / 72).to_pil()
    codes = sorted(code.text for code in zxingcpp.read_barcodes(last))
    assert codes == sorted(f"{SITE_URL}fiches/{slug}/" for slug in ("alpha", "gamma"))


def test_the_facilitators_mode_advances_and_counts_down(browser, base, sheets):
    context = _context(browser, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.clock.install()
    _add_from_sheet_pages(page, base, ["alpha"])
    _open_planner(page, base)
    page.get_by_role("button", name="Animer la séance").click()
    dialog = page.locator(".animation[role=dialog]")
    steps = sheets["alpha"]["deroule"]
    assert dialog.locator("h2").inner_text() == steps[0]["titre"]
    assert " ".join(steps[0]["invitation"].split()[:5]) in dialog.inner_text()
    assert dialog.locator(".animation__compte").inner_text() == f"{steps[0]['duree']}:00"
    assert f"Ensuite, à {format_clock(_clock('18:30') + steps[0]['duree'])} : {steps[1]['titre']}" in dialog.inner_text()
    page.keyboard.press("ArrowRight")
    assert dialog.locator("h2").inner_text() == steps[1]["titre"]
    dialog.locator(".atelier-annonce").filter(has_text=f"Étape 2 sur {len(steps)}").wait_for()
    page.keyboard.press("ArrowLeft")
    assert dialog.locator("h2").inner_text() == steps[0]["titre"]
    remaining = f"Reste dans la séance : {sum(s['duree'] for s in steps) // 60} h"
    assert remaining in dialog.inner_text()
    page.keyboard.press("ArrowRight")  # the last step, then the countdown
    duration = steps[1]["duree"]
    dialog.get_by_role("button", name="Démarrer le minuteur").click()
    page.clock.run_for(61_500)  # the display ticks four times a second
    assert dialog.locator(".animation__compte").inner_text() == f"{duration - 2}:59"
    assert dialog.get_attribute("data-etat") == "normal"
    page.clock.run_for((duration - 2) * 60_000)  # 59 s left: it says so, in another colour
    assert dialog.get_attribute("data-etat") == "bientot"
    soon = dialog.locator(".animation__minuteur").evaluate("e => getComputedStyle(e).backgroundColor")
    page.clock.run_for(90_000)
    assert dialog.get_attribute("data-etat") == "fini"
    assert dialog.locator(".animation__compte").inner_text() == "+0:31"
    over = dialog.locator(".animation__minuteur").evaluate("e => getComputedStyle(e).backgroundColor")
    assert soon != over
    assert "Temps écoulé" in dialog.inner_text()
    context.set_offline(True)  # in a room without a connection, once the page is loaded
    page.keyboard.press("ArrowLeft")
    assert dialog.locator("h2").inner_text() == steps[0]["titre"]
    context.set_offline(False)
    page.keyboard.press("Escape")
    assert page.locator(".animation").count() == 0
    assert context.elsewhere == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_in_the_planner_its_modes_and_the_sheet(browser, base, scheme):
    for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        context = _context(browser, scheme, viewport=viewport)
        page = context.new_page()
        _add_from_sheet_pages(page, base, ["alpha", "gamma"])
        assert _axe(page) == []  # a sheet with its buttons and their messages
        _open_planner(page, base)
        page.get_by_label("Heure de fin à ne pas dépasser (facultatif)").fill("19:00")
        page.get_by_label("Heure de fin à ne pas dépasser (facultatif)").dispatch_event("change")
        page.locator(".atelier-alerte").wait_for()
        assert _axe(page) == []
        # nothing wider than the screen, on a phone as on a computer
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        page.get_by_role("button", name="Animer la séance").click()
        assert _axe(page) == []
        assert page.evaluate("window.__cspViolations") == []
        assert context.elsewhere == []
        context.close()


def test_without_javascript_the_page_says_what_it_does_and_links_the_sheets(browser, base):
    context = _context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "atelier/")
    notice = page.locator(".atelier-sans-js")
    assert notice.is_visible() and "JavaScript" in notice.inner_text()
    assert page.get_by_label("Heure de début").count() == 0  # no planner that would do nothing
    notice.get_by_role("link", name="catalogue des fiches méthodes").click()
    assert page.url == base + "fiches/"
    page.goto(base + "fiches/alpha/")
    assert page.locator(".atelier-ajout").is_hidden()  # no button that would do nothing
    context.close()


def test_chosen_steps_are_added_from_the_sheet_page_in_the_sheets_order(browser, base, sheets):
    context = _context(browser)
    page = context.new_page()
    page.goto(base + "fiches/alpha/")
    steps = sheets["alpha"]["deroule"]
    page.get_by_role("button", name=re.compile(rf"^Ajouter à mon atelier : Étape 2 : {steps[1]['titre']}")).click()
    page.locator(".atelier-ajout__etat").filter(has_text="Étape ajoutée").wait_for()
    page.get_by_role("button", name=re.compile(rf"^Ajouter à mon atelier : Étape 1 : {steps[0]['titre']}")).click()
    page.get_by_role("button", name=re.compile(r"^Ajouter à mon atelier : Étape 1")).click()
    page.locator(".atelier-ajout__etat").filter(has_text="déjà dans votre atelier").wait_for()
    _open_planner(page, base, start=None)
    titles = page.locator(".atelier-etape__titre").all_inner_texts()
    assert titles == [f"Étape 1 : {steps[0]['titre']}", f"Étape 2 : {steps[1]['titre']}"]
    assert context.elsewhere == []
    context.close()


def test_a_link_naming_what_the_site_lacks_opens_what_it_has(browser, base, sheets):
    context = _context(browser)
    page = context.new_page()
    page.goto(base + "atelier/#debut=25:99&plan=fiche-inconnue.1~alpha.9.1~_abc~%3Cscript%3E")
    page.wait_for_selector(".atelier-bloc")
    assert "fiche-inconnue" in page.locator(".atelier-alerte").inner_text()
    assert page.locator(".atelier-etape__titre").all_inner_texts() == [f"Étape 1 : {sheets['alpha']['deroule'][0]['titre']}"]
    assert page.get_by_label("Heure de début").input_value() == "18:00"  # an impossible hour is ignored
    assert page.evaluate("window.__cspViolations") == []
    context.close()


def test_a_block_is_dragged_with_the_mouse(planned, sheets):
    page = planned
    page.locator(".atelier-bloc").nth(2).drag_to(page.locator(".atelier-bloc").nth(0))
    assert _titles(page) == [sheets["gamma"]["titre"], sheets["alpha"]["titre"], "Pause"]
    page.locator(".atelier-annonce").filter(has_text="position 1 sur 3").wait_for()


def test_a_sheet_added_in_another_tab_appears_in_the_open_planner(browser, base, sheets):
    context = _context(browser)
    planner, sheet = context.new_page(), context.new_page()
    _add_from_sheet_pages(planner, base, ["alpha"])
    _open_planner(planner, base, start=None)
    _add_from_sheet_pages(sheet, base, ["gamma"])
    planner.locator(".atelier-bloc").nth(1).wait_for()
    assert _titles(planner) == [sheets["alpha"]["titre"], sheets["gamma"]["titre"]]
    planner.locator(".atelier-annonce").filter(has_text="autre onglet").wait_for()
    context.close()


def test_the_agenda_of_a_long_evening_still_fits_its_first_page(browser, base):
    context = _context(browser)
    page = context.new_page()
    blocks = "~".join(["alpha~_10~beta~gamma~delta"] * 3)  # 30 rows, breaks included
    page.goto(f"{base}atelier/#debut=09:00&plan={blocks}")
    page.wait_for_selector(".atelier-bloc")
    times = _times(page)
    assert len(times) == 30
    page.emulate_media(media="print")
    first = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True))).pages[0].extract_text()
    # past midnight, a time says « (lendemain) », on a line of its own on screen
    assert [time for time in times if "".join(time.split()) not in "".join(first.split())] == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tab_alone_reaches_every_control_of_the_planner_with_a_visible_focus(browser, base, scheme):
    context = _context(browser, scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _add_from_sheet_pages(page, base, ["alpha", "gamma"])
    _open_planner(page, base)
    page.reload()  # the walk starts from the top of the page
    page.wait_for_selector(".atelier-bloc")
    expected = controls(page)
    stops = tab_walk(page, limit=len(expected) + 20)
    reached = {stop.state["id"] for stop in stops}
    missing = [label for index, label in enumerate(expected) if str(index) not in reached]
    assert missing == [], "jamais atteints avec Tab :\n" + "\n".join(missing)
    unseen = [f"{stop.label} : {problem}" for stop in stops if (problem := stop.focus_problem())]
    assert unseen == [], "focus invisible :\n" + "\n".join(unseen)
    context.close()
