"""The hand-written pages that ask for variables get them, in Jinja's sandbox: plain values,
no Python object to climb from (render/hand_written.py)."""

from __future__ import annotations

import pytest

from centre_ressources.render.hand_written import PageTemplateError, asks_for_variables, page_context, render_page

SITE = {"site_name": "Centre", "site_url": "https://exemple.org/", "repo_url": "https://forge.example/d",
        "extra": {"a": 1, "objet": object()}}


def test_a_page_reads_its_variables_the_site_and_its_address():
    context = page_context({"nombre_fiches": 3, "modele": "---\ntitre: x\n"}, SITE, "contribuer/")
    text = "{{ nombre_fiches }} {{ config.extra.nombre_fiches }} {{ config.repo_url }} {{ page.url }} " \
           "{{ config.extra.a }} {{ modele | urlencode }}"
    assert render_page(text, context, "docs/c.md") == \
        "3 3 https://forge.example/d contribuer/ 1 ---%0Atitre%3A%20x%0A"
    assert "objet" not in context["config"]["extra"]  # not plain data: left out


@pytest.mark.parametrize("text", [
    "{{ ''.__class__.__mro__ }}",
    "{{ config.__class__ }}",
    "{{ page.url.__class__.__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{% set x = config.extra.update({'a': 2}) %}",
    "{{ inconnu }}",
])
def test_nothing_beyond_the_plain_values_is_reachable(text):
    with pytest.raises(PageTemplateError) as raised:
        render_page(text, page_context({}, SITE, "p/"), "docs/p.md")
    assert str(raised.value).startswith("docs/p.md : la page n'a pas pu être préparée")


def test_only_the_switch_itself_asks_for_variables():
    assert asks_for_variables({"render_macros": True})
    assert not asks_for_variables({"render_macros": "true"}) and not asks_for_variables({})
