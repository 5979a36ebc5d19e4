"""The inline scripts the policy hashes are those the plain pattern finds (csp.py)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from centre_ressources.publish.csp import inline_scripts

# The obvious pattern: a script's text runs to the first closing tag.
_PLAIN = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_PIECES = ["<script>", "<SCRIPT type=\"module\">", "<script src=\"a.js\">", "</script>", "</SCRIPT >",
           "</script", "</scripts>", "<", ">", "a", "\n", "<p>", "</p>", "var x = '<b>';", " ", "</style>"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30))
@settings(max_examples=400, deadline=None)
def test_the_scripts_found_are_those_the_plain_pattern_finds(pieces):
    html = "".join(pieces)
    # The pieces' scripts are all run by the browser (no type, or a module) but those with a src.
    expected = [text for attributes, text in _PLAIN.findall(html) if "src=" not in attributes]
    assert inline_scripts(html) == expected


def test_a_script_holding_markup_is_read_to_its_closing_tag():
    html = '<script>document.write("<p>a</p>")</script><p>b</p><script>2</script>'
    assert inline_scripts(html) == ['document.write("<p>a</p>")', "2"]
