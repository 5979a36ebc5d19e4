"""Downloads and the printed address of a sheet, in the core (no build): what is linked when
the files exist and only then, the QR code's markup."""

from __future__ import annotations

import re
import shutil

import pytest

from centre_ressources import urls
from centre_ressources.downloads.listing import find_downloads
from centre_ressources.pipeline import generate
from centre_ressources.publish.sanitize import sanitize_html
from centre_ressources.render.pages import format_size
from centre_ressources.render.pictures.qrcode import qr_svg
from support.project import FIXTURES


@pytest.fixture
def mini_root(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def test_without_downloads_nothing_links_to_a_file(mini_root):
    _, site = generate(mini_root)
    generated = "\n".join(site.pages.values())
    assert "telechargements/fiche-" not in generated and "telechargements/kit-" not in generated
    assert ".zip" not in generated
    page = site.pages[urls.DOWNLOADS]
    assert "ne sont pas proposées dans cette copie" in page
    assert "La version hors ligne n'est pas proposée" in page
    assert {"Télécharger": urls.DOWNLOADS} in site.nav
    assert not any(uri.startswith(urls.DOWNLOADS_DIR + "/") for uri in site.assets)


def test_produced_files_are_published_and_linked_from_their_pages(mini_root, tmp_path):
    folder = tmp_path / "telechargements"
    folder.mkdir()
    (folder / "fiche-alpha.pdf").write_bytes(b"%PDF" + b"x" * 151_000)
    (folder / "kit-premiere.pdf").write_bytes(b"%PDF" + b"x" * 2_400_000)
    (folder / "centre-de-ressources-hors-ligne.zip").write_bytes(b"PK" + b"x" * 500)
    _, site = generate(mini_root, downloads_dir=folder)
    assert site.assets[urls.sheet_pdf("alpha")] == str(folder / "fiche-alpha.pdf")
    assert site.assets[urls.OFFLINE_PACK] == str(folder / "centre-de-ressources-hors-ligne.zip")
    alpha = site.pages[urls.sheet_page("alpha")]
    assert '<a href="../../telechargements/fiche-alpha.pdf">Télécharger cette fiche en PDF</a> (format A4, 151 ko)' in alpha
    assert "telechargements/" not in site.pages[urls.sheet_page("beta")]  # no file, no link
    phase = site.pages[urls.phase_page("premiere")]
    assert '<a href="../../telechargements/kit-premiere.pdf">Télécharger le kit de cette phase en PDF</a>' in phase
    assert "ses 2 fiches méthodes, dans l'ordre du parcours (format A4, 2,4 Mo)" in phase
    assert "telechargements/" not in site.pages[urls.phase_page("seconde")]
    page = site.pages[urls.DOWNLOADS]
    assert "(centre-de-ressources-hors-ligne.zip)" in page
    assert "[Kit de la phase première phase : 2 fiches méthodes (PDF, 2,4 Mo)](kit-premiere.pdf)" in page
    assert "[Fiche alpha (PDF, 151 ko)](fiche-alpha.pdf)" in page
    assert "Fiche beta (PDF" not in page


def test_a_sheet_carries_its_permanent_address_and_qr_code_when_the_site_url_is_known(mini_root):
    _, site = generate(mini_root, site_url="https://centre.example/ressources/")
    page = site.pages[urls.sheet_page("alpha")]
    address = "https://centre.example/ressources/fiches/alpha/"
    # printed in a narrow column: it may break after a slash, never inside a word
    assert f'<a href="{address}">https://centre.example/<wbr>ressources/<wbr>fiches/<wbr>alpha/</a>' in page
    assert re.search(rf'<svg role="img" aria-label="Code QR vers la version en ligne de cette fiche : {re.escape(address)}"', page)
    _, without = generate(mini_root)
    assert "<svg" not in without.pages[urls.sheet_page("alpha")]


def test_each_step_is_wrapped_in_a_block_and_keeps_its_anchor(mini_root):
    _, site = generate(mini_root)
    page = site.pages[urls.sheet_page("alpha")]
    blocks = re.findall(r'<div class="etape" markdown>\n\n(### Étape (\d+) : .*\{#etape-(\d+)\})', page)
    assert blocks and all(number == anchor for _, number, anchor in blocks)
    assert page.count('<div class="etape" markdown>') == page.count("### Étape ")


def test_the_qr_code_survives_the_sanitiser_and_is_named_for_screen_readers():
    svg = qr_svg("https://example.org/fiches/alpha/", "Code QR vers https://example.org/fiches/alpha/")
    # Nothing is removed: the sanitiser only writes <path …/> as <path …></path>.
    assert sanitize_html(svg) == re.sub(r"<path ([^>]*)/>", r"<path \1></path>", svg)
    assert svg.startswith('<svg role="img" aria-label="Code QR vers https://example.org/fiches/alpha/"')
    assert "<title>Code QR vers https://example.org/fiches/alpha/</title>" in svg
    assert re.search(r'<path [^>]*d="M4 4\.5h7', svg)  # the finder pattern, after the quiet zone


def test_sizes_read_as_a_french_reader_expects():
    assert format_size(400) == "1 ko"
    assert format_size(151_419) == "151 ko"
    assert format_size(3_541_983) == "3,5 Mo"


def test_find_downloads_lists_only_an_existing_folder(tmp_path):
    assert not find_downloads(None)
    assert not find_downloads(tmp_path / "absent")
    (tmp_path / "fiche-x.pdf").write_bytes(b"12345")
    found = find_downloads(tmp_path)
    assert found.get("telechargements/fiche-x.pdf").size == 5
