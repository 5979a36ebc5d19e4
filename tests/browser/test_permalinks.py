"""Permalinks: step anchors that never change, old slugs that redirect, "copier le lien"."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from centre_ressources.catalogue import link
from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import build_catalogue, generate, load_content
from centre_ressources.publish.redirects import redirect_pages
from support.browser import serve_directory
from support.project import FIXTURES, PROJECT, copy_project, run_mkdocs


def sheet_with_steps(count: int):
    """The real site's first sheet with at least `count` steps: any valid catalogue has one."""
    return next(sheet for sheet in build_catalogue(PROJECT).sheets if len(sheet.deroule) >= count)


def add_alias(path, alias: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("mise_a_jour:", f"alias: [{alias}]\nmise_a_jour:", 1),
                    encoding="utf-8")


@pytest.fixture
def mini(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    """The mini fixture after a rename: sheet alpha was once called « ancienne-alpha »."""
    base = tmp_path_factory.mktemp("renamed")
    project = copy_project(base / "project", content="mini")
    add_alias(project / "methods" / "alpha.md", "ancienne-alpha")
    add_alias(project / "case_studies" / "vallee-exemple" / "index.md", "ancienne-vallee")
    site = base / "site"
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    with serve_directory(site) as url:
        yield site, url


def errors_of(root) -> list:
    with pytest.raises(ContentErrors) as caught:
        link(load_content(root))
    return caught.value.errors


def test_step_anchors_depend_on_position_only(mini):
    before = generate(mini)[1].pages["fiches/alpha.md"]
    sheet = mini / "methods" / "alpha.md"
    sheet.write_text(sheet.read_text().replace("titre: Produire", "titre: Produire ensemble, autrement"))
    after = generate(mini)[1].pages["fiches/alpha.md"]
    assert "### Étape 2 : Produire {#etape-2}" in before
    assert "### Étape 2 : Produire ensemble, autrement {#etape-2}" in after


def test_an_alias_used_by_two_sheets_is_an_error(mini):
    add_alias(mini / "methods" / "alpha.md", "ancienne")
    add_alias(mini / "methods" / "gamma.md", "ancienne")
    [error] = errors_of(mini)
    assert error.path == "methods/gamma.md" and error.field == "alias[1]"
    assert error.message == "l'alias « ancienne » est déjà utilisé par methods/alpha.md."


def test_an_alias_equal_to_the_current_slug_is_an_error(mini):
    add_alias(mini / "methods" / "beta.md", "beta")
    [error] = errors_of(mini)
    assert (error.path, error.field, error.message) == ("methods/beta.md", "alias[1]",
                                                        "un alias ne peut pas être le slug actuel.")


def test_a_case_alias_colliding_with_another_case_is_an_error(mini):
    shutil.copytree(mini / "case_studies" / "vallee-exemple", mini / "case_studies" / "autre-vallee")
    add_alias(mini / "case_studies" / "autre-vallee" / "index.md", "vallee-exemple")
    [error] = errors_of(mini)
    assert error.path == "case_studies/autre-vallee/index.md"
    assert "déjà utilisé par case_studies/vallee-exemple/index.md" in error.message


def test_redirect_page_has_refresh_canonical_visible_link_and_keeps_the_step(mini):
    add_alias(mini / "methods" / "alpha.md", "ancienne-alpha")
    catalogue = generate(mini)[0]
    pages = redirect_pages(catalogue, "https://example.org/")
    html = pages["fiches/ancienne-alpha/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../alpha/">' in html
    assert '<link rel="canonical" href="https://example.org/fiches/alpha/">' in html
    assert '<a href="../alpha/">https://example.org/fiches/alpha/</a>' in html
    assert 'window.location.replace("../alpha/" + window.location.hash)' in html
    assert '<html lang="fr">' in html and "<title>Nouvelle adresse : Fiche alpha</title>" in html


def test_old_addresses_of_sheets_and_cases_are_built(renamed_site):
    site, _ = renamed_site
    assert (site / "fiches" / "ancienne-alpha" / "index.html").is_file()
    assert (site / "etudes-de-cas" / "ancienne-vallee" / "index.html").is_file()
    assert (site / "fiches" / "alpha" / "index.html").is_file()


def test_an_old_slug_redirects_to_the_sheet_and_its_step(browser_page, renamed_site):
    _, url = renamed_site
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(url + "fiches/ancienne-alpha/#etape-2")
    page.wait_for_url(re.compile(r"/fiches/alpha/#etape-2$"))
    heading = page.locator("#etape-2")
    expect(heading).to_be_in_viewport()
    assert page.title().startswith("Fiche alpha")


def test_an_old_slug_redirects_without_javascript_too(browser, renamed_site):
    _, url = renamed_site
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto(url + "etudes-de-cas/ancienne-vallee/")
    page.wait_for_url(re.compile(r"/etudes-de-cas/vallee-exemple/$"))
    assert page.locator("h1").first.inner_text().startswith("La vallée exemple")
    context.close()


def test_a_step_link_scrolls_to_the_step(browser_page, site_url):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 700})
    sheet = sheet_with_steps(4)
    page.goto(site_url + f"fiches/{sheet.slug}/#etape-4")
    heading = page.locator("#etape-4")
    expect(heading).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 300  # the page did move down to the step


def test_copy_link_puts_the_permanent_step_address_in_the_clipboard(browser, site_url):
    context = browser.new_context(locale="fr-FR")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    sheet = sheet_with_steps(3)
    page.goto(site_url + f"fiches/{sheet.slug}/")
    button = page.get_by_role("button", name="Copier le lien de l'étape 3")
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator("#etape-3 + .copier-lien__ligne [role=status]")
    expect(status).to_have_text("Lien de l'étape 3 copié.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"https://example.org/fiches/{sheet.slug}/#etape-3"
    # The same address on this copy of the site lands on the step.
    page.goto(site_url + copied.removeprefix("https://example.org/"))
    expect(page.locator("#etape-3")).to_be_in_viewport()
    context.close()


def test_without_javascript_the_heading_permalink_remains(browser, site_url):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + f"fiches/{sheet_with_steps(3).slug}/")
    assert page.locator(".copier-lien").count() == 0
    assert page.locator("#etape-3 a.headerlink").get_attribute("href") == "#etape-3"
    context.close()



def test_redirect_pages_are_valid_html(renamed_site):
    """The real site has no renamed sheet yet, so the site-wide HTML check does not see these."""
    import json
    import subprocess

    from support.site_pages import npm_tool

    site, _ = renamed_site
    pages = [site / "fiches" / "ancienne-alpha" / "index.html", site / "etudes-de-cas" / "ancienne-vallee" / "index.html"]
    java = shutil.which("java")
    assert java, "Java est introuvable : lancez « bash scripts/node-deps.sh »."
    result = subprocess.run([java, "-jar", str(npm_tool("vnu-jar/build/dist/vnu.jar")), "--errors-only",
                             "--format", "json", *map(str, pages)], capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [m["message"] for m in messages if m["type"] in ("error", "non-document-error")] == []
