"""The offline pack: the real centre built once with the offline plugin and zipped, as
`centre-ressources build --hors-ligne` does; unzipped, then opened from file:// in Chromium."""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from centre_ressources import urls
from centre_ressources.content.records import DEFAULT_START, clock_minutes
from centre_ressources.downloads.make import make_offline_pack
from centre_ressources.downloads.offline_pack import (
    OFFLINE_VARIABLE,
    PACK_FOLDER,
    SHIM_URI,
    file_links,
    online_canonical,
    policy_for_file_urls,
)
from centre_ressources.pipeline import build_catalogue
from centre_ressources.render.pages import format_clock
from support.navigation import offline_address, walk_from_home
from support.project import PROJECT, offline_runner

SITE_URL = re.search(r"^site_url:\s*(\S+)", (PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
_LINK = re.compile(r'<(?:a|link|script|img)\b[^>]*?\b(?:href|src)="([^"]*)"')
_ID = re.compile(r'\bid="([^"]+)"')


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    """The offline pack, unzipped; built once for this module."""
    work = tmp_path_factory.mktemp("hors-ligne")
    downloads = work / "telechargements"
    downloads.mkdir()
    archive = make_offline_pack(offline_runner(PROJECT), work, downloads)
    assert archive.name == urls.OFFLINE_PACK.rsplit("/", 1)[-1]
    with zipfile.ZipFile(archive) as opened:
        assert {name.split("/", 1)[0] for name in opened.namelist()} == {PACK_FOLDER}
        opened.extractall(work / "decompresse")
    return work / "decompresse" / PACK_FOLDER


def _file_requests(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    return requests


def test_the_pack_opens_from_the_file_system_and_its_links_work(pack, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    requests = _file_requests(page)
    page.goto((pack / "index.html").as_uri())
    assert page.locator("h1").first.inner_text().startswith("Centre de ressources de la coopération territoriale")
    walk_from_home(page, (pack / "index.html").as_uri(), build_catalogue(PROJECT), offline_address)
    assert page.locator("#etape-1").inner_text().startswith("Étape 1")
    assert page.locator("link[rel=stylesheet]").count() >= 2
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"  # styled
    outside = [url for url in requests if not url.startswith(("file:", "data:", "about:"))]
    assert outside == []


def test_a_search_returns_results_offline(pack, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    requests = _file_requests(page)
    page.goto((pack / "index.html").as_uri())
    query = page.locator("input[data-md-component=search-query]")
    query.click()
    # Material says "Taper pour démarrer la recherche" once its index is loaded in the worker.
    # A locator waits without evaluating a string in the page (which the CSP may refuse).
    page.locator(".md-search-result__meta").filter(has_text="Taper").wait_for(timeout=20_000)
    query.press_sequentially("charte")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() >= 1
    assert "rediger-la-charte-de-cooperation.html" in " ".join(
        page.locator(".md-search-result__link").evaluate_all("links => links.map(l => l.href)"))
    page.locator(".md-search-result__link").first.click()
    assert page.url.startswith("file:") and ".html" in page.url
    assert page.locator("article").inner_text().lower().count("charte") >= 1
    assert [url for url in requests if not url.startswith(("file:", "data:", "about:"))] == []


def test_the_session_planner_works_from_the_file_system(pack, browser_page):
    """Mon atelier in the pack: a sheet added from its page, the plan with its clock times and
    the sheet's steps (loaded as scripts, which file:// allows), the facilitator's mode."""
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    requests = _file_requests(page)
    sheet = json.loads((pack / urls.API_SHEETS).read_text(encoding="utf-8"))["fiches"][0]
    page.goto((pack / "fiches" / f"{sheet['slug']}.html").as_uri())
    page.get_by_role("button", name="Ajouter la fiche à mon atelier").click()
    link = page.get_by_role("link", name="Voir mon atelier")
    page.locator(".atelier-ajout__etat").filter(has_text="ajoutée").wait_for()
    assert link.evaluate("a => a.href").split("#")[0] == (pack / "atelier.html").as_uri()  # the pack's own file
    link.click()
    assert page.url.split("#")[0].endswith("/atelier.html")
    page.locator(".atelier-bloc").wait_for()
    rows = page.locator(".atelier-etape")
    assert rows.count() == len(sheet["deroule"])
    first = sheet["deroule"][0]
    assert rows.first.locator(".atelier-horaire").inner_text().startswith(format_clock(clock_minutes(DEFAULT_START)))
    assert first["titre"] in rows.first.inner_text()
    assert page.locator(".atelier-bloc__tete a").get_attribute("href").endswith(f"fiches/{sheet['slug']}.html")
    page.get_by_role("button", name="Animer la séance").click()
    assert page.locator(".animation h2").inner_text() == first["titre"]
    assert [url for url in requests if not url.startswith(("file:", "data:", "about:"))] == []


def test_every_link_in_the_pack_leads_to_a_file_and_anchor_it_contains(pack):
    pages = {path: path.read_text(encoding="utf-8") for path in pack.rglob("*.html")}
    ids = {path: set(_ID.findall(text)) for path, text in pages.items()}
    broken = []
    for path, text in pages.items():
        for link in _LINK.findall(text):
            parts = urlsplit(link.replace("&amp;", "&"))
            if parts.scheme or link.startswith("//"):
                continue  # an external address (the sheets' permanent address online, licences)
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir() or not target.exists():
                broken.append(f"{path.relative_to(pack)} -> {link}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids[target]:
                if not parts.fragment.startswith("__"):  # Material's own targets (#__search …)
                    broken.append(f"{path.relative_to(pack)} -> {link} (ancre)")
    assert len(pages) > 30
    assert broken == []


def test_pages_of_the_pack_name_their_online_address_as_canonical(pack):
    canonical = re.compile(r'<link rel="canonical" href="([^"]+)"')
    catalogue = build_catalogue(PROJECT)
    for sheet in catalogue.sheets:
        page = (pack / "fiches" / f"{sheet.slug}.html").read_text(encoding="utf-8")
        assert canonical.search(page).group(1) == f"{SITE_URL}fiches/{sheet.slug}/"
    assert canonical.search((pack / "index.html").read_text(encoding="utf-8")).group(1) == SITE_URL
    for case in catalogue.cases:
        page = (pack / "etudes-de-cas" / case.slug / "index.html").read_text(encoding="utf-8")
        assert canonical.search(page).group(1) == f"{SITE_URL}etudes-de-cas/{case.slug}/"
    assert online_canonical('<link rel="canonical" href="https://e.org/a/b.html">') == (
        '<link rel="canonical" href="https://e.org/a/b/">')


def test_the_pack_loads_nothing_from_another_host(pack):
    assert (pack / SHIM_URI).is_file()
    for path in pack.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'<script[^>]+src="(https?:)?//', text), path
        assert not re.search(r'<link[^>]+rel="stylesheet"[^>]+href="(https?:)?//', text), path
    assert (pack / "search" / "search_index.js").is_file()


def test_the_online_site_keeps_its_clean_urls_and_strict_policy(real_site):
    slug = build_catalogue(PROJECT).sheets[0].slug
    assert (real_site / "fiches" / slug / "index.html").is_file()
    assert not (real_site / "fiches" / f"{slug}.html").exists()
    assert not (real_site / SHIM_URI).exists()
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in home and "unsafe-inline" not in home
    assert OFFLINE_VARIABLE not in os.environ


def test_offline_pages_let_inline_scripts_run_and_keep_every_other_directive():
    page = ('<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src '
            "'self'; script-src 'self' 'sha256-abc='; object-src 'none'\"></head>")
    relaxed = policy_for_file_urls(page)
    assert "script-src 'self' 'unsafe-inline'; object-src 'none'" in relaxed
    assert "default-src 'self';" in relaxed and "sha256" not in relaxed
    assert policy_for_file_urls("<p>sans politique</p>") == "<p>sans politique</p>"


def test_offline_links_to_folders_point_to_the_pack_files():
    files = {"index.html", "fiches/index.html", "fiches/x.html", "demarche/impulsion.html", "accessibilite.html"}
    page = ('<a href="x/">x</a> <a href="../demarche/impulsion/#etape-2">p</a> <a href="./">i</a> '
            '<a href="../accessibilite/">a</a> <a href="https://example.org/fiches/x/">web</a> '
            '<a href="absente/">?</a> <a href="x.html">deja</a>')
    assert file_links(page, "fiches/index.html", files) == (
        '<a href="x.html">x</a> <a href="../demarche/impulsion.html#etape-2">p</a> <a href="index.html">i</a> '
        '<a href="../accessibilite.html">a</a> <a href="https://example.org/fiches/x/">web</a> '
        '<a href="absente/">?</a> <a href="x.html">deja</a>')
    assert file_links('<a href="fiches/">f</a>', "index.html", files) == '<a href="fiches/index.html">f</a>'
    # Written for the online address fiches/x/ (one folder deeper than the file fiches/x.html).
    assert file_links('<a href="../../accessibilite/">a</a>', "fiches/x.html", files) == (
        '<a href="../accessibilite.html">a</a>')


def test_offline_links_to_files_written_for_the_online_address_reach_them():
    # The core writes a sheet's HTML parts for its online address fiches/x/: in the pack, the
    # page is the file fiches/x.html, one folder higher; a link already right stays as it is.
    files = {"fiches/x.html", "telechargements/fiche-x.pdf", "etudes-de-cas/v/index.html", "etudes-de-cas/v/carte.png"}
    page = '<a href="../../telechargements/fiche-x.pdf">PDF</a> <a href="../telechargements/fiche-x.pdf">déjà</a>'
    assert file_links(page, "fiches/x.html", files) == (
        '<a href="../telechargements/fiche-x.pdf">PDF</a> <a href="../telechargements/fiche-x.pdf">déjà</a>')
    assert file_links('<img alt="" src="carte.png">', "etudes-de-cas/v/index.html", files) == '<img alt="" src="carte.png">'
    assert file_links('<a href="absent.pdf">?</a>', "fiches/x.html", files) == '<a href="absent.pdf">?</a>'
