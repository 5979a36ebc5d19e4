"""Corrections to Material's markup (centre_ressources/material/markup_fixes.py)."""

from centre_ressources.material.markup_fixes import fix_markup

HEADER = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
          '<input type="text" class="md-search__input" autocomplete="off">')


def test_autocomplete_is_removed_from_checkboxes_only():
    assert fix_markup(HEADER) == ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
                                  '<input type="text" class="md-search__input" autocomplete="off">')


def test_empty_tabindex_is_removed_and_real_ones_kept():
    html = '<label class="md-nav__link" for="__nav_2" tabindex="">a</label><label tabindex="0">b</label>'
    assert fix_markup(html) == '<label class="md-nav__link" for="__nav_2">a</label><label tabindex="0">b</label>'


def test_toc_title_labels_the_toggle_only_when_the_toggle_exists():
    title = '<label class="md-nav__title" for="__toc">Table des matières</label>'
    assert fix_markup(title) == '<label class="md-nav__title">Table des matières</label>'
    with_toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + title
    assert fix_markup(with_toggle) == with_toggle


def test_search_dialog_gets_a_name():
    html = '<div class="md-search" data-md-component="search" role="dialog">'
    assert fix_markup(html) == ('<div class="md-search" data-md-component="search" role="dialog" '
                                'aria-label="Recherche sur le site">')


def test_zensical_overlay_label_is_no_longer_hidden_from_assistive_technology():
    html = '<label class="md-overlay" for="__drawer" aria-hidden="true"></label>'
    assert fix_markup(html) == '<label class="md-overlay" for="__drawer"></label>'
