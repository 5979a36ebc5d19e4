"""The sheets' keywords, written by the core for every builder (render/keywords.py): escaped,
in the keyword page's order, linked to its ASCII anchors."""

from __future__ import annotations

from pathlib import Path

from centre_ressources.content.slugs import slugify
from centre_ressources.render.keywords import keyword_chips, keyword_index
from support.project import FIXTURES


def test_chips_link_to_the_ascii_anchors_in_the_folded_order_and_escape_each_word():
    chips = keyword_chips("fiches/alpha.md", ["évaluation", "Animation", "zèbre", '<b>"x"</b>'])
    assert chips.index("Animation") < chips.index("évaluation") < chips.index("zèbre")
    assert '<a href="../../mots-cles/#tag:evaluation" class="md-tag">évaluation</a>' in chips
    assert "&lt;b&gt;&#34;x&#34;&lt;/b&gt;" in chips and "<b>" not in chips


def test_the_index_lists_each_keyword_once_with_its_sheets():
    from centre_ressources.pipeline import build_catalogue

    catalogue = build_catalogue(Path(FIXTURES / "mini"))
    index = keyword_index(catalogue.sheets)
    words = {word for sheet in catalogue.sheets for word in sheet.mots_cles}
    assert len(index) == len({entry.anchor for entry in index}) >= (1 if words else 0)
    for entry in index:
        carrying = [s for s in catalogue.sheets if any(f"tag:{slugify(w)}" == entry.anchor for w in s.mots_cles)]
        assert sorted(entry.sheets, key=lambda s: s.slug) == sorted(carrying, key=lambda s: s.slug) != []
        assert [s.titre for s in entry.sheets] == sorted((s.titre for s in entry.sheets), key=slugify)
