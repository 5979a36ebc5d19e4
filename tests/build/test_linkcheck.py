"""The internal link checker (tests/linkcheck.py) finds what is broken, and only that."""

from pathlib import Path

from support.linkcheck import broken_links


def write(site: Path, name: str, body: str) -> None:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>", encoding="utf-8")


def test_working_links_and_anchors_pass(tmp_path):
    write(tmp_path, "index.html", '<a href="fiches/">x</a> <a href="fiches/alpha/#etape-2">y</a> <a href="#haut">z</a>'
          '<h1 id="haut">h</h1> <a href="https://ailleurs.example/">ext</a> <a href="mailto:a@b.c">m</a>')
    write(tmp_path, "fiches/index.html", '<a href="../">accueil</a> <a href="alpha/">alpha</a>')
    write(tmp_path, "fiches/alpha/index.html", '<h2 id="etape-2">2</h2><img src="../../carte.svg" alt="c">'
          '<a href="https://example.org/fiches/">canonique</a>')
    (tmp_path / "carte.svg").write_text("<svg/>", encoding="utf-8")
    assert broken_links(tmp_path, "https://example.org/") == []


def test_missing_pages_files_and_anchors_are_reported_with_their_line(tmp_path):
    write(tmp_path, "index.html", '<a href="fiches/gamma/">g</a>\n<a href="fiches/alpha/#etape-9">s</a>'
          '\n<a href="#nulle-part">n</a>\n<img src="absente.png" alt="a">'
          '\n<a href="https://example.org/disparue/">d</a>')
    write(tmp_path, "fiches/alpha/index.html", '<h2 id="etape-1">1</h2>')
    found = [str(b) for b in broken_links(tmp_path, "https://example.org/")]
    assert found == [
        "index.html:1 : fiches/gamma/ (page ou fichier introuvable)",
        "index.html:2 : fiches/alpha/#etape-9 (ancre #etape-9 introuvable)",
        "index.html:3 : #nulle-part (ancre #nulle-part introuvable)",
        "index.html:4 : absente.png (page ou fichier introuvable)",
        "index.html:5 : https://example.org/disparue/ (page ou fichier introuvable)",
    ]


def test_every_internal_link_and_anchor_of_the_built_site_resolves(real_site):
    from support.site_pages import configured_site_url, html_files

    assert len(html_files(real_site)) > 20
    broken = [str(b) for b in broken_links(real_site, configured_site_url())]
    assert broken == [], "\n".join(broken)
