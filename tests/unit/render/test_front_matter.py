"""The front matter of a generated page is data (render/front_matter.py): whatever a value
holds, it stays that value, and no value can add a field, end the header or switch macros on."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from centre_ressources.render.front_matter import front_matter, split_front_matter, with_fields

HOSTILE = 'Morlaix"\nrender_macros: true\ntitle: {{ 8191*8191 }}\n---\n... # <script>\x0b\x85\u2028\ue000'


def test_a_hostile_value_stays_one_value_of_its_field():
    page = front_matter(title=HOSTILE, description=HOSTILE, lieu=HOSTILE) + "# Corps\n"
    body, meta = get_data(page)  # as MkDocs reads a page
    assert set(meta) == {"title", "description", "lieu"} and "render_macros" not in meta
    assert meta["lieu"] == HOSTILE
    assert body == "# Corps\n"


def test_title_and_description_are_handed_over_as_escaped_html():
    meta = get_data(front_matter(title='A "b" <c> & d', description="0;url=https://x.example \" http-equiv=\"refresh"))[1]
    assert meta["title"] == "A &quot;b&quot; &lt;c&gt; &amp; d"
    assert '"' not in meta["description"] and html.unescape(meta["description"]).endswith('http-equiv="refresh')


def test_a_lone_surrogate_cannot_make_the_header_unreadable():
    assert get_data(front_matter(title="a\ud800b") + "x")[1] == {"title": "a\ufffdb"}


def test_fields_are_added_as_data_and_read_back():
    page = front_matter(title="T & co", recherche={"type": "Fiche", "phases": ["1. Impulsion"]}) + "texte\n"
    grown = with_fields(page, jsonld={"@type": "HowTo", "name": "</script><b>"})
    meta, body = split_front_matter(grown)
    assert meta["title"] == "T &amp; co" and meta["jsonld"] == {"@type": "HowTo", "name": "</script><b>"}
    assert meta["recherche"] == {"type": "Fiche", "phases": ["1. Impulsion"]} and body == "texte\n"


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())  # any characters but lone surrogates (tested above)
def test_any_text_reads_back_as_itself(value, other):
    page = front_matter(lieu=value, liste=[other], groupe={"cle": value}) + "corps"
    assert get_data(page) == ("corps", {"lieu": value, "liste": [other], "groupe": {"cle": value}})
