"""The site built without MkDocs: `centre-ressources export`, `zensical build` (the version that
scripts/zensical-deps.sh pins), `centre-ressources finish`, compared with the MkDocs build of
the same project (`real_site`): the same pages, the same article text on each, the same
published files, and the quality checks of the MkDocs build passing on this one too.

One export and one Zensical build for the whole module; the MkDocs build is the session's.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from centre_ressources.export.configs import project_config
from centre_ressources.pipeline import build_catalogue
from centre_ressources.publish.csp import inline_scripts, inline_styles, source_hash
from centre_ressources.publish.files import each_published_file
from support.linkcheck import broken_links
from support.page_visits import SCHEMES, foreign_requests, visit_pages
from support.project import PROJECT, build_environment, run_cli, run_zensical
from support.site_compare import article_text, page_paths
from support.site_pages import configured_site_url, html_files, vnu_errors

# Where the two builders write a page differently, and why: none today. A difference found
# by the test is either a fault of the export (to correct) or one to list here, explained.
KNOWN_DIFFERENCES: dict[str, str] = {}

_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
_FILTER = re.compile(r'data-pagefind-filter="([^"]*)"')
_SITEMAP_ENTRY = re.compile(r"<loc>(.*?)</loc>\s*(?:<lastmod>(.*?)</lastmod>)?")


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("zensical") / "export"
    result = run_cli(PROJECT, "export", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def zensical_site(export) -> Path:
    built = run_zensical(export / "zensical.yml")
    assert built.returncode == 0, built.stdout + built.stderr
    site = export / "site"
    finished = run_cli(PROJECT, "finish", str(site), "--export", str(export))
    assert finished.returncode == 0, finished.stderr
    return site


def test_the_export_holds_no_python_callable_and_no_hook(export):
    for name in ("mkdocs.yml", "zensical.yml"):
        text = (export / name).read_text(encoding="utf-8")
        assert "!!python" not in text and "hooks:" not in text, name
    assert "{{" not in (export / "docs" / "contribuer.md").read_text(encoding="utf-8")


def test_the_exports_mkdocs_configuration_builds_the_same_site_with_material_alone(real_site, export):
    """The other target of the export: Material for MkDocs without hooks, macros nor callables."""
    site = export / "site-material"
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(export / "mkdocs.yml"),
                            "--site-dir", str(site)], capture_output=True, text=True,
                           env=build_environment())
    assert built.returncode == 0, built.stderr
    finished = run_cli(PROJECT, "finish", str(site), "--export", str(export))
    assert finished.returncode == 0, finished.stderr
    assert page_paths(site) == page_paths(real_site)
    differences = [page for page in sorted(page_paths(real_site))
                   if article_text((site / page).read_text(encoding="utf-8"))
                   != article_text((real_site / page).read_text(encoding="utf-8"))]
    assert differences == []


def test_every_page_of_the_mkdocs_build_is_in_the_zensical_build(real_site, zensical_site):
    mkdocs_files = {p.relative_to(real_site).as_posix() for p in html_files(real_site)}
    zensical_files = {p.relative_to(zensical_site).as_posix() for p in html_files(zensical_site)}
    assert sorted(mkdocs_files - zensical_files) == []
    assert page_paths(real_site) == page_paths(zensical_site)


def test_the_article_text_is_the_same_on_every_page(real_site, zensical_site):
    differences = {}
    for page in sorted(page_paths(real_site)):
        mkdocs_text = article_text((real_site / page).read_text(encoding="utf-8"))
        zensical_text = article_text((zensical_site / page).read_text(encoding="utf-8"))
        assert mkdocs_text, page  # the article is found: an empty text would compare equal
        if mkdocs_text != zensical_text and page not in KNOWN_DIFFERENCES:
            differences[page] = (mkdocs_text, zensical_text)
    assert differences == {}


def test_the_published_files_are_byte_identical(real_site, zensical_site):
    config = project_config(PROJECT / "mkdocs.yml")
    published = [path for path, _ in each_published_file(build_catalogue(PROJECT), config["site_url"],
                                                          config["site_name"], config["site_description"])]
    assert published
    different = [path for path in published
                 if (zensical_site / path).read_bytes() != (real_site / path).read_bytes()]
    assert different == []


def test_the_sitemaps_list_the_same_addresses_and_dates(real_site, zensical_site):
    def entries(site: Path) -> list[tuple[str, str]]:
        text = (site / "sitemap.xml").read_text(encoding="utf-8")
        assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == text
        return sorted(_SITEMAP_ENTRY.findall(text))

    assert entries(zensical_site) == entries(real_site)
    assert any(date for _, date in entries(zensical_site))  # the sheets' own dates


def test_the_json_ld_of_each_page_is_the_same(real_site, zensical_site):
    found = 0
    for page in sorted(page_paths(real_site)):
        mkdocs_data = [json.loads(b) for b in _JSONLD.findall((real_site / page).read_text(encoding="utf-8"))]
        zensical_data = [json.loads(b) for b in _JSONLD.findall((zensical_site / page).read_text(encoding="utf-8"))]
        assert zensical_data == mkdocs_data, page
        found += len(mkdocs_data)
    assert found


def test_the_search_indexes_the_same_pages_with_the_same_filters(real_site, zensical_site):
    def indexed(site: Path) -> dict[str, list[str]]:
        found = {}
        for path in html_files(site):
            html = path.read_text(encoding="utf-8")
            if "data-pagefind-body" in html:
                found[path.relative_to(site).as_posix()] = sorted(_FILTER.findall(html))
        return found

    assert indexed(real_site)
    assert indexed(zensical_site) == indexed(real_site)
    assert (zensical_site / "pagefind" / "pagefind.js").is_file()


def test_every_link_and_anchor_of_the_zensical_build_resolves(zensical_site):
    broken = [str(b) for b in broken_links(zensical_site, configured_site_url())]
    assert broken == [], "\n".join(broken)


def test_every_zensical_page_has_a_policy_that_hashes_its_inline_code(zensical_site):
    problems = []
    for path in html_files(zensical_site):
        html = path.read_text(encoding="utf-8")
        policies = _POLICY.findall(html)
        name = path.relative_to(zensical_site).as_posix()
        if len(policies) != 1:
            problems.append(f"{name} : {len(policies)} politique(s)")
            continue
        if "'unsafe-inline'" in policies[0]:
            problems.append(f"{name} : 'unsafe-inline'")
        code = inline_scripts(html) + inline_styles(html)
        problems += [f"{name} : code en ligne sans empreinte" for c in code if source_hash(c) not in policies[0]]
    assert problems == [], "\n".join(problems)


def test_every_zensical_page_is_valid_html(zensical_site):
    errors = vnu_errors(zensical_site)
    assert errors == [], "\n".join(errors)


@pytest.fixture(scope="module")
def zensical_visits(browser, zensical_site):
    from support.browser import serve_directory

    with serve_directory(zensical_site) as url:
        yield url, visit_pages(browser, url, zensical_site)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_wcag_violation_on_the_zensical_build(zensical_visits, scheme):
    _, visits = zensical_visits
    checked = [v for v in visits if v.scheme == scheme]
    assert checked and {v.rendered_scheme for v in checked} == {SCHEMES[scheme]}
    problems = [f"{v.url or '/'} : {line}" for v in checked for line in v.axe_violations]
    assert problems == [], "\n".join(problems)


def test_no_zensical_page_requests_another_host_nor_breaks_its_policy(zensical_visits):
    url, visits = zensical_visits
    assert all(v.requests for v in visits)
    foreign = [f"{v.url or '/'} [{v.scheme}] : {u}" for v in visits for u in foreign_requests(v.requests, url)]
    blocked = [f"{v.url or '/'} [{v.scheme}] : {line}" for v in visits for line in v.csp_violations]
    assert foreign + blocked == []


def test_the_site_search_answers_on_the_zensical_build(browser, zensical_visits, zensical_site):
    """The header search is the site's own (Pagefind, docs/assets/javascripts/recherche.js),
    in Zensical's header as in Material's: a sheet's title finds that sheet."""
    url, _ = zensical_visits
    sheet = next(p for p in sorted(page_paths(zensical_site)) if p.startswith("fiches/") and p.count("/") == 2)
    title = article_text((zensical_site / sheet).read_text(encoding="utf-8"))
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(url + sheet.removesuffix("index.html"))
    heading = page.locator("article h1").first.inner_text().rstrip("¶").strip()
    assert heading and heading in title
    page.locator("input.md-search__input").click()
    page.keyboard.type(heading)
    page.locator(".recherche-resultat").first.wait_for(timeout=15_000)
    links = page.locator(".recherche-resultat a").evaluate_all("links => links.map(l => new URL(l.href).pathname)")
    context.close()
    assert "/" + sheet.removesuffix("index.html") in links
