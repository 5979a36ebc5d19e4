"""Mon atelier (/atelier/) fitted to an evening, in Chromium, as a facilitator uses it:
« Ajuster à … » proposes the cuts the real sheets allow with little time, each accepted or
refused; times past midnight say so; the break suggestion says what it costs; a sheet split
by a move says « (suite) »; the merged materials say a quantity once; the start and end
fields line up; a printed sheet says its start next to its first time. Sheets, durations and
quantities are read from the built site's open data."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from centre_ressources.content.records import clock_minutes
from centre_ressources.render.pages import format_clock, format_duration
from support.axe import axe_violations_once_still, new_context
from support.edits import edit
from support.project import built_site, copy_project, published_sheets

END = "Heure de fin à ne pas dépasser (facultatif)"


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("ajuster") / "project", content="mini")
    # the same quantity in two sheets, another quantity of the same material in a third
    for name in ("alpha", "gamma"):
        edit(root, f"methods/{name}.md", "materiel:\n  - Des post-it",
             'materiel:\n  - "Des post-it : un bloc par table"\n  - "Des feutres : un par personne"')
    edit(root, "methods/beta.md", "materiel:\n  - Des post-it", 'materiel:\n  - "Des post-it : deux blocs par table"')
    return built_site(root)


@pytest.fixture(scope="module")
def mini_base(mini):
    from support.browser import serve_directory

    with serve_directory(mini) as address:
        yield address


def _sheets(site: Path) -> dict:
    return published_sheets(site)


@pytest.fixture
def page(browser):
    context = new_context(browser, "light", viewport={"width": 1366, "height": 900})
    context.errors = []
    page = context.new_page()
    page.on("pageerror", lambda error: context.errors.append(str(error)))
    yield page
    assert context.errors == []
    context.close()


def _open(page, base, plan, start="18:00", end=""):
    address = f"{base}atelier/#debut={start}" + (f"&fin={end}" if end else "") + f"&plan={plan}"
    page.goto(address)
    page.get_by_role("group", name="La séance").wait_for()
    page.locator(".atelier-bloc").first.wait_for()


def _set_end(page, value):
    page.get_by_label(END).fill(value)
    page.get_by_label(END).dispatch_event("change")


_minutes = clock_minutes
_axe = axe_violations_once_still


def _cuts(sheet) -> int:
    """What the sheet allows to cut with little time, in minutes."""
    return sum(s["duree"] if s["facultative"] else s["duree"] - (s["duree_minimale"] or s["duree"])
               for s in sheet["deroule"])


# --- fitting a duration, from the real sheets -----------------------------------------------

@pytest.fixture(scope="module")
def real_sheets(real_site):
    return _sheets(real_site)


def _evening(real_sheets):
    """Three sheets that allow the most cuts: a whole evening of them runs far too long."""
    chosen = sorted(real_sheets.values(), key=_cuts, reverse=True)[:3]
    assert len(chosen) == 3 and all(_cuts(s) for s in chosen)
    return chosen


def test_adjusting_to_the_end_time_proposes_the_cuts_the_sheets_allow_one_by_one(page, site_url, real_sheets):
    chosen = _evening(real_sheets)
    total = sum(s["duree"] for s in chosen)
    target = 150
    _open(page, site_url, "~".join(s["slug"] for s in chosen), "18:30", "21:00")
    button = page.get_by_role("button", name=f"Ajuster à {format_duration(target)}")
    button.click()
    panel = page.get_by_role("region", name=f"Ajuster à {format_duration(target)}")
    allowed = {(sheet["titre"], step["titre"]): step for sheet in chosen for step in sheet["deroule"]
               if step["facultative"] or step["duree_minimale"]}
    accepted = 0
    while panel.count() and panel.get_by_role("button", name=re.compile("^Accepter")).count():
        first = panel.get_by_role("button", name=re.compile("^Accepter")).first
        name = first.get_attribute("aria-label")
        match = re.search(r"l'étape « (.+) » \((.+)\)|la pause \((.+)\)", name)
        assert match, name
        sheet, title = (match[2], match[1]) if match[1] else (match[3], next(
            t for s, t in allowed if s == match[3] and allowed[(s, t)]["pause"]))
        assert (sheet, title) in allowed, name  # only what a sheet allows
        step = allowed[(sheet, title)]
        if name.startswith("Accepter : Raccourcir"):
            assert f"à {format_duration(step['duree_minimale'])}" in name
        first.click()
        accepted += 1
        page.locator(".atelier-annonce").filter(has_text=sheet).wait_for()
        # the focus stays in the flow: the next proposal, the end of it, or the session that fits
        focused = page.evaluate("document.activeElement.getAttribute('data-cle') || ''")
        assert re.match(r"coupe-oui-\d+|ajuster-fin|tient", focused), focused
    assert accepted
    rest = total - sum(_cuts(s) for s in chosen) - target
    summary = page.locator(".atelier-dynamique").inner_text()
    if rest > 0:
        assert f"la séance dépasse encore de {format_duration(rest)}" in summary
    else:
        assert "La séance tient avant 21 h 00" in summary
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_a_refused_cut_is_not_proposed_again_and_its_step_stays(page, site_url, real_sheets):
    chosen = _evening(real_sheets)
    _open(page, site_url, "~".join(s["slug"] for s in chosen), "18:30", "21:00")
    page.get_by_role("button", name=re.compile(r"^Ajuster à")).click()
    refuse = page.get_by_role("button", name=re.compile("^Refuser : .*l'étape")).first
    text = refuse.get_attribute("aria-label").removeprefix("Refuser : ")
    step = re.search(r"l'étape « (.+) » \(", text)[1]
    refuse.click()
    page.locator(".atelier-annonce").filter(has_text="Coupe refusée").wait_for()
    assert page.get_by_role("button", name=f"Accepter : {text}").count() == 0
    assert step in page.locator(".atelier-blocs").inner_text()


def test_without_an_end_time_or_when_it_fits_nothing_is_proposed(page, site_url, real_sheets):
    sheet = _evening(real_sheets)[0]
    _open(page, site_url, sheet["slug"], "18:00")
    assert page.get_by_role("button", name=re.compile(r"^Ajuster à")).count() == 0
    _set_end(page, format_clock(18 * 60 + sheet["duree"]).replace(" h ", ":").zfill(5))
    page.locator(".atelier-ok").wait_for()
    assert page.get_by_role("button", name=re.compile(r"^Ajuster à")).count() == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_while_adjusting(browser, site_url, real_sheets, scheme):
    chosen = _evening(real_sheets)
    for viewport in ({"width": 1366, "height": 900}, {"width": 390, "height": 844}):
        context = new_context(browser, scheme, viewport=viewport)
        page = context.new_page()
        _open(page, site_url, "~".join(s["slug"] for s in chosen), "18:30", "21:00")
        page.get_by_role("button", name=re.compile(r"^Ajuster à")).click()
        page.get_by_role("button", name=re.compile("^Accepter")).first.wait_for()
        assert _axe(page) == []
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        context.close()


# --- the clock, the break, the blocks, the materials, the fields --------------------------------

def test_times_past_midnight_say_it_is_the_next_day(page, mini_base, mini):
    sheet = _sheets(mini)["alpha"]
    start = 23 * 60
    _open(page, mini_base, "alpha", "23:00")
    end = start + sheet["duree"]
    assert end >= 1440
    next_day = f"{format_clock(end % 1440)} (lendemain)"
    times = page.locator(".atelier-etape .atelier-horaire").all_inner_texts()
    assert " ".join(times[-1].split()).endswith(next_day)
    assert times[0].split()[-1] != "(lendemain)"  # before midnight, nothing said
    assert page.locator(".atelier-resume .atelier-fin").inner_text() == next_day
    page.emulate_media(media="print")
    first = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text()
    assert "lendemain" in first


def test_the_break_suggested_says_what_it_costs_when_the_session_ends_at_the_end_time(page, mini_base, mini):
    sheets = _sheets(mini)
    total = sheets["alpha"]["duree"] + sheets["gamma"]["duree"]
    _open(page, mini_base, "alpha~gamma", "18:00")
    page.get_by_role("button", name="Ajouter cette pause").wait_for()  # no end time: it costs nothing said
    end = 18 * 60 + total
    _set_end(page, f"{end // 60:02d}:{end % 60:02d}")
    suggestion = page.locator(".atelier-suggestion")
    later = format_clock(end + 15)
    button = suggestion.get_by_role("button", name=f"Ajouter cette pause : fin à {later}")
    button.wait_for()
    assert f"finir la séance à {later}, 15 min après l'heure de fin choisie" in suggestion.inner_text()
    # with room for it, the break is suggested as it is
    _set_end(page, f"{(end + 30) // 60:02d}:{(end + 30) % 60:02d}")
    page.get_by_role("button", name="Ajouter cette pause", exact=True).wait_for()


def test_a_sheet_split_by_a_move_says_suite_on_its_second_block(page, mini_base, mini):
    sheets = _sheets(mini)
    _open(page, mini_base, "alpha~gamma")
    last = sheets["alpha"]["deroule"][-1]["titre"]
    page.get_by_role("button", name=f"Descendre l'étape « {last} »").first.click()
    titles = page.locator(".atelier-bloc__tete h3").all_inner_texts()
    assert titles == [sheets["alpha"]["titre"], sheets["gamma"]["titre"],
                      f"{sheets['alpha']['titre']} (suite)", f"{sheets['gamma']['titre']} (suite)"]
    assert page.get_by_role("button", name=f"Monter la fiche « {sheets['alpha']['titre']} » (suite)").count() == 1


def test_the_same_quantity_of_a_material_is_said_once_and_different_ones_with_their_sheets(page, mini_base, mini):
    sheets = _sheets(mini)
    _open(page, mini_base, "alpha~gamma~beta")

    def quantity(slug, name):
        return next(m.partition(" : ")[2] for m in sheets[slug]["materiel"] if m.startswith(name))

    same, shared = "Des feutres", quantity("alpha", "Des feutres")
    assert quantity("gamma", "Des feutres") == shared
    lines = page.locator(".atelier-materiel li").all_inner_texts()
    assert f"{same} : {shared}" in lines
    differ = next(line for line in lines if line.startswith("Des post-it"))
    for slug in ("alpha", "beta"):
        assert f"{quantity(slug, 'Des post-it')}" in differ and sheets[slug]["titre"] in differ
    assert differ.count(quantity("alpha", "Des post-it")) == 1
    page.emulate_media(media="print")
    paper = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert f"{same} : {shared}" in paper and f"{shared} ; {shared}" not in paper
    assert sheets["beta"]["titre"] in paper.split("Matériel à préparer")[1].split("Déroulé pas à pas")[0]


@pytest.mark.parametrize("width", [1366, 390])
def test_the_start_and_end_fields_line_up(browser, mini_base, width):
    context = new_context(browser, "light", viewport={"width": width, "height": 900})
    page = context.new_page()
    _open(page, mini_base, "alpha")
    start = page.get_by_label("Heure de début").bounding_box()
    end = page.get_by_label(END).bounding_box()
    side_by_side = abs(start["y"] - end["y"]) < 1
    assert side_by_side or abs(start["x"] - end["x"]) < 1, (start, end)
    if width >= 1000:
        assert side_by_side
    context.close()


def test_a_printed_sheet_says_its_start_next_to_its_first_time(page, mini_base, mini):
    sheet = _sheets(mini)["alpha"]
    page.goto(f"{mini_base}fiches/alpha/")
    page.emulate_media(media="print")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]
    first_time = f"de {format_clock(_minutes(sheet['debut']))} à {format_clock(_minutes(sheet['debut']) + sheet['deroule'][0]['duree'])}"
    where = next(text for text in pages if first_time in text)
    said = f"début à {format_clock(_minutes(sheet['debut']))}"
    assert said in where.split(first_time, 1)[1][:120]
