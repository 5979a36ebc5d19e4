"""The Atom feed parses as XML whatever its texts hold (centre_ressources/publish/feed.py)."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from centre_ressources.catalogue import link
from centre_ressources.characters import clean_line
from centre_ressources.pipeline import load_content
from centre_ressources.publish.feed import atom_feed
from support.hostile import HOSTILE, hostile_catalogue
from support.project import FIXTURES

ATOM = "{http://www.w3.org/2005/Atom}"
ATOM_ELEMENTS = {f"{ATOM}{name}" for name in ("feed", "id", "title", "subtitle", "updated", "author", "name",
                                               "uri", "link", "rights", "entry", "summary", "category")}


def parsed(feed: str) -> ET.Element:
    root = ET.fromstring(feed)
    assert {element.tag for element in root.iter()} <= ATOM_ELEMENTS, "an element was injected"
    return root


def test_hostile_titles_summaries_and_keywords_stay_text():
    catalogue = hostile_catalogue()
    root = parsed(atom_feed(catalogue, "https://exemple.org/", HOSTILE[7], HOSTILE[12]))
    expected = {clean_line(s.titre) for s in catalogue.sheets} | {clean_line(c.titre)
                                                                           for c in catalogue.cases}
    assert {entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")} == expected
    summaries = [entry.find(f"{ATOM}summary").text for entry in root.iter(f"{ATOM}entry")]
    assert clean_line(catalogue.sheets[0].en_bref) in summaries
    terms = {c.get("term") for c in root.iter(f"{ATOM}category")}
    assert {clean_line(k) for s in catalogue.sheets for k in s.mots_cles} <= terms
    assert root.find(f"{ATOM}title").text == clean_line(HOSTILE[7])


@pytest.mark.parametrize("text", HOSTILE)
def test_the_site_name_and_description_cannot_break_the_feed_either(text):
    root = parsed(atom_feed(hostile_catalogue(), "https://exemple.org/", text, text))
    assert root.find(f"{ATOM}subtitle").text == clean_line(text)


_MINI = load_content(FIXTURES / "mini")


@given(st.text(st.characters(codec=None, categories=None), max_size=40))
def test_any_title_gives_a_feed_that_parses(title):
    """Every code point, surrogates included (Hypothesis leaves them out unless asked)."""
    sheet = dataclasses.replace(_MINI.fiches[0], titre=title)
    catalogue = link(dataclasses.replace(_MINI, fiches=(sheet, *_MINI.fiches[1:])))
    root = parsed(atom_feed(catalogue, "https://exemple.org/", "Centre fictif"))
    assert clean_line(title) in {e.find(f"{ATOM}title").text or "" for e in root.iter(f"{ATOM}entry")}
