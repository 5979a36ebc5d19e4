"""The site's scripts hold against what strangers write, and against what an address or the
browser's storage holds, in Chromium.

The mini fixture site is built once with hostile content: a sheet, a case study and a phase
whose texts have a heading for every id the site's scripts, labels and aria references use
(`cr--x` in the sources: the heading « X » gets the id `x`, what such an id was before it had
its prefix), and a heading « Étape 1 » outside the sheet's steps. Then plans naming Object's
own properties, addresses and stored plans over the limits, a full plan, and a « Voir mon
atelier » link pointing elsewhere. Limits, storage key and ids are read from the sources, the
sheets and their steps from the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.axe import new_context
from support.edits import edit
from support.project import PROJECT, built_site, copy_project, published_sheets

PLAN_SCRIPT = (PROJECT / "docs/assets/javascripts/atelier/plan.js").read_text(encoding="utf-8")
MAX_ITEMS = int(re.search(r"A\.MAX_ITEMS = (\d+)", PLAN_SCRIPT).group(1))
MAX_ADDRESS = int(re.search(r"A\.MAX_ADDRESS = (\d+)", PLAN_SCRIPT).group(1))
STORAGE_KEY = re.search(r'A\.STORAGE_KEY = "([^"]+)"', PLAN_SCRIPT).group(1)
ELSEWHERE = "https://ailleurs.example/atelier/"


def _site_ids() -> list[str]:
    """Every id the site's own markup and scripts use, without its « cr-- » prefix."""
    found: set[str] = set()
    for folder in (PROJECT / "docs", PROJECT / "centre_ressources" / "render" / "templates"):
        for path in folder.rglob("*"):
            if path.suffix in {".js", ".html", ".md", ".j2", ".css"} and "vendor" not in path.parts:
                found.update(re.findall(r"cr--([a-z0-9]+(?:-[a-z0-9]+)*)", path.read_text(encoding="utf-8")))
    return sorted(found)


SCRIPT_IDS = _site_ids()


def _headings(level: str) -> str:
    """A heading whose text makes each id (« atelier-planificateur » <- « Atelier planificateur »)."""
    return "\n\n".join(f"{level} {name.replace('-', ' ').capitalize()}" for name in SCRIPT_IDS) + "\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("gate") / "project", content="mini")
    hostile = _headings("##") + "\n### Étape 1\n\nUne étape qui n'en est pas une.\n"
    edit(root, "case_studies/vallee-exemple/index.md", "## Récit\n", hostile + "\n## Récit\n")
    edit(root, "phases/premiere.md", "Texte de la première phase.", "Texte de la première phase.\n\n" + hostile)
    edit(root, "methods/beta.md", "## Conseils et pièges\n\nRester simple.",
         "## Conseils et pièges\n\nRester simple.\n\n" + _headings("###") + "\n### Étape 1\n\nUn conseil.")
    return built_site(root)


@pytest.fixture(scope="module")
def base(site):
    from support.browser import serve_directory

    with serve_directory(site) as address:
        yield address


@pytest.fixture(scope="module")
def sheets(site) -> dict:
    return published_sheets(site)


@pytest.fixture
def context(browser):
    context = new_context(browser, "light", viewport={"width": 1280, "height": 900})
    context.errors = []
    context.on("weberror", lambda error: context.errors.append(str(error.error)))
    yield context
    context.close()


def _heading(within, text: str):
    """A heading by its text (its « ¶ » permalink aside)."""
    return within.get_by_role("heading", name=re.compile("^" + re.escape(text) + r"\W*$"))


def _planner(page):
    page.get_by_role("group", name="La séance").wait_for()


def _alerts(page) -> str:
    return " ".join(page.locator(".atelier-alerte").all_inner_texts())


def _step_titles(page) -> list[str]:
    return page.locator(".atelier-etape__titre").all_inner_texts()


def _flat(text: str) -> str:
    """Text with the spaces between digits (« 8 000 ») left out."""
    return re.sub(r"(?<=\d)[\s\u202f\u00a0](?=\d)", "", text)


@pytest.mark.parametrize("path", ["etudes-de-cas/vallee-exemple/", "demarche/premiere/"])
def test_headings_named_as_the_scripts_elements_start_no_script(context, base, site, path):
    html = (site / path / "index.html").read_text(encoding="utf-8")
    assert 'id="atelier-planificateur"' in html and 'id="catalogue-filtres"' in html  # what was a script's
    page = context.new_page()
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    article = page.locator("article")
    for name in ("Atelier planificateur", "Atelier ajout", "Catalogue filtres", "Catalogue", "Formulaire etude de cas"):
        assert _heading(article, name).is_visible(), name
    assert page.get_by_role("group", name="La séance").count() == 0  # no planner
    assert article.get_by_role("button").count() == 0  # no « Ajouter », no « Copier le lien »
    assert article.get_by_role("form").count() == 0 and article.get_by_role("status").count() == 0
    assert page.get_by_role("link", name="Voir mon atelier").count() == 0
    # the other scripts of the page still run: the search in the header
    page.get_by_role("textbox", name="Rechercher").click()
    page.keyboard.type("réunir")
    page.locator(".recherche-resultat").first.wait_for(timeout=15_000)
    assert context.errors == [] and page.evaluate("window.__cspViolations") == []


def test_a_sheet_keeps_its_own_steps_and_buttons_whatever_its_text_holds(context, base, site, sheets):
    steps = sheets["beta"]["deroule"]
    html = (site / "fiches" / "beta" / "index.html").read_text(encoding="utf-8")
    assert 'id="atelier-planificateur"' in html and 'id="etape-1_1"' in html
    page = context.new_page()
    page.goto(base + "fiches/beta/")
    article = page.locator("article")
    article.get_by_role("button", name="Ajouter la fiche à mon atelier").wait_for()
    assert article.get_by_role("button", name="Ajouter la fiche à mon atelier").count() == 1
    assert article.get_by_role("button", name=re.compile(r"^Ajouter à mon atelier : ")).count() == len(steps)
    assert article.get_by_role("button", name=re.compile(r"^Copier le lien")).count() == len(steps)
    # the contributed « Étape 1 » has no button of its own: the next element is its text
    contributed = _heading(article, "Étape 1")
    assert contributed.evaluate("h => h.nextElementSibling.tagName") == "P"
    assert contributed.evaluate("h => h.nextElementSibling.querySelector('button')") is None
    assert page.get_by_role("group", name="La séance").count() == 0
    assert context.errors == []


def test_voir_mon_atelier_leads_to_the_site_s_own_planner_even_when_its_link_says_otherwise(context, base, sheets):
    page = context.new_page()

    def elsewhere(route):
        response = route.fetch()
        body = response.text().replace('id="cr--atelier-voir" href="../../atelier/"', f'id="cr--atelier-voir" href="{ELSEWHERE}"')
        assert ELSEWHERE in body
        route.fulfill(response=response, body=body)

    page.route(f"{base}fiches/alpha/", elsewhere)
    page.goto(base + "fiches/alpha/")
    link = page.get_by_role("link", name="Voir mon atelier")
    page.get_by_role("button", name="Ajouter la fiche à mon atelier").click()
    page.locator(".atelier-ajout__etat").filter(has_text="ajoutée").wait_for()
    assert link.evaluate("a => a.href").startswith(base + "atelier/#")
    link.click()
    _planner(page)
    assert page.url.startswith(base + "atelier/#")
    assert len(_step_titles(page)) == len(sheets["alpha"]["deroule"])


def test_markup_a_content_can_no_longer_write_starts_nothing_either(context, base):
    """What the build keeps out of contributed HTML (ids, classes, data-) written into a page
    anyway: the scripts look for none of it."""
    page = context.new_page()
    hostile = (f'<div class="atelier-ajout" id="atelier-ajout" data-atelier-fiche="alpha"><p><a href="{ELSEWHERE}">'
               'Voir mon atelier</a></p></div><div id="atelier-planificateur" class="atelier"></div>'
               '<h3 id="etape-1">Étape 1 : ailleurs</h3>'
               '<form id="catalogue-filtres"></form><div id="catalogue"></div><div data-recherche></div>')

    def inject(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("<h2 id=\"recit\"", hostile + "<h2 id=\"recit\"", 1))

    page.route(f"{base}etudes-de-cas/vallee-exemple/", inject)
    page.goto(base + "etudes-de-cas/vallee-exemple/")
    page.wait_for_load_state("networkidle")
    article = page.locator("article")
    assert _heading(article, "Étape 1 : ailleurs").is_visible()
    assert article.get_by_role("button").count() == 0
    assert page.get_by_role("group", name="La séance").count() == 0
    assert article.get_by_role("link", name="Voir mon atelier").get_attribute("href") == ELSEWHERE  # a link, left as written
    assert context.errors == []


def test_a_plan_naming_object_s_own_properties_opens_and_names_them(context, base, sheets):
    page = context.new_page()
    names = ["constructor", "__proto__", "hasOwnProperty", "toString", "valueof"]
    page.goto(base + "atelier/#debut=09:00&plan=" + "~".join(f"{name}.1" for name in names) + "~alpha.1")
    _planner(page)
    page.locator(".atelier-bloc").wait_for()
    alert = _alerts(page)
    assert "n'existent pas sur ce site" in alert
    assert all(name in alert for name in names), alert
    assert _step_titles(page) == [f"Étape 1 : {sheets['alpha']['deroule'][0]['titre']}"]
    # the planner works on: a sheet added from its list
    page.get_by_label("Fiche", exact=True).select_option("beta")
    page.get_by_role("button", name="Ajouter la fiche").click()
    page.locator(".atelier-annonce").filter(has_text="ajoutée").wait_for()
    assert len(_step_titles(page)) == 1 + len(sheets["beta"]["deroule"])
    assert page.evaluate("() => ({}).constructor === Object && Object.getPrototypeOf({}) === Object.prototype")
    assert context.errors == []


def test_a_stored_plan_naming_object_s_own_properties_opens_too(context, base, sheets):
    page = context.new_page()
    page.goto(base + "fiches/alpha/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [STORAGE_KEY, "debut=09:00&plan=constructor~__proto__.1~alpha.2_20~hasOwnProperty.3"])
    page.goto(base + "atelier/")
    _planner(page)
    page.locator(".atelier-bloc").wait_for()
    assert all(name in _alerts(page) for name in ("constructor", "__proto__", "hasOwnProperty"))
    assert _step_titles(page) == [f"Étape 2 : {sheets['alpha']['deroule'][1]['titre']}"]
    assert page.get_by_label(re.compile("^Durée de ")).first.input_value() == "20"
    assert context.errors == []


def _too_long() -> str:
    plan = "debut=09:00&plan=alpha.1~beta.1"
    return plan + "~alpha.2" * ((MAX_ADDRESS - len(plan)) // len("~alpha.2") + 1)


def _too_many_steps() -> str:
    return "debut=09:00&plan=" + "~".join(["_5"] * (MAX_ITEMS + 1))


def _too_many_once_unfolded(sheets) -> str:
    whole = MAX_ITEMS // len(sheets["alpha"]["deroule"]) + 1  # a slug alone stands for all its steps
    return "debut=09:00&plan=" + "~".join(["alpha"] * whole)


@pytest.mark.parametrize("make", [_too_long, _too_many_steps, _too_many_once_unfolded])
def test_an_address_over_the_limits_is_refused_in_french_and_the_stored_plan_opens(context, base, sheets, make):
    address = make(sheets) if make is _too_many_once_unfolded else make()
    assert len(address) > MAX_ADDRESS or address.count("~") >= MAX_ITEMS or make is _too_many_once_unfolded
    page = context.new_page()
    page.goto(base + "atelier/#debut=10:00&plan=gamma.1")  # this browser's plan
    page.locator(".atelier-bloc").wait_for()
    other = context.new_page()
    other.goto(f"{base}atelier/#{address}")
    _planner(other)
    other.locator(".atelier-bloc").wait_for()
    alert = _flat(_alerts(other))
    assert "n'a pas été ouvert" in alert and "L'atelier enregistré dans ce navigateur est ouvert à sa place" in alert
    assert f"au plus {MAX_ITEMS} étapes et pauses" in alert and f"au plus {MAX_ADDRESS} caractères" in alert
    assert _step_titles(other) == [f"Étape 1 : {sheets['gamma']['deroule'][0]['titre']}"]
    assert len(other.url.split("#", 1)[1]) < MAX_ADDRESS  # the address is the opened plan's
    # the page works: a new start time moves the clock times
    other.get_by_label("Heure de début").fill("14:00")
    other.get_by_label("Heure de début").dispatch_event("change")
    assert other.locator(".atelier-etape .atelier-horaire").first.inner_text().startswith("14 h 00")
    assert context.errors == []


def test_an_address_over_the_limit_in_a_fresh_browser_opens_an_empty_plan(context, base):
    page = context.new_page()
    page.goto(f"{base}atelier/#{_too_long()}")
    _planner(page)
    page.locator(".atelier-vide").wait_for()
    assert "Un atelier vide est ouvert à sa place" in _alerts(page)
    page.get_by_label("Fiche", exact=True).select_option("alpha")
    page.get_by_role("button", name="Ajouter la fiche").click()
    page.locator(".atelier-bloc").wait_for()
    assert context.errors == []


def test_a_stored_plan_over_the_limit_is_left_aside_once_and_for_all(context, base):
    page = context.new_page()
    page.goto(base + "fiches/alpha/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, "debut=09:00&plan=" + "alpha.1~" * 45_000])
    page.goto(base + "atelier/")
    _planner(page)
    page.locator(".atelier-vide").wait_for()
    assert "L'atelier enregistré dans ce navigateur dépassait les limites" in _alerts(page)
    assert len(page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY)) < MAX_ADDRESS
    page.reload()
    _planner(page)
    assert _alerts(page) == ""  # the next visit opens at once, with nothing to say
    assert context.errors == []


def test_the_limits_are_said_in_the_planner(context, base):
    page = context.new_page()
    page.goto(base + "atelier/")
    _planner(page)
    said = _flat(page.locator("#cr--atelier-planificateur").inner_text())
    assert f"au plus {MAX_ITEMS} étapes et pauses, et son lien au plus {MAX_ADDRESS} caractères" in said


def test_a_full_plan_takes_no_more_steps_nor_breaks(context, base):
    page = context.new_page()
    page.goto(f"{base}atelier/#debut=09:00&plan=" + "~".join(["_5"] * MAX_ITEMS))
    _planner(page)
    page.locator(".atelier-bloc").first.wait_for()
    assert page.locator(".atelier-etape").count() == MAX_ITEMS
    page.get_by_role("button", name="Insérer la pause").click()
    page.locator(".atelier-annonce").filter(has_text="ne tient plus").wait_for()
    assert page.locator(".atelier-etape").count() == MAX_ITEMS
    stored = page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY)
    sheet = context.new_page()
    sheet.goto(base + "fiches/alpha/")
    sheet.get_by_role("button", name="Ajouter la fiche à mon atelier").click()
    status = sheet.locator(".atelier-ajout__etat").filter(has_text="ne tient plus")
    status.wait_for()
    assert f"au plus {MAX_ITEMS} étapes" in _flat(status.inner_text())
    assert sheet.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) == stored
    assert context.errors == []
