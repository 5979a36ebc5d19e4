"""The sheet catalogue as built: one card per sheet with its facts for the filters."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from centre_ressources.content.slugs import slugify
from centre_ressources.pipeline import build_catalogue
from centre_ressources.render.facets import duration_limits, keywords
from support.project import PROJECT


class _Cards(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cards: list[dict[str, str]] = []
        self.links: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "li" and "fiche-carte" in (attributes.get("class") or ""):
            self.cards.append(attributes)
        elif tag == "h3" and "fiche-carte__titre" in (attributes.get("class") or ""):
            self.in_title = True
        elif tag == "a" and self.in_title:
            self.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "h3":
            self.in_title = False


def test_every_sheet_has_one_card_with_its_facts_and_a_working_link(real_site):
    catalogue = build_catalogue(PROJECT)
    parser = _Cards()
    parser.feed((real_site / "fiches" / "index.html").read_text(encoding="utf-8"))
    assert [card["id"] for card in parser.cards] == [f"fiche-{s.slug}" for s in catalogue.sheets]
    for card, sheet, link in zip(parser.cards, catalogue.sheets, parser.links, strict=True):
        assert card["data-phase"] == sheet.phase
        assert int(card["data-duree"]) == sheet.duree
        assert (int(card["data-min"]), int(card["data-max"])) == (sheet.participants.min, sheet.participants.max)
        assert card["data-distance"] == ("oui" if sheet.a_distance else "non")
        assert card["data-mots-cles"].split() == [slugify(word) for word in sheet.mots_cles]
        assert link == f"{sheet.slug}/" and (real_site / "fiches" / link / "index.html").is_file()


def test_filter_controls_have_labels_and_the_count_is_a_live_region(real_site):
    html = (real_site / "fiches" / "index.html").read_text(encoding="utf-8")
    start = html.index('<form class="catalogue-filtres"')
    form = html[start:html.index("</form>", start)]
    assert " hidden" in form.split(">", 1)[0]  # shown by the script only
    for control in re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', form):
        assert f'<label for="{control}">' in form, control
    assert re.search(r'id="cr--catalogue-compte" role="status" aria-live="polite"', form)


def test_keyword_choices_fold_accents_and_keep_the_first_spelling():
    catalogue = build_catalogue(PROJECT)
    found = keywords(catalogue.sheets)
    slugs = [k.slug for k in found]
    assert slugs == sorted(set(slugs))
    assert next(k for k in found if k.slug == "evaluation").label == "évaluation"
    assert duration_limits(catalogue.sheets) == sorted({s.duree for s in catalogue.sheets})
