"""The post-build steps over a written site (centre_ressources/publish/finish.py), whichever
builder wrote it."""

from centre_ressources.publish.finish import finish_site, page_html_path, sanitize_article
from centre_ressources.render.deferred import DeferredParts
from centre_ressources.render.pictures.markup import Html

PAGE = ('<!doctype html><html><head><meta charset="utf-8"><script>var a=1</script></head><body>'
        '<input type="checkbox" autocomplete="off">'
        '<article class="md-content__inner md-typeset" data-pagefind-body>{}</article></body></html>')


def test_page_sources_are_found_where_directory_urls_write_them():
    assert page_html_path("index.md") == "index.html"
    assert page_html_path("fiches/index.md") == "fiches/index.html"
    assert page_html_path("fiches/alpha.md") == "fiches/alpha/index.html"


def test_only_the_article_is_sanitised():
    html = sanitize_article(PAGE.format('<p onclick="x()">texte</p><script>alert(1)</script>'))
    assert "<script>var a=1</script>" in html  # the layout's own script is kept
    assert "onclick" not in html and "alert(1)" not in html and "<p>texte</p>" in html


def test_generated_pages_get_their_pictures_then_every_page_its_fixes_and_policy(tmp_path):
    deferred = DeferredParts(terms=False)
    placeholder = deferred.picture("fiches/alpha.md", Html('<figure class="carte"><p>carte</p></figure>'))
    restored = DeferredParts.from_json(deferred.to_json())  # as `finish` reads it from the export
    (tmp_path / "fiches" / "alpha").mkdir(parents=True)
    generated = tmp_path / "fiches" / "alpha" / "index.html"
    generated.write_text(PAGE.format(f"<p>{placeholder.strip()}</p><p onclick='x()'>t</p>"), encoding="utf-8")
    hand_written = tmp_path / "index.html"
    hand_written.write_text(PAGE.format("<p onclick='x()'>écrit à la main</p>"), encoding="utf-8")
    finish_site(tmp_path, ["fiches/alpha.md"], restored, search_index=False)  # Pagefind: tests/build
    page = generated.read_text(encoding="utf-8")
    assert '<figure class="carte"><p>carte</p></figure>' in page and "onclick" not in page
    other = hand_written.read_text(encoding="utf-8")
    assert "onclick" in other  # hand-written pages are the site's own: not sanitised
    for html in (page, other):
        assert 'autocomplete="off"' not in html  # the theme's markup corrected
        assert html.count('http-equiv="Content-Security-Policy"') == 1


def test_a_style_sheet_the_theme_script_inserts_gets_its_hash(tmp_path):
    from centre_ressources.publish.csp import bundle_styles, source_hash

    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "bundle.1234.min.js").write_text(
        "var Tc='.u{color:red}';function f(o){o.appendChild(C(\"style\",{},Tc.toString()))}", encoding="utf-8")
    (tmp_path / "index.html").write_text(PAGE.format("<p>t</p>"), encoding="utf-8")
    assert bundle_styles(tmp_path) == [".u{color:red}"]
    finish_site(tmp_path, search_index=False)
    assert source_hash(".u{color:red}") in (tmp_path / "index.html").read_text(encoding="utf-8")
