"""Integration: real MkDocs builds of the project and of fixture copies."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from support.bad_inputs.corpus import TINY_PNG
from support.project import PROJECT, copy_project, run_cli, run_mkdocs

PUBLIC_URLS = ["", "demarche/", "fiches/", "etudes-de-cas/", "enseignements/", "contribuer/", "a-propos/"]
PHASES = sorted(p.stem for p in (PROJECT / "phases").glob("*.md"))
CASES = sorted(p.parent.name for p in (PROJECT / "case_studies").glob("*/index.md"))


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def sheet_slugs() -> list[str]:
    return sorted(p.stem for p in (PROJECT / "methods").glob("*.md"))


def test_every_promised_url_exists(real_site):
    urls = PUBLIC_URLS + [f"demarche/{p}/" for p in PHASES] + [f"fiches/{s}/" for s in sheet_slugs()]
    urls += [f"etudes-de-cas/{slug}/" for slug in CASES]
    missing = [url for url in urls if not (real_site / url / "index.html").is_file()]
    assert missing == []


def test_pages_are_in_french(real_site):
    for url in PUBLIC_URLS:
        assert '<html lang="fr"' in page(real_site, url), url


def test_each_sheet_links_its_phase_and_shows_the_four_phases_in_navigation(real_site):
    for slug in sheet_slugs():
        html = page(real_site, f"fiches/{slug}")
        nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index("</nav>", html.index('md-nav--primary'))]
        for phase in PHASES:
            assert f'href="../../demarche/{phase}/"' in nav, (slug, phase)
        body = html[html.index('<article'):]
        assert re.search(r'Phase <a href="\.\./\.\./demarche/[a-z-]+/">', body), slug


def test_each_phase_page_links_its_sheets_in_pathway_order(real_site):
    from centre_ressources.pipeline import build_catalogue

    catalogue = build_catalogue(PROJECT)
    for phase in catalogue.phases:
        html = page(real_site, f"demarche/{phase.slug}")
        positions = [html.index(f'href="../../fiches/{f.slug}/"') for f in catalogue.sheets_of_phase(phase)]
        assert positions == sorted(positions), phase.slug


def test_pathway_continues_across_phase_boundaries(real_site):
    from centre_ressources.pipeline import build_catalogue

    catalogue = build_catalogue(PROJECT)
    last_of_first = catalogue.sheets_of_phase(catalogue.phases[0])[-1]
    first_of_second = catalogue.sheets_of_phase(catalogue.phases[1])[0]
    html = page(real_site, f"fiches/{last_of_first.slug}")
    assert f'Fiche suivante : <a href="../{first_of_second.slug}/">' in html


def test_sidebar_does_not_list_sheets_or_cases(real_site):
    html = page(real_site, "")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[:nav.index("</nav>")]
    assert not any(f"fiches/{slug}/" in nav for slug in sheet_slugs())
    assert not any(f"etudes-de-cas/{slug}/" in nav for slug in CASES)


def test_step_anchors_exist_on_sheet_pages(real_site):
    for slug in sheet_slugs():
        html = page(real_site, f"fiches/{slug}")
        assert 'id="etape-1"' in html and 'id="etape-2"' in html, slug


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(("site", ".venv", ".git")) or "__pycache__" in relative:
            continue
        digest.update(relative.encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_a_build_writes_nothing_into_the_sources(tmp_path):
    project = copy_project(tmp_path / "project")
    before = _tree_digest(project)
    result = run_mkdocs(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert _tree_digest(project) == before


def _existing_output(site_dir: Path) -> str:
    site_dir.mkdir(parents=True)
    (site_dir / "index.html").write_text("ancien site", encoding="utf-8")
    return "ancien site"


@pytest.mark.parametrize("command", ["mkdocs", "cli"])
def test_broken_front_matter_stops_the_build_in_french_and_keeps_the_old_site(tmp_path, command):
    project = copy_project(tmp_path / "project", content="mini")
    sheet = project / "methods" / "alpha.md"
    sheet.write_text(sheet.read_text().replace("duree: 90", "duree: [90"), encoding="utf-8")
    site_dir = project / "site"
    old = _existing_output(site_dir)
    if command == "mkdocs":
        result = run_mkdocs(project, site_dir)
    else:
        result = run_cli(project, "build")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "methods/alpha.md:9:" in output
    assert "en-tête YAML illisible" in output
    assert "Traceback" not in output
    assert (site_dir / "index.html").read_text(encoding="utf-8") == old
    assert sorted(p.name for p in site_dir.iterdir()) == ["index.html"]


def test_cli_build_swaps_in_a_complete_site(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    site_dir = project / "site"
    _existing_output(site_dir)
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    assert (site_dir / "fiches" / "alpha" / "index.html").is_file()
    assert not [p for p in project.iterdir() if p.name.startswith(".site")]


def test_cli_build_warns_while_site_url_is_the_example_address(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    config = project / "mkdocs.yml"
    assert re.search(r"^site_url: https://example\.org/$", config.read_text(encoding="utf-8"), re.M)
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr  # a warning, not an error
    assert "site_url vaut https://example.org/" in result.stderr and "code QR" in result.stderr
    config.write_text(re.sub(r"^site_url: .*$", "site_url: https://centre.example/ressources/",
                             config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    assert "site_url" not in result.stderr


def test_cli_check_reports_counts_and_errors(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    ok = run_cli(project, "check")
    assert ok.returncode == 0
    assert "4 fiches" in ok.stdout
    sheet = project / "methods" / "beta.md"
    sheet.write_text(sheet.read_text().replace("phase: premiere", "phase: premier"), encoding="utf-8")
    bad = run_cli(project, "check")
    assert bad.returncode == 1
    assert "methods/beta.md:3:1 : champ « phase » : aucune phase ne s'appelle « premier » ; " \
           "vouliez-vous dire « premiere » ?" in bad.stderr


def test_export_writes_the_generated_pages(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    result = run_cli(project, "export", str(tmp_path / "export"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "export" / "docs" / "fiches" / "alpha.md").read_text(encoding="utf-8")
    assert page.startswith("---\n") and "\ntitle:" in page.split("\n---\n")[0]
    assert "fiches/alpha.md" in (tmp_path / "export" / "pages-generees.txt").read_text(encoding="utf-8").split()


def test_export_refuses_a_folder_it_did_not_write_and_keeps_it(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "notes.txt").write_text("à garder", encoding="utf-8")
    result = run_cli(project, "export", str(folder))
    assert result.returncode == 1 and "ni vide ni un export précédent" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_a_content_error_leaves_the_previous_export_as_it_was(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    folder = tmp_path / "export"
    assert run_cli(project, "export", str(folder)).returncode == 0
    before = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    sheet = project / "methods" / "alpha.md"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("titre:", "titr:", 1), encoding="utf-8")
    result = run_cli(project, "export", str(folder))
    assert result.returncode == 1 and "alpha.md" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == before


def test_macros_are_not_applied_to_contributed_text(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    index = project / "case_studies" / "vallee-exemple" / "index.md"
    index.write_text(index.read_text().replace("Un récit de test.", "Calcul : {{ 7*191 }}"), encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "etudes-de-cas" / "vallee-exemple" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*191 }}" in html and "1337" not in html


def test_case_images_are_published_beside_the_case(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    folder = project / "case_studies" / "vallee-exemple"
    (folder / "carte.png").write_bytes(TINY_PNG)
    index = folder / "index.md"
    index.write_text(index.read_text() + "\n![Carte des acteurs](carte.png)\n", encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "etudes-de-cas" / "vallee-exemple" / "carte.png").read_bytes() == TINY_PNG
