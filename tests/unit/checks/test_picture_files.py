"""Beside a case study, only raster pictures whose first bytes are their format's, each named
with the characters an address takes as written."""

from __future__ import annotations

import pytest

from centre_ressources.checks.picture_files import picture_problems
from centre_ressources.content.reading import files_beside, pictures_beside
from support.bad_inputs.corpus import TINY_PNG

GENUINE = {
    "photo.png": TINY_PNG,
    "photo.jpg": b"\xff\xd8\xff\xe0 JFIF fictif",
    "photo_2.jpeg": b"\xff\xd8\xff\xdb",
    "photo.webp": b"RIFF\x00\x00\x00\x00WEBPVP8 ",
    "anime-1.gif": b"GIF89a fictif",
}


@pytest.fixture
def case(tmp_path):
    folder = tmp_path / "case_studies" / "exemple-fictif"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text("---\n---\n", encoding="utf-8")
    return folder


def problems(case, name: str, data: bytes) -> list[str]:
    (case / name).write_bytes(data)
    root = case.parent.parent
    return [error.format() for error in picture_problems(files_beside(case / "index.md"), root)]


@pytest.mark.parametrize("name", sorted(GENUINE))
def test_a_raster_picture_with_its_signature_passes_and_is_published(case, name):
    assert problems(case, name, GENUINE[name]) == []
    assert [p.name for p in pictures_beside(case / "index.md")] == [name]


@pytest.mark.parametrize("name,data", [
    ("dessin.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'),
    ("dessin.SVG", b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css)</style></svg>'),
])
def test_every_svg_is_refused_with_the_advice_to_export_it(case, name, data):
    assert problems(case, name, data) == [
        f"case_studies/exemple-fictif/{name}:1:1 : les dessins SVG ne sont pas acceptés : ouvert seul, un SVG peut "
        "exécuter du script au nom du site ; exportez le dessin en PNG (« Exporter » dans votre logiciel de dessin), "
        "ou en JPEG pour une photo, et liez l'image exportée."]
    assert pictures_beside(case / "index.md") == []


@pytest.mark.parametrize("name", ["compte-rendu.pdf", "notes.txt", "page.html", ".DS_Store", "photo.heic"])
def test_any_other_file_is_refused(case, name):
    [found] = problems(case, name, b"contenu fictif")
    assert found.startswith(f"case_studies/exemple-fictif/{name}:1:1 : « {name} » n'est pas une image acceptée : "
                            "seules des images PNG, JPEG, WebP ou GIF accompagnent une étude de cas")


@pytest.mark.parametrize("name", sorted(GENUINE))
def test_a_picture_that_is_not_what_its_name_says_is_refused(case, name):
    [found] = problems(case, name, b"<html><script>alert(1)</script></html>")
    assert "n'est pas une image" in found and "malgré son nom" in found


@pytest.mark.parametrize("name,suggested", [
    ("a<b>.png", "a-b.png"),
    ("h#1.png", "h-1.png"),
    ('dit "oui".png', "dit-oui.png"),
    ("deux\nlignes.png", "deux-lignes.png"),
    ("Photo Été.JPG", "photo-ete.jpg"),
    ("IMG_1234.JPEG", "img_1234.jpeg"),
    ("photo.jpg.png", "photo-jpg.png"),
    ("photo?x=1.png", "photo-x-1.png"),
])
def test_a_picture_name_an_address_would_not_take_as_written_is_refused_with_a_name_to_use(case, name, suggested):
    [found] = problems(case, name, TINY_PNG if name.lower().endswith(".png") else GENUINE["photo.jpg"])
    shown = name.replace("\n", "U+000A")
    assert found == (
        f"case_studies/exemple-fictif/{shown}:1:1 : le nom « {shown} » ne convient pas à l'adresse d'une image : "
        "n'y mettez que des lettres minuscules sans accents, des chiffres, des tirets (-) ou des tirets bas (_), "
        f"puis un seul point avant l'extension ; renommez le fichier, par exemple « {suggested} », et le lien qui "
        "le montre avec lui.")
