"""Contributions that would leak, track or mislead are refused at their file (and line).

A symlink would publish the build machine's files; a remote image would tell another host of
every reader's visit; values that cannot be true together would mislead a facilitator; a
file, a picture or a list out of all proportion, or a YAML alias bomb, would slow every build.
"""

from __future__ import annotations

import pytest

from centre_ressources.checks.limits import MAX_LIST_ITEMS, MAX_PICTURE_BYTES
from centre_ressources.content.file_size import MAX_CONTENT_FILE_BYTES
from centre_ressources.pipeline import generate
from support.edits import edit, errors_of
from support.project import copy_project, run_cli, run_mkdocs

A = "methods/alpha.md"
CASE = "case_studies/vallee-exemple/index.md"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project", content="mini")




@pytest.mark.parametrize("target", ["outside", "inside"])
def test_a_symlink_is_refused_before_anything_is_read_or_published(project, tmp_path, target):
    secret = tmp_path / "secret.txt"
    secret.write_text("mot de passe du serveur de construction", encoding="utf-8")
    link = project / "case_studies" / "vallee-exemple" / "photo.png"
    link.symlink_to(secret if target == "outside" else project / "methods" / "alpha.md")
    site_dir = project / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("ancien site", encoding="utf-8")
    edit(project, CASE, "Un récit de test.", "Un récit de test.\n\n![Une photo](photo.png)")

    for result in (run_cli(project, "check"), run_mkdocs(project, site_dir), run_cli(project, "build")):
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output
        assert "case_studies/vallee-exemple/photo.png:1:1 : « case_studies/vallee-exemple/photo.png » " \
               "est un lien symbolique" in output
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "ancien site"


def test_a_symlinked_folder_or_page_is_refused_too(project):
    (project / "docs" / "copie.md").symlink_to(project / "methods" / "alpha.md")
    (project / "case_studies" / "raccourci").symlink_to(project / "case_studies" / "vallee-exemple")
    found = errors_of(project)
    assert [line.split(" : ")[0] for line in found] == ["case_studies/raccourci:1:1", "docs/copie.md:1:1"]


@pytest.mark.parametrize("written", [
    "![Un pixel](https://traceur.example/pixel.gif)",
    "![Un pixel](//traceur.example/pixel.gif)",
    '<img src="https://traceur.example/pixel.gif" alt="">',
    '<img src="photo.jpg" srcset="photo.jpg 1x, https://traceur.example/grande.jpg 2x" alt="">',
    '<video poster="https://traceur.example/affiche.jpg"></video>',
    '<p style="background: url(https://traceur.example/fond.png)">Texte</p>',
    "![Un pixel][pixel]\n\n[pixel]: https://traceur.example/pixel.gif",
])
def test_a_remote_resource_is_refused_at_its_line_with_the_fix(project, written):
    edit(project, CASE, "Un récit de test.", f"Un récit de test.\n\n{written}")
    found = errors_of(project)
    # A tag or attribute outside the allowlist (<video>, srcset, style) is refused for that too.
    assert all(error.startswith(f"{CASE}:38:1 : ") for error in found)
    remote = [error for error in found if "traceur.example" in error]
    assert len(remote) == 1
    assert "à côté de son fichier .md" in remote[0] and "![ce que montre l'image](nom-du-fichier.jpg)" in remote[0]


@pytest.mark.parametrize("written", [
    "Voir [le site de la ville](https://ville-exemple.example/).",
    "L'url (l'adresse) est donnée plus bas.",
    "Une image montrée comme du code : `![x](https://exemple.example/x.png)`.",
    "[ref]: https://exemple.example/\n\nVoir [la page][ref].",
])
def test_links_to_other_sites_and_code_stay_allowed(project, written):
    edit(project, CASE, "Un récit de test.", f"Un récit de test.\n\n{written}")
    generate(project)


def test_a_group_whose_minimum_is_above_its_maximum_is_refused(project):
    edit(project, A, "  min: 4\n  max: 10", "  min: 12\n  max: 10")
    assert errors_of(project) == [
        f"{A}:12:3 : champ « participants.max » : le maximum (10) est plus petit que le minimum (12) : "
        "inversez-les, ou corrigez l'un des deux."]


def test_steps_longer_than_the_workshop_are_refused(project):
    edit(project, A, "duree: 90", "duree: 60")
    assert errors_of(project) == [
        f"{A}:9:1 : champ « duree » : les étapes du déroulé durent 90 minutes en tout, plus que la durée de "
        "l'atelier (60 minutes) : allongez « duree » ou raccourcissez des étapes."]


@pytest.mark.parametrize("duration", ["0", "-10"])
def test_a_step_of_no_time_is_refused(project, duration):
    edit(project, A, "    duree: 30", f"    duree: {duration}")
    assert errors_of(project) == [
        f"{A}:21:5 : champ « deroule[1].duree » : la valeur {duration} est trop petite (minimum : 1)."]


def test_a_content_file_too_large_is_refused_unread(project):
    path = project / A
    path.write_text(path.read_text(encoding="utf-8") + "Un paragraphe.\n" * (MAX_CONTENT_FILE_BYTES // 10),
                    encoding="utf-8")
    found = errors_of(project)
    assert len(found) == 1 and found[0].startswith(f"{A}:1:1 : ce fichier pèse ")
    assert "plus que les 256 Ko permis" in found[0]


def test_a_glossary_too_large_is_refused_unread(project):
    (project / "glossary.yml").write_text("termes:\n" + "# un commentaire\n" * (MAX_CONTENT_FILE_BYTES // 10),
                                          encoding="utf-8")
    found = errors_of(project)
    assert len(found) == 1 and found[0].startswith("glossary.yml:1:1 : ce fichier pèse ")


def test_a_picture_too_large_is_refused(project):
    (project / "case_studies" / "vallee-exemple" / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"0" * MAX_PICTURE_BYTES)
    found = errors_of(project)
    assert len(found) == 1
    assert found[0].startswith("case_studies/vallee-exemple/photo.jpg:1:1 : cette image pèse 5,0 Mo, "
                               "plus que les 5,0 Mo permis")


def test_a_list_too_long_is_refused_at_its_line(project):
    goals = "".join(f"  - Objectif numéro {n}\n" for n in range(MAX_LIST_ITEMS + 1))
    edit(project, A, "objectifs:\n  - Vérifier le rendu\n", f"objectifs:\n{goals}")
    found = errors_of(project)
    assert found == [f"{A}:7:1 : champ « objectifs » : cette liste compte {MAX_LIST_ITEMS + 1} éléments, plus que "
                     f"les {MAX_LIST_ITEMS} permis : gardez l'essentiel, ou répartissez-le en plusieurs contenus."]


def test_a_yaml_alias_bomb_is_refused_at_once(project):
    bomb = "".join(f"b{n}: &b{n} [{', '.join([f'*b{n - 1}'] * 9)}]\n" for n in range(1, 9))
    edit(project, A, "mots_cles: [test]\n", "mots_cles: [test]\nb0: &b0 [x, x, x, x, x, x, x, x, x]\n" + bomb)
    found = errors_of(project)
    assert len(found) == 1 and "un alias YAML (« *nom ») répète ici un bloc écrit plus haut" in found[0]


@pytest.mark.parametrize("name,data", [
    ("photo.jpg", b"<html><script>alert(1)</script></html>"),
    ("photo.png", b"\xff\xd8\xff\xe0 a JPEG named .png"),
    ("dessin.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ("dessin.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'),
    ("dessin.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://traceur.example/p.gif"/></svg>'),
])
def test_a_picture_that_is_not_what_its_name_says_is_refused(project, name, data):
    (project / "case_studies" / "vallee-exemple" / name).write_bytes(data)
    found = errors_of(project)
    assert len(found) == 1 and found[0].startswith(f"case_studies/vallee-exemple/{name}:1:1 : ")
    assert "PNG" in found[0] and "JPEG" in found[0]


@pytest.mark.parametrize("name,data", [
    ("dessin.svg", b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'),
    ("dessin.SVG", b'<svg xmlns="http://www.w3.org/2000/svg"><svg:script xmlns:svg="http://www.w3.org/2000/svg">'
                   b'alert(1)</svg:script></svg>'),
    ("compte-rendu.pdf", b"%PDF-1.4 un document"),
    ("notes.txt", b"Des notes"),
])
def test_a_file_beside_a_case_that_is_not_a_raster_picture_is_refused(project, name, data):
    # An SVG opened on its own runs at the site's origin, whatever it hides its script in.
    (project / "case_studies" / "vallee-exemple" / name).write_bytes(data)
    found = errors_of(project)
    assert len(found) == 1 and found[0].startswith(f"case_studies/vallee-exemple/{name}:1:1 : ")
    assert "exportez" in found[0] and "PNG" in found[0]
