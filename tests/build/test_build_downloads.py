"""`centre-ressources build --pdf --hors-ligne` on the fixture site: the files are made,
published and linked; a plain build of the real site links to none of them."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from centre_ressources.downloads.offline_pack import PACK_FOLDER
from support.project import PROJECT, copy_project, run_cli

SHEETS = ("alpha", "beta", "delta", "gamma")
PHASES = ("premiere", "seconde")
ZIP = "centre-de-ressources-hors-ligne.zip"
_HREF = re.compile(r'href="([^":#]+\.(?:pdf|zip))"')  # relative links to a downloadable file


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("publication") / "project", content="mini")
    # The offline pack's shim, installed in the project by scripts/offline-deps.sh.
    shutil.copytree(PROJECT / "offline", root / "offline")
    return root


@pytest.fixture(scope="module")
def published(project) -> Path:
    result = run_cli(project, "build", "--pdf", "--hors-ligne")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "7 fichiers à télécharger" in result.stdout
    return project / "site"


def download_links(site: Path) -> dict[str, list[str]]:
    """Page -> the download links it holds (as written in its HTML)."""
    found = {}
    for page in site.rglob("*.html"):
        links = _HREF.findall(page.read_text(encoding="utf-8"))
        if links:
            found[page.relative_to(site).as_posix()] = links
    return found


def test_each_sheet_and_phase_kit_is_published_as_an_a4_pdf(published):
    folder = published / "telechargements"
    for slug in SHEETS:
        reader = PdfReader(folder / f"fiche-{slug}.pdf")
        assert round(float(reader.pages[0].mediabox.height)) in (842, 841)
    kit = PdfReader(folder / "kit-premiere.pdf")
    sizes = [len(PdfReader(folder / f"fiche-{s}.pdf").pages) for s in ("alpha", "beta")]
    # cover, blank back of the cover, alpha, a blank page if alpha ends on an odd page, beta
    assert len(kit.pages) == 2 + sizes[0] + sizes[0] % 2 + sizes[1]
    assert (folder / ZIP).stat().st_size > 100_000


def test_every_download_link_leads_to_its_file(published):
    links = download_links(published)
    for slug in SHEETS:
        assert links[f"fiches/{slug}/index.html"] == [f"../../telechargements/fiche-{slug}.pdf"]
    for slug in PHASES:
        assert links[f"demarche/{slug}/index.html"] == [f"../../telechargements/kit-{slug}.pdf"]
    assert len(links["telechargements/index.html"]) == 1 + len(SHEETS) + len(PHASES)
    for page, hrefs in links.items():
        for href in hrefs:
            assert (published / page).parent.joinpath(href).resolve().is_file(), (page, href)


def test_the_offline_pack_holds_the_pdf_files_and_links_to_them(published, tmp_path):
    with zipfile.ZipFile(published / "telechargements" / ZIP) as archive:
        archive.extractall(tmp_path)
    pack = tmp_path / PACK_FOLDER
    sheet = (pack / "fiches" / "alpha.html").read_text(encoding="utf-8")
    assert 'href="../telechargements/fiche-alpha.pdf"' in sheet
    assert (pack / "telechargements" / "fiche-alpha.pdf").is_file()
    assert (pack / "telechargements" / "kit-seconde.pdf").is_file()
    assert not (pack / "telechargements" / ZIP).exists()  # the pack does not hold itself
    downloads_page = (pack / "telechargements" / "index.html").read_text(encoding="utf-8")
    assert ZIP not in downloads_page
    # the page read inside the pack does not say that the pack is not offered
    assert "La version hors ligne n&#39;est pas proposée" not in downloads_page
    assert "La version hors ligne n'est pas proposée" not in downloads_page
    assert "Vous consultez la version hors ligne" in downloads_page
    online = (published / "telechargements" / "index.html").read_text(encoding="utf-8")
    assert "Vous consultez la version hors ligne" not in online


def test_a_build_without_the_files_links_to_none(real_site):
    # real_site: the project built with a plain `mkdocs build --strict`, no files produced.
    assert download_links(real_site) == {}
    assert not list((real_site / "telechargements").glob("*.pdf"))
    page = (real_site / "telechargements" / "index.html").read_text(encoding="utf-8")
    assert "ne sont pas proposées dans cette copie" in page


def test_without_a_browser_the_build_fails_in_french_and_keeps_the_previous_site(tmp_path, monkeypatch):
    root = copy_project(tmp_path / "project", content="mini")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("ancien site", encoding="utf-8")
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "absent" / "chromium"))
    result = run_cli(root, "build", "--pdf")
    assert result.returncode == 1
    assert "ce navigateur est introuvable" in result.stderr
    assert "le site précédent est laissé intact" in result.stderr
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "ancien site"

