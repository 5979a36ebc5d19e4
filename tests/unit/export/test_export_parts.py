"""The pieces of the export (centre_ressources/export/): the keywords written into the Markdown,
the macros of hand-written pages rendered, the configurations without hooks nor callables."""

import yaml

from centre_ressources.export.configs import TARGETS, project_config, target_config
from centre_ressources.export.keywords import tag_chips, with_keywords
from centre_ressources.export.macros import render_macro_page


def test_chips_link_to_the_ascii_anchors_in_the_folded_order():
    chips = tag_chips("fiches/alpha.md", ["évaluation", "Animation", "zèbre"])
    assert chips.index("Animation") < chips.index("évaluation") < chips.index("zèbre")
    assert "(../mots-cles.md#tag:evaluation){ .md-tag }" in chips


def test_tags_leave_the_front_matter_for_the_chips_before_the_title():
    page = '---\ntitle: "A"\ntags: ["écoute"]\nmise_a_jour: "2026-01-01"\n---\n# A\n'
    exported = with_keywords("fiches/a.md", page, catalogue=None)  # no listing asked: no catalogue read
    header, body = exported.split("---\n")[1:3]
    assert "tags" not in header and "mise_a_jour" in header
    assert body.startswith('<nav class="md-tags" markdown="span">[écoute](../mots-cles.md#tag:ecoute)')


def test_macros_are_rendered_only_on_pages_that_ask_for_them():
    config = {"repo_url": None, "extra": {"nombre_fiches": 7}}
    asked = "---\ntitle: C\nrender_macros: true\n---\n{{ nombre_fiches }} fiches, {{ config.extra.nombre_fiches }}, " \
            "{{ (config.repo_url or 'aucun') }}, {{ page.url }}\n"
    assert render_macro_page(asked, "contribuer.md", config) == "---\ntitle: C\n---\n7 fiches, 7, aucun, contribuer/\n"
    plain = "---\ntitle: D\n---\n{{ nombre_fiches }}\n"
    assert render_macro_page(plain, "d.md", config) == plain


def test_configurations_keep_the_site_and_drop_what_needs_the_hooks(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: S\nsite_url: https://example.org/\ntheme:\n  name: material\n  custom_dir: docs/overrides\n"
        "hooks:\n  - hooks/content.py\nplugins:\n  - search:\n      lang: fr\n  - tags:\n"
        "      tags_slugify: !!python/name:centre_ressources.material.tags.tag_slug\n  - macros\n"
        "  - offline:\n      enabled: !ENV [CENTRE_RESSOURCES_HORS_LIGNE, false]\nwatch:\n  - methods\n"
        "extra:\n  a: 1\n", encoding="utf-8")
    config = project_config(tmp_path / "mkdocs.yml")
    for target in TARGETS:
        document = target_config(config, [{"Accueil": "index.md"}], {"b": 2}, target)
        text = yaml.safe_dump(document, allow_unicode=True)  # a plain YAML document: no Python object left
        assert "python" not in text
        assert "hooks" not in document and "watch" not in document
        assert document["plugins"] == [{"search": {"lang": "fr"}}]
        assert document["theme"] == {"name": "material", "custom_dir": target.overrides, **target.theme}
        assert document["extra"] == {"a": 1, "b": 2} and document["nav"] == [{"Accueil": "index.md"}]
