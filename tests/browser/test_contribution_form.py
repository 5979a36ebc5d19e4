"""The case-study form of /contribuer/, end to end in Chromium: a contributor fills it with the
labels she reads, the file it writes passes `centre-ressources check` and a strict build, its
mistakes are told in French next to their field, the draft survives a reload (a malformed one
comes back as far as it fits the form), the GitHub links carry the file, and axe-core finds
nothing in either colour scheme.

The site is built once for the module, from a copy of the project with a (fictional)
`repo_url` and the commented template of `centre-ressources new` in `extra`."""

from __future__ import annotations

import json
import math
import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from support.axe import AXE_TAGS, RUN_AXE, new_context
from support.project import PROJECT, copy_project, run_cli, run_mkdocs

REPO_URL = "https://github.com/exemple/centre-ressources"  # fictional
VENDORED = {  # docs/assets/vendor/<folder>: (npm package, its folder copied)
    "cfworker-json-schema": ("@cfworker/json-schema", "dist/esm"),
    "yaml": ("yaml", "browser"),
}
FORM_NAME = "Proposer une étude de cas"  # the form's heading
FORM_SCRIPT = (PROJECT / "docs/assets/javascripts/formulaire/formulaire.js").read_text(encoding="utf-8")
DRAFT_KEY = re.search(r'const DRAFT_KEY = "([^"]+)"', FORM_SCRIPT).group(1)
MAX_DRAFT = math.prod(int(n) for n in re.search(r"const MAX_DRAFT_CHARACTERS = ([\d *]+);", FORM_SCRIPT)
                      .group(1).split("*"))
MAX_LIST = int(re.search(r"const MAX_LIST_ITEMS = (\d+);", FORM_SCRIPT).group(1))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("form") / "project")
    scaffolded = run_cli(root, "new", "etude-de-cas", "mon-territoire")
    assert scaffolded.returncode == 0, scaffolded.stderr
    template = root / "case_studies" / "mon-territoire"
    text = (template / "index.md").read_text(encoding="utf-8")
    shutil.rmtree(template)
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\nrepo_url: {REPO_URL}\n")  # the template itself comes from the build
    (root / "modele.md").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(project) -> Path:
    site_dir = project / "site"
    result = run_mkdocs(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="module")
def url(site):
    from support.browser import serve_directory

    with serve_directory(site) as address:
        yield address + "contribuer/"


@pytest.fixture(scope="module")
def catalogue(site) -> dict:
    """Phases and sheets as the site publishes them: the test picks from them, whatever they are."""
    sheets = json.loads((site / "api" / "fiches.json").read_text(encoding="utf-8"))["fiches"]
    phases = {}
    for sheet in sheets:
        phases.setdefault(sheet["phase"]["slug"], {**sheet["phase"], "fiches": []})["fiches"].append(sheet)
    return {"phases": sorted(phases.values(), key=lambda p: p["numero"])}


def _context(browser, scheme="light", **options):
    context = new_context(browser, scheme, **options)
    # No request leaves the site, even with repo_url set (Material's header would ask GitHub's
    # API for the repository's stars: docs/overrides/partials/source.html keeps it from it).
    context.elsewhere = []
    context.on("request", lambda request: context.elsewhere.append(request.url)
               if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    return context


def _open(context, url):
    page = context.new_page()
    page.goto(url)
    page.get_by_role("form", name=FORM_NAME).wait_for()
    return page


def _axe(page) -> list[str]:
    return page.evaluate(f"(tags) => ({RUN_AXE})(tags)", AXE_TAGS)


ACTORS = [
    ("Maison des associations de Ville-Exemple", "anime la démarche"),
    ("Mairie de Ville-Exemple", "prête les salles"),
    ("Collectif des bénévoles", "relaie auprès des habitants"),
    ("Centre social de Ville-Exemple", "accueille les ateliers"),
]
MOMENTS = [
    ("2023", "Premier atelier", "Les associations de Ville-Exemple se réunissent pour la première fois."),
    ("2024", "Charte écrite", "Le groupe écrit une charte de coopération fictive."),
    ("", "", "Le collectif évalue ce qui a marché et ce qui a coincé."),
]


def _fill(page, catalogue) -> dict:
    """Fill the form as a contributor would; returns what she chose from the catalogue."""
    form = page.locator("form.cr-formulaire")
    form.get_by_label("Titre (obligatoire)", exact=True).fill("Une coopération fictive à Ville-Exemple")
    form.get_by_label("Résumé (obligatoire)", exact=True).fill(
        "Étude de cas fictive, pour les tests : à Ville-Exemple, les associations coopèrent.")
    form.get_by_label("Commune (obligatoire)").fill("Ville-Exemple")
    form.get_by_label("Type de territoire (obligatoire)").select_option("rural")
    form.get_by_label("Nom de la structure (obligatoire)").fill("Maison des associations de Ville-Exemple")
    form.get_by_label("Statut (obligatoire)").select_option("associatif")
    form.get_by_label("Thème (obligatoire)").fill("La vie associative locale")
    form.get_by_label("Question stratégique essentielle (obligatoire)").fill(
        "Comment mieux soutenir les bénévoles de Ville-Exemple ?")

    # Four actors, entered in the wrong order and a fifth by mistake: reordered and removed.
    order = [ACTORS[1], ACTORS[0], ACTORS[2], ACTORS[3], ("Acteur en trop", "aucun rôle")]
    for number, (name, role) in enumerate(order, start=1):
        page.get_by_role("button", name="Ajouter : Acteurs").click()
        actor = page.get_by_role("group", name=f"Acteurs, n° {number}", exact=True)
        assert actor.get_by_label("Nom de l'acteur (obligatoire)").evaluate("e => e === document.activeElement")
        actor.get_by_label("Nom de l'acteur (obligatoire)").fill(name)
        actor.get_by_label("Rôle (obligatoire)").fill(role)
    page.get_by_role("button", name="Descendre « Acteurs, n° 1 »").click()
    page.get_by_role("button", name="Retirer « Acteurs, n° 5 »").click()

    chosen = []
    phases = catalogue["phases"]
    for number, (period, title, text) in enumerate(MOMENTS, start=1):
        phase = phases[min(number - 1, len(phases) - 1)]
        sheet = phase["fiches"][0]
        chosen.append((phase, sheet))
        page.get_by_role("button", name="Ajouter : Chronologie").click()
        moment = page.get_by_role("group", name=f"Chronologie, n° {number}", exact=True)
        moment.get_by_label("Phase (obligatoire)").select_option(label=f"{phase['numero']}. {phase['titre']}")
        moment.get_by_label("Période").fill(period)
        moment.get_by_label("Titre du moment").fill(title)
        moment.get_by_label("Ce qui s'est passé (obligatoire)").fill(text)
        moment.get_by_label(sheet["titre"], exact=True).check()

    page.get_by_role("button", name="Ajouter : Sources").click()
    source = page.get_by_role("group", name="Sources, n° 1", exact=True)
    source.get_by_label("Titre de la source (obligatoire)").fill("Compte rendu fictif des ateliers")
    source.get_by_label("Éditeur (obligatoire)").fill("Maison des associations de Ville-Exemple")
    source.get_by_label("Année").fill("2024")
    page.get_by_label("Récit (facultatif)").fill("Une histoire inventée pour les tests du formulaire.")
    return {"moments": chosen}


def _submit(page) -> str:
    page.get_by_role("button", name="Vérifier et préparer le fichier").click()
    output = page.get_by_label("Contenu du fichier index.md", exact=False)
    output.wait_for()
    return output.input_value()


@pytest.fixture(scope="module")
def filled(browser, url, catalogue):
    """The form filled once; the page stays open for the tests that read it."""
    context = _context(browser, viewport={"width": 375, "height": 800})
    page = _open(context, url)
    chosen = _fill(page, catalogue)
    text = _submit(page)
    yield {"page": page, "text": text, **chosen}
    context.close()


def test_the_proposed_file_passes_check_and_builds_a_page_with_what_was_entered(filled, project, tmp_path):
    text = filled["text"]
    assert text.startswith("---\n# Étude de cas « une-cooperation-fictive-a-ville-exemple »")
    root = copy_project(tmp_path / "project")
    target = root / "case_studies" / "une-cooperation-fictive-a-ville-exemple" / "index.md"
    target.parent.mkdir()
    target.write_text(text, encoding="utf-8")
    checked = run_cli(root, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = run_mkdocs(root, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    page = (tmp_path / "site" / "etudes-de-cas" / "une-cooperation-fictive-a-ville-exemple" / "index.html"
            ).read_text(encoding="utf-8")
    # The page's text (glossary links and typography set aside), as a visitor reads it.
    html = " ".join(unescape(re.sub(r"<[^>]+>", "", page)).replace("\u2019", "'").replace("\u00a0", " ").split())
    for name, role in ACTORS:
        assert name in html and role in html
    assert html.index(ACTORS[0][0]) < html.index(ACTORS[1][0])  # the order set with "Descendre"
    assert "Acteur en trop" not in html
    for _, _, moment in MOMENTS:
        assert moment in html
    for phase, sheet in filled["moments"]:
        assert phase["titre"] in html and sheet["titre"] in html
    assert "Ville-Exemple" in html and "fictive" in html


def test_the_file_mirrors_the_template_key_order(filled, project):
    written = list(yaml.safe_load(filled["text"].split("---\n")[1]))
    template = list(yaml.safe_load((project / "modele.md").read_text(encoding="utf-8").split("---\n")[1]))
    assert [k for k in written if k in template] == [k for k in template if k in written]
    assert "# Titre : " in filled["text"]  # every field is commented with its schema title


def test_the_github_link_decodes_to_the_same_file(filled):
    href = filled["page"].get_by_role("link", name="Proposer sur GitHub").get_attribute("href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/new/main/case_studies"
    query = parse_qs(parts.query)
    assert query["filename"] == ["une-cooperation-fictive-a-ville-exemple/index.md"]
    assert query["value"] == [filled["text"]]
    assert len(href) <= 8000
    assert filled["page"].get_by_role("button", name="Télécharger le fichier").is_visible()


def test_the_download_gives_the_same_file(filled):
    page = filled["page"]
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger le fichier").click()
    assert download.value.suggested_filename == "index.md"
    assert Path(download.value.path()).read_text(encoding="utf-8") == filled["text"]


def test_the_preview_shows_the_text_as_text(filled):
    preview = filled["page"].locator(".cr-apercu")
    assert "Une coopération fictive à Ville-Exemple" in preview.inner_text()
    assert MOMENTS[1][2] in preview.inner_text()


def test_the_form_fits_a_phone(filled):
    page = filled["page"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_mistake_is_told_in_french_next_to_its_field(browser, url):
    context = _context(browser)
    page = _open(context, url)
    page.get_by_role("button", name="Ajouter : Chronologie").click()
    text = page.get_by_role("group", name="Chronologie, n° 1").get_by_label("Ce qui s'est passé (obligatoire)")
    text.fill("court")
    text.press("Tab")
    message = "ce texte est trop court (au moins 10 caractères)."
    assert text.get_attribute("aria-invalid") == "true"
    described = [page.locator(f"#{i}").inner_text() for i in text.get_attribute("aria-describedby").split()]
    assert any(message in d for d in described), described
    # On submitting, a summary lists every error, each a link to its field.
    page.get_by_role("button", name="Vérifier et préparer le fichier").click()
    summary = page.get_by_role("alert")
    assert summary.evaluate("e => e === document.activeElement")
    assert "champ « chronologie[1].texte » : " + message in summary.inner_text()
    assert "champ « titre » : ce champ obligatoire manque." in summary.inner_text()
    summary.get_by_role("link", name="Titre — champ « titre »", exact=False).click()
    assert page.get_by_label("Titre (obligatoire)", exact=True).evaluate("e => e === document.activeElement")
    assert _axe(page) == []
    text.fill("Un texte assez long cette fois.")
    text.press("Tab")
    page.wait_for_timeout(300)
    assert text.get_attribute("aria-invalid") is None
    context.close()


def test_the_draft_survives_a_reload_and_can_be_cleared(browser, url):
    context = _context(browser)
    page = _open(context, url)
    page.get_by_label("Titre (obligatoire)", exact=True).fill("Un brouillon de Ville-Exemple")
    page.get_by_role("button", name="Ajouter : Acteurs").click()
    page.get_by_role("group", name="Acteurs, n° 1").get_by_label("Nom de l'acteur (obligatoire)").fill("Mairie")
    page.wait_for_timeout(300)
    page.reload()
    page.get_by_role("form", name=FORM_NAME).wait_for()
    assert page.get_by_label("Titre (obligatoire)", exact=True).input_value() == "Un brouillon de Ville-Exemple"
    assert page.get_by_role("group", name="Acteurs, n° 1").get_by_label("Nom de l'acteur (obligatoire)").input_value() == "Mairie"
    page.get_by_role("button", name="Effacer le brouillon").click()
    page.get_by_role("button", name="Oui, effacer le brouillon").click()
    assert page.get_by_label("Titre (obligatoire)", exact=True).input_value() == ""
    page.reload()
    page.get_by_role("form", name=FORM_NAME).wait_for()
    assert page.get_by_label("Titre (obligatoire)", exact=True).input_value() == ""
    context.close()


def _hostile_draft() -> str:
    moment = {"phase": 12, "texte": ["une liste"], "inconnu": 1, "__proto__": {"pollue": True}}
    return json.dumps({"data": {"titre": "Un titre gardé", "__proto__": {"pollue": True}, "constructor": "oui",
                                "territoire": "pas un groupe", "acteurs": "pas une liste",
                                "chronologie": [moment] * (MAX_LIST + 5)}, "recit": 42})


@pytest.mark.parametrize("stored, title, notice", [
    (_hostile_draft(), "Un titre gardé", "Une partie du brouillon enregistré dans ce navigateur n'a pas pu être reprise"),
    ("{pas du JSON", "", "Le brouillon enregistré dans ce navigateur n'a pas pu être relu"),
    ("[1, 2, 3]", "", "Le brouillon enregistré dans ce navigateur n'a pas pu être relu"),
    (json.dumps({"data": {"titre": "x" * MAX_DRAFT}}), "", "Le brouillon enregistré dans ce navigateur n'a pas pu être relu"),
], ids=["champs-etrangers", "illisible", "pas-un-brouillon", "trop-grand"])
def test_a_malformed_draft_comes_back_as_far_as_it_fits_the_form_and_the_contributor_is_told(browser, url, stored,
                                                                                           title, notice):
    context = _context(browser)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [DRAFT_KEY, stored])
    page.reload()
    form = page.get_by_role("form", name=FORM_NAME)
    form.wait_for()
    assert form.get_by_text(notice).is_visible()
    assert page.get_by_label("Titre (obligatoire)", exact=True).input_value() == title
    assert form.get_by_role("group", name=re.compile(r"^Chronologie, n° ")).count() <= MAX_LIST
    assert page.evaluate("() => ({}).pollue === undefined && Object.getPrototypeOf({}) === Object.prototype")
    # the form works on: a change is kept as a draft of the right shape
    page.get_by_label("Titre (obligatoire)", exact=True).fill("Un nouveau titre")
    page.wait_for_timeout(300)
    kept = json.loads(page.evaluate("(key) => localStorage.getItem(key)", DRAFT_KEY))
    assert kept["data"]["titre"] == "Un nouveau titre" and "constructor" not in kept["data"]
    assert errors == []
    context.close()


def test_lists_work_with_the_keyboard_alone(browser, url):
    context = _context(browser)
    page = _open(context, url)
    page.get_by_role("button", name="Ajouter : Objectifs de transformation").focus()
    page.keyboard.press("Enter")
    page.keyboard.type("Mutualiser les salles")
    page.get_by_role("button", name="Ajouter : Objectifs de transformation").focus()
    page.keyboard.press("Space")
    page.keyboard.type("Former les bénévoles")
    page.get_by_role("button", name="Monter « Objectifs de transformation, n° 2 »").focus()
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Monter « Objectifs de transformation, n° 1 »"
    first = page.get_by_label("Objectifs de transformation, n° 1", exact=True)
    assert first.input_value() == "Former les bénévoles"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_filled_form(browser, url, catalogue, scheme):
    context = _context(browser, scheme)
    page = _open(context, url)
    _fill(page, catalogue)
    _submit(page)
    page.get_by_role("group", name="Chronologie, n° 1").get_by_label("Ce qui s'est passé (obligatoire)").fill("court")
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    assert _axe(page) == []
    assert page.evaluate("window.__cspViolations") == []
    assert context.elsewhere == []
    assert page.get_by_role("link", name="Dépôt", exact=False).count() + page.locator("a.md-source").count() >= 1
    context.close()


def test_without_javascript_the_page_gives_the_other_ways(browser, url):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    assert page.get_by_role("form", name=FORM_NAME).count() == 0
    issue = page.get_by_role("link", name="formulaire de ticket « Proposer une étude de cas »")
    assert issue.get_attribute("href") == f"{REPO_URL}/issues/new?template=proposer-une-etude-de-cas.yml"
    assert page.get_by_role("link", name="guide des contributions").get_attribute("href") == (
        f"{REPO_URL}/blob/main/CONTRIBUTING.md")
    context.close()


def test_the_template_link_opens_the_commented_template(browser, url, project):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    href = page.get_by_role("link", name="Ouvrir le modèle dans l'éditeur de GitHub").get_attribute("href")
    query = parse_qs(urlsplit(href).query)
    assert href.startswith(f"{REPO_URL}/new/main/case_studies?")
    assert query["filename"] == ["mon-territoire/index.md"]
    assert query["value"] == [(project / "modele.md").read_text(encoding="utf-8")]
    context.close()


def test_without_repo_url_the_form_offers_the_download_only(real_site):
    html = (real_site / "contribuer" / "index.html").read_text(encoding="utf-8")
    assert 'data-depot=""' in html and "github.com" not in html.split("<article")[1].split("</article>")[0]


def _vendored_pairs():
    for folder, (package, copied) in VENDORED.items():
        source = PROJECT / "node_modules" / package / copied
        target = PROJECT / "docs" / "assets" / "vendor" / folder
        expected = sorted(p.relative_to(source).as_posix() for p in source.rglob("*.js"))
        found = sorted(p.relative_to(target).as_posix() for p in target.rglob("*.js"))
        yield package, source, target, expected, found


def test_vendored_libraries_equal_node_modules_at_the_lockfile_version():
    lock = json.loads((PROJECT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    declared = json.loads((PROJECT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    for package, source, target, expected, found in _vendored_pairs():
        assert package in declared
        installed = json.loads((PROJECT / "node_modules" / package / "package.json").read_text(encoding="utf-8"))
        assert installed["version"] == lock[f"node_modules/{package}"]["version"], (
            f"{package} : node_modules n'est pas à la version de package-lock.json (bash scripts/node-deps.sh)")
        assert found == expected, f"{target} : lancez bash scripts/vendor-js.sh"
        for name in expected:
            assert (target / name).read_bytes() == (source / name).read_bytes(), (
                f"{target / name} diffère de node_modules : lancez bash scripts/vendor-js.sh")
        assert (target / "LICENSE").is_file()


def test_the_form_scripts_never_write_html_or_run_strings():
    for path in (PROJECT / "docs" / "assets" / "javascripts" / "formulaire").glob("*.js"):
        code = path.read_text(encoding="utf-8")
        for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert forbidden not in code, f"{path.name} : {forbidden}"
