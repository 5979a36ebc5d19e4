"""A contributor's path: harmless editor quirks build, scaffolds pass, HTML stays script-free."""

from __future__ import annotations

import re
import unicodedata

import pytest

from centre_ressources.publish.sanitize import sanitize_html
from support.contributing import fill_in
from support.project import copy_project, run_cli, run_mkdocs


@pytest.mark.parametrize("quirk", ["crlf", "bom", "nfd"])
def test_harmless_editor_quirks_are_accepted(tmp_path, quirk):
    project = copy_project(tmp_path / "project", content="mini")
    path = project / "methods" / "alpha.md"
    text = path.read_text(encoding="utf-8").replace("Fiche alpha", "Fiche alpha, préparée")
    data = {
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "nfd": unicodedata.normalize("NFD", text).encode("utf-8"),
    }[quirk]
    path.write_bytes(data)
    result = run_mkdocs(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "fiches" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert "Fiche alpha, préparée" in html  # composed é, no stray BOM or carriage return
    assert "\ufeff" not in html and "\r" not in html


@pytest.mark.parametrize("kind,page", [("fiche", "fiches/nouvelle-fiche/index.html"),
                                       ("etude-de-cas", "etudes-de-cas/nouvelle-fiche/index.html")])
def test_new_is_refused_until_filled_in_then_builds(tmp_path, kind, page):
    project = copy_project(tmp_path / "project", content="mini")
    created = run_cli(project, "new", kind, "nouvelle-fiche")
    assert created.returncode == 0, created.stderr
    assert "Créé :" in created.stdout
    path = project / ("methods/nouvelle-fiche.md" if kind == "fiche" else "case_studies/nouvelle-fiche/index.md")
    scaffold = path.read_text(encoding="utf-8")

    refused = run_cli(project, "check")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    to_fill = [line for line in scaffold.split("\n") if "À compléter" in line and not line.lstrip().startswith("#")]
    assert len(to_fill) >= 5
    reported = [line for line in refused.stderr.split("\n") if "à remplir" in line or "à écrire" in line]
    assert len(reported) == len(to_fill)  # each one named, on its line
    lines = scaffold.split("\n")
    for number in (int(re.search(r"\.md:(\d+):", line)[1]) for line in reported):
        # on the placeholder's line, or on its field's when the text is a block below (`>-`, `|`)
        assert "À compléter" in lines[number - 1] or (
            lines[number - 1].rstrip().endswith((">-", "|")) and "À compléter" in lines[number])
    assert "champ « titre »" in refused.stderr

    path.write_text(fill_in(scaffold), encoding="utf-8")
    checked = run_cli(project, "check")
    assert checked.returncode == 0, checked.stderr
    built = run_cli(project, "build")
    assert built.returncode == 0, built.stderr
    assert "Un texte fictif, écrit pour le test" in (project / "site" / page).read_text(encoding="utf-8")


def test_new_refuses_an_existing_slug_and_a_bad_name(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    existing = run_cli(project, "new", "fiche", "alpha")
    assert existing.returncode == 1 and "methods/alpha.md existe déjà" in existing.stderr
    bad = run_cli(project, "new", "fiche", "Ma fiche")
    assert bad.returncode == 1 and "minuscules sans accents" in bad.stderr


def test_scaffold_comments_explain_each_field_in_french(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    run_cli(project, "new", "fiche", "nouvelle")
    text = (project / "methods" / "nouvelle.md").read_text(encoding="utf-8")
    assert "# Phase de la fiche. Valeurs possibles : premiere, seconde" in text
    assert "# Durée d'un atelier, en minutes" in text


@pytest.mark.parametrize("html", [
    '<p onclick="alert(1)">texte</p>',
    '<img src="x.png" onerror="alert(1)" alt="">',
    '<a href="javascript:alert(1)">lien</a>',
    '<a href="JaVaScRiPt:alert(1)">lien</a>',
    "<script>alert(1)</script>",
    '<iframe src="https://example.org"></iframe>',
    '<svg><script>alert(1)</script></svg>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">lien</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
])
def test_sanitiser_removes_every_way_to_run_script(html):
    cleaned = sanitize_html(html).lower()
    assert "<script" not in cleaned
    assert not re.search(r"\son\w+\s*=", cleaned)
    assert "javascript:" not in cleaned
    assert "<iframe" not in cleaned
    assert "data:text/html" not in cleaned


def test_sanitiser_keeps_what_pages_need():
    html = ('<h2 id="etape-1">Étape 1<a class="headerlink" href="#etape-1" title="Lien">¶</a></h2>'
            '<table><tbody><tr><td style="text-align: left">a</td></tr></tbody></table>'
            '<label for="f">Phase</label><select id="f" data-filtre="phase"><option value="1">1</option></select>'
            '<img src="carte.png" alt="Carte">')
    cleaned = sanitize_html(html)
    for fragment in ('id="etape-1"', 'href="#etape-1"', 'class="headerlink"', "text-align:left",
                     '<label for="f">', 'data-filtre="phase"', 'src="carte.png"', 'alt="Carte"'):
        assert fragment in cleaned, fragment


def test_attr_list_event_handler_never_reaches_the_html(tmp_path):
    """Even with the contributor check bypassed, the built page carries no handler."""
    from centre_ressources.checks import unsafe_markup as safety

    project = copy_project(tmp_path / "project", content="mini")
    path = project / "methods" / "alpha.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Rester simple.", "Rester simple.\n{: onclick=\"alert(1)\" }"), encoding="utf-8")
    assert safety.unsafe_markup  # the first line of defence exists; here we test the second
    patched = project / "hooks" / "content.py"
    hook = patched.read_text(encoding="utf-8")
    assert "from centre_ressources.site_build import SiteBuild" in hook
    patched.write_text(hook.replace(
        "from centre_ressources.site_build import SiteBuild",
        "import centre_ressources.checks.per_file as _rules\n_rules.text_problems = lambda *a: []\n"
        "from centre_ressources.site_build import SiteBuild"), encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "fiches" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert "Rester simple." in html
    assert "onclick" not in html
