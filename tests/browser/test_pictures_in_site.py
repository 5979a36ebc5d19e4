"""The pictures on the built site, in Chromium: each case page shows its map and its timeline,
the comparison page the timelines of every case side by side, the home page and /demarche/ the
cycle of the phases. What a screen reader gets (the accessibility tree) carries all their data;
at phone and desktop widths, in the light and the dark scheme (switched with Material's own
toggle), they fit the page, keep readable text and draw their lines with enough contrast.

Each picture is captured as a PNG in the test's temporary folder
(with `pytest --basetemp=DOSSIER`, in DOSSIER/captures/), to be looked at.
"""

from __future__ import annotations

import re

import pytest
import yaml

from centre_ressources.pipeline import build_catalogue
from centre_ressources.render.comparison import COMPARED_CASES_LIMIT
from support.project import PROJECT, copy_project, run_mkdocs

WIDTHS = {"telephone": 390, "ordinateur": 1280}
UNDOCUMENTED = "Non documenté dans la source."


def squash(text: str) -> str:
    return " ".join(str(text).split())


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(PROJECT)


def picture_pages(catalogue) -> dict[str, tuple[str, ...]]:
    """Every page that shows pictures -> the CSS selectors of its pictures."""
    pages = {"": ("figure.cycle",), "demarche/": ("figure.cycle",),
             "etudes-de-cas/comparaison/": ("figure.frise--comparee",)}
    for case in catalogue.cases:
        pages[f"etudes-de-cas/{case.slug}/"] = ("figure.carte", "figure.frise")
    return pages


ROLE = re.compile(r'^(?P<role>[a-z]+)(?: "(?P<name>.*)")?(?: \[[^\]]*\])*$', re.S)


def spoken(locator) -> str:
    """The names and texts of an element's accessibility tree, in order, as one string, without
    the roles and addresses (from Playwright's ARIA snapshot, which is YAML)."""
    words: list[str] = []

    def node_name(key: str) -> None:
        match = ROLE.match(key)
        if match is None:
            words.append(key)
        elif match["name"] is not None:
            words.append(match["name"])

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "/url":
                    continue
                node_name(str(key))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item) if not isinstance(item, str) else node_name(item)
        elif node is not None:
            words.append(str(node))

    walk(yaml.safe_load(locator.aria_snapshot()))
    return squash(" ".join(words))


def test_each_case_page_reads_its_whole_map_and_timeline_to_a_screen_reader(browser_page, site_url, catalogue):
    page = browser_page
    for case in catalogue.cases:
        page.goto(site_url + f"etudes-de-cas/{case.slug}/")
        assert page.get_by_role("figure", name=re.compile(f"^La communauté d'action de {case.commune}")).count() == 1
        heard = spoken(page.locator("figure.carte"))
        assert squash(case.question_strategique) in heard
        for item in (*case.objectifs_transformation, *case.categories_action):
            assert squash(item) in heard, item
        for actor in case.acteurs:
            assert f"{squash(actor.nom)} {squash(actor.role)}" in heard, actor.nom
        undocumented = (not case.objectifs_transformation) + (not case.categories_action) + (not case.acteurs)
        assert heard.count(UNDOCUMENTED) == undocumented

        assert page.get_by_role("figure", name=re.compile(f"^Le chemin de la communauté d'action de {case.commune}")).count() == 1
        heard = spoken(page.locator("figure.frise"))
        positions = [heard.index(f"{phase.numero} {phase.titre}") for phase in catalogue.phases]
        assert positions == sorted(positions)
        for entry in case.chronologie:
            label = squash(entry.titre or entry.texte)
            assert (f"{entry.periode} : {label}" if entry.periode else label) in heard, label


def test_the_comparison_reads_every_case_lane_with_its_moments(browser_page, site_url, catalogue):
    page = browser_page
    page.goto(site_url + "etudes-de-cas/comparaison/")
    figure = page.locator("figure.frise--comparee")
    lanes = figure.locator("ul.frises > li")
    assert lanes.count() == len(catalogue.cases)
    for index, case in enumerate(catalogue.cases):
        lane = spoken(lanes.nth(index))
        assert lanes.nth(index).get_by_role("link", name=case.commune, exact=True).count() == 1
        assert lane.startswith(case.commune + " 1 ")
        for phase in catalogue.phases:
            assert f"{phase.numero} {phase.titre}" in lane
        for entry in case.chronologie:
            assert squash(entry.titre or entry.texte) in lane


@pytest.mark.parametrize("url", ["", "demarche/"])
def test_the_cycle_links_each_phase_and_says_what_its_arrows_mean(browser_page, site_url, catalogue, url):
    page = browser_page
    page.goto(site_url + url)
    figure = page.get_by_role("figure", name="Les quatre phases forment un cycle")
    assert figure.count() == 1
    links = figure.get_by_role("link")
    assert links.all_inner_texts() == [f"{p.numero} {p.titre}" for p in catalogue.phases]
    for index, phase in enumerate(catalogue.phases):
        assert links.nth(index).get_attribute("aria-label") == f"{phase.numero}. {phase.titre}"
    links.first.click()
    page.wait_for_url(f"**/demarche/{catalogue.phases[0].slug}/")
    assert page.url.endswith(f"/demarche/{catalogue.phases[0].slug}/")
    # Back to the page by its address, not page.go_back(): history navigation sometimes
    # loses the page ("Not attached to an active page").
    page.goto(site_url + url)
    assert "« logiques de rétroaction »" in spoken(page.locator("figure.cycle"))


# Runs in the page: for one picture, what a reader at this width and in this scheme would
# meet — overflow, the smallest text, the contrast of lines and text against the page.
MEASURE = """(figure) => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map((v) => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  // A translucent colour (Material's lighter greys) is seen blended over the background.
  const over = (c, b) => { const [r, g, bl, a = 1] = rgb(c); const back = rgb(b);
    return [r, g, bl].map((v, i) => a * v + (1 - a) * back[i]); };
  const contrast = (a, b) => {
    const [x, y] = [luminance(over(a, b)), luminance(rgb(b))].sort((m, n) => n - m);
    return (x + 0.05) / (y + 0.05);
  };
  const background = getComputedStyle(document.body).backgroundColor;
  const box = figure.getBoundingClientRect();
  let overflow = 0, smallest = 100, textContrast = 100;
  for (const el of figure.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || el.closest(".visuellement-cache")) continue;
    overflow = Math.max(overflow, r.right - box.right, box.left - r.left);
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (own) {
      const style = getComputedStyle(el);
      smallest = Math.min(smallest, parseFloat(style.fontSize));
      textContrast = Math.min(textContrast, contrast(style.color, background));
    }
  }
  const lines = [...figure.querySelectorAll(".cycle-fleche, .cycle-phase, .frise-numero, .carte-niveau--question")]
    .filter((el) => el.getBoundingClientRect().width > 0)
    .map((el) => el.tagName === "svg" ? getComputedStyle(el).color : getComputedStyle(el).borderTopColor);
  return {
    overflow, smallest, textContrast,
    lineContrast: Math.min(100, ...lines.map((c) => contrast(c, background))),
    pageWidth: document.documentElement.scrollWidth,
  };
}"""


def layout(figure) -> str:
    """How the picture is laid out: its phases (stations or boxes) in a row, a column or a square."""
    boxes = [b for b in (figure.locator(".frise-etape, .cycle-phase").nth(i).bounding_box()
                         for i in range(min(4, figure.locator(".frise-etape, .cycle-phase").count()))) if b]
    if len(boxes) < 4:
        return "aucune"
    ys = [round(b["y"]) for b in boxes]
    xs = [round(b["x"]) for b in boxes]
    if len(set(ys)) == 1:
        return "ligne"
    if ys == sorted(ys) and len(set(ys)) == 4 and len(set(xs)) == 1:
        return "colonne"
    if ys[0] == ys[1] and ys[2] == ys[3] and xs[0] == xs[3] and xs[1] == xs[2] and xs[0] < xs[1]:
        return "carre"  # 1 top left, 2 top right, 3 bottom right, 4 bottom left: clockwise
    return "autre"


def capture(page, figure, path) -> None:
    """A PNG of the picture, cut from a capture of the whole page (an element capture scrolls
    it under Material's sticky header, which then covers its top)."""
    box = figure.evaluate("(el) => { const r = el.getBoundingClientRect();"
                          " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; }")
    page.screenshot(path=str(path), full_page=True, clip=box)


@pytest.mark.parametrize("device", WIDTHS)
def test_pictures_are_legible_on_a_phone_and_a_computer_in_both_schemes(browser, site_url, catalogue,
                                                                       tmp_path_factory, device):
    captures = tmp_path_factory.getbasetemp() / "captures"
    captures.mkdir(exist_ok=True)
    width = WIDTHS[device]
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900}, color_scheme="light")
    page = context.new_page()
    problems = []
    for url, selectors in picture_pages(catalogue).items():
        page.goto(site_url + url)
        for scheme in ("default", "slate"):
            if page.evaluate("document.body.dataset.mdColorScheme") != scheme:
                page.locator("form[data-md-component='palette'] label:visible").click()  # Material's toggle
            assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
            for selector in selectors:
                figure = page.locator(selector)
                where = f"{url or '/'} {selector} {width}px {scheme}"
                measured = figure.evaluate(MEASURE)
                if measured["overflow"] > 1 or measured["pageWidth"] > width:
                    problems.append(f"{where} : dépasse de la page ({measured})")
                if measured["smallest"] < 12:
                    problems.append(f"{where} : texte de {measured['smallest']} px")
                if measured["textContrast"] < 4.5 or measured["lineContrast"] < 3:
                    problems.append(f"{where} : contraste insuffisant ({measured})")
                expected = {("figure.cycle", "telephone"): "colonne", ("figure.cycle", "ordinateur"): "carre"}.get(
                    (selector, device), "colonne" if device == "telephone" else "ligne")
                if selector == "figure.carte":
                    expected = "aucune"
                if layout(figure) != expected:
                    problems.append(f"{where} : disposition « {layout(figure)} » au lieu de « {expected} »")
                name = f"{(url.strip('/').replace('/', '_') or 'accueil')}_{selector.split('.')[-1]}_{device}_{scheme}.png"
                capture(page, figure, captures / name)
    context.close()
    assert problems == [], "\n".join(problems)


THIRD_CASE = """---
titre: Troisième territoire
resume: Une communauté d'action fictive, ajoutée par un test pour vérifier que ses images se dessinent seules.
territoire:
  commune: Ville-Test
  type: urbain
structure_porteuse:
  nom: Maison des associations de test
  statut: municipal
theme: Un thème de test
question_strategique: Comment dessiner une étude de cas sans écrire de code ?
objectifs_transformation:
  - Un premier objectif de test
  - Un second objectif de test
categories_action: [Formation, Mise en réseau]
acteurs:
  - nom: Association Alpha
    role: forme les bénévoles du territoire
    categories: [Formation]
  - nom: Collectif Bêta
    role: relie les structures entre elles
    categories: [Formation, Mise en réseau]
  - nom: Fondation Gamma
    role: finance une partie du projet
chronologie:
  - phase: {first}
    periode: "2031"
    titre: Un titre de moment court
    texte: Le groupe de test s'est réuni pour la première fois, longuement.
  - phase: {third}
    texte: Un moment sans titre, que la frise montre en entier.
sources:
  - titre: Source de test
    editeur: Éditeur de test
mise_a_jour: 2031-03-01
---
Un récit de test.
"""


def page_text(html: str) -> str:
    return squash(re.sub(r"<[^>]+>", " ", html))


def test_a_new_case_study_gets_its_map_and_timeline_with_no_code_change(tmp_path, catalogue):
    project = copy_project(tmp_path / "project")
    folder = project / "case_studies" / "troisieme-territoire"
    folder.mkdir()
    phases = catalogue.phases  # the case's two moments sit in the first and third phases
    (folder / "index.md").write_text(THIRD_CASE.replace("{first}", phases[0].slug).replace("{third}", phases[2].slug),
                                     encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr

    html = (site / "etudes-de-cas" / "troisieme-territoire" / "index.html").read_text(encoding="utf-8")
    carte = html[html.index('<figure class="carte">'):]
    carte = carte[:carte.index("</figure>")]
    text = page_text(carte)
    assert "Question stratégique essentielle Comment dessiner une étude de cas sans écrire de code ?" in text
    assert "Objectifs de transformation Un premier objectif de test Un second objectif de test" in text
    # Actors sit under the categories the data gives them; the other one is shown apart.
    assert ("Catégories d'action Formation Association Alpha forme les bénévoles du territoire "
            "Collectif Bêta relie les structures entre elles Mise en réseau Collectif Bêta") in text
    assert "Autres acteurs et rôles Fondation Gamma finance une partie du projet" in text
    assert UNDOCUMENTED not in text

    frise = html[html.index('<figure class="frise">'):]
    text = page_text(frise[:frise.index("</figure>")])
    told = {0: "2031 : Un titre de moment court", 2: "Un moment sans titre, que la frise montre en entier."}
    expected = " ".join(f"{p.numero} {p.titre} {told.get(i, UNDOCUMENTED)}" for i, p in enumerate(phases))
    assert expected in text

    comparison = (site / "etudes-de-cas" / "comparaison" / "index.html").read_text(encoding="utf-8")
    lanes = re.findall(r'<p class="frise-territoire"><a href="([^"]+)">([^<]+)</a></p>', comparison)
    assert len(lanes) == min(len(catalogue.cases) + 1, COMPARED_CASES_LIMIT) and ("../troisieme-territoire/", "Ville-Test") in lanes
