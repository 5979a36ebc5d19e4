"""The pieces of the export (centre_ressources/export/): the variables of hand-written pages
rendered, the configurations without hooks, callables nor the project's own extensions."""

import yaml

from centre_ressources.export.configs import TARGETS, project_config, target_config
from centre_ressources.export.macros import render_macro_page


def test_variables_are_rendered_only_on_pages_that_ask_for_them():
    config = {"repo_url": None, "extra": {"a": 1}}
    asked = "---\ntitle: C\nrender_macros: true\n---\n{{ nombre_fiches }} fiches, {{ config.extra.nombre_fiches }}, " \
            "{{ (config.repo_url or 'aucun') }}, {{ page.url }}, {{ config.extra.a }}\n"
    rendered = render_macro_page(asked, "contribuer.md", config, {"nombre_fiches": 7})
    assert rendered == "---\ntitle: C\n---\n7 fiches, 7, aucun, contribuer/, 1\n"
    plain = "---\ntitle: D\n---\n{{ nombre_fiches }}\n"
    assert render_macro_page(plain, "d.md", config, {"nombre_fiches": 7}) == plain


def test_configurations_keep_the_site_and_drop_what_needs_the_hooks(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: S\nsite_url: https://example.org/\ntheme:\n  name: material\n  custom_dir: docs/overrides\n"
        "hooks:\n  - hooks/content.py\nplugins:\n  - search:\n      lang: fr\n"
        "  - offline:\n      enabled: !ENV [CENTRE_RESSOURCES_HORS_LIGNE, false]\nwatch:\n  - methods\n"
        "markdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n"
        "      slugify: !!python/name:centre_ressources.content.slugs.heading_slug\n"
        "  - centre_ressources.render.contributed\n"
        "extra:\n  a: 1\n", encoding="utf-8")
    config = project_config(tmp_path / "mkdocs.yml")
    for target in TARGETS:
        document = target_config(config, [{"Accueil": "index.md"}], {"b": 2}, target)
        text = yaml.safe_dump(document, allow_unicode=True)  # a plain YAML document: no Python object left
        assert "python" not in text and "centre_ressources" not in text
        assert "hooks" not in document and "watch" not in document
        assert document["plugins"] == [{"search": {"lang": "fr"}}]
        assert document["markdown_extensions"] == ["attr_list", {"toc": {"permalink": True}}]
        assert document["theme"] == {"name": "material", "custom_dir": target.overrides, **target.theme}
        assert document["extra"] == {"a": 1, "b": 2} and document["nav"] == [{"Accueil": "index.md"}]
