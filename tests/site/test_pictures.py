"""The pictures drawn from the data: the actor map and the timeline of each case study, the cycle
of the phases. Each carries all of its data as text a screen reader reads (what is hidden from
assistive technology holds no text), draws nothing the data does not say, and survives the
sanitiser."""

from __future__ import annotations

import dataclasses
import re

import markdown
import pytest

from centre_ressources import urls
from centre_ressources.catalogue import link
from centre_ressources.content.records import Actor, ChronologyEntry
from centre_ressources.errors import ContentErrors
from centre_ressources.pipeline import build_catalogue, load_content
from centre_ressources.publish.sanitize import sanitize_html
from centre_ressources.render.glossary_links import TermMatcher, link_terms
from centre_ressources.render.pictures.actor_map import NO_LINKS, UNDOCUMENTED, actor_map
from centre_ressources.render.pictures.markup import as_markdown_block
from centre_ressources.render.pictures.phase_cycle import phase_cycle
from centre_ressources.render.pictures.timeline import case_timeline, compared_timelines
from support.pictures import check_maps_say_what_is_not_documented, read, squash
from support.project import PROJECT, copy_project


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(PROJECT)


def test_each_real_map_carries_its_question_objectives_categories_and_every_actor_with_role(catalogue):
    for case in catalogue.cases:
        html = actor_map(case)
        text = read(html).text
        assert text.startswith("La communauté d'action de " + case.commune)  # the caption names it
        assert squash(case.question_strategique) in text, case.slug
        for item in (*case.objectifs_transformation, *case.categories_action):
            assert squash(item) in text, (case.slug, item)
        for actor in case.acteurs:
            assert f"{squash(actor.nom)} {squash(actor.role)}" in text, (case.slug, actor.nom)
        # The order of the levels is the order of the approach; the actors drawn under no
        # category come last, in a level of their own (none when every actor is under one).
        levels = ["Question stratégique essentielle", "Objectifs de transformation", "Catégories d'action"]
        assert all(level in text for level in levels), case.slug
        positions = [text.index(level) for level in levels]
        positions += [text.index(level) for level in ("Autres acteurs et rôles", "Acteurs et rôles") if level in text][:1]
        assert positions == sorted(positions), case.slug


def test_the_real_maps_say_what_is_not_documented_and_invent_no_link(catalogue):
    check_maps_say_what_is_not_documented(catalogue.cases)


def test_actors_linked_to_a_category_are_drawn_under_it_and_the_others_apart(catalogue):
    case = dataclasses.replace(
        catalogue.cases[0],
        objectifs_transformation=("Un premier objectif", "Un second objectif"),
        categories_action=("Formation", "Mise en réseau"),
        acteurs=(Actor("Alpha", "forme les bénévoles", ("Formation",)),
                 Actor("Bêta", "relie les structures", ("Formation", "Mise en réseau")),
                 Actor("Gamma", "finance le projet")),
    )
    html = actor_map(case)
    categories = re.findall(r'<p class="carte-categorie">(.*?)</p>\n(<ul class="carte-acteurs[^"]*">.*?</ul>)',
                            html, re.S)
    under = {name: re.findall(r"<strong>(.*?)</strong>", block) for name, block in categories}
    assert under == {"Formation": ["Alpha", "Bêta"], "Mise en réseau": ["Bêta"]}
    text = read(html).text
    assert "Autres acteurs et rôles Gamma finance le projet" in text
    assert NO_LINKS not in text and UNDOCUMENTED not in text
    assert "Un premier objectif" in text and "Un second objectif" in text


def test_contributed_text_stays_text_in_every_picture(catalogue):
    case = dataclasses.replace(
        catalogue.cases[0],
        acteurs=(Actor("<script>alert(1)</script>", 'rôle "cité" & <b>gras</b>'),),
        chronologie=(ChronologyEntry("impulsion", "<2024>", "Un <i>texte</i> de test.", ()),),
    )
    for html in (actor_map(case), case_timeline(case, catalogue.phases)):
        assert "<script" not in html and "<b>" not in html and "<i>" not in html and "<2024>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in actor_map(case)
    assert "rôle \"cité\" &amp; &lt;b&gt;gras&lt;/b&gt;" in actor_map(case)


def test_each_real_timeline_carries_every_phase_and_every_moment_in_its_phase(catalogue):
    for case in catalogue.cases:
        html = case_timeline(case, catalogue.phases)
        text = read(html).text
        stations = re.findall(r'<li class="frise-etape">(.*?)</li>\n(?=<li class="frise-etape">|</ol>)', html, re.S)
        assert len(stations) == len(catalogue.phases)
        for phase, station in zip(catalogue.phases, stations, strict=True):
            station_text = read(station).text
            assert station_text.startswith(f"{phase.numero} {phase.titre}"), station_text
            entries = [e for e in case.chronologie if e.phase == phase.slug]
            for entry in entries:
                label = squash(entry.titre or entry.texte)
                assert (f"{entry.periode} : {label}" if entry.periode else label) in station_text, label
            if not entries:
                assert UNDOCUMENTED in station_text
        assert text.count(" : ") >= sum(1 for e in case.chronologie if e.periode)


def test_a_moment_without_title_shows_its_text_and_an_empty_phase_is_undocumented(catalogue):
    case = dataclasses.replace(catalogue.cases[0], chronologie=(
        ChronologyEntry("impulsion", None, "Un moment sans titre, montré en entier.", ()),
        ChronologyEntry("consolidation", "2031", "Texte détaillé.", (), "Un titre court"),
    ))
    text = read(case_timeline(case, catalogue.phases)).text
    assert "1 Impulsion Un moment sans titre, montré en entier." in text
    assert "2 Structuration " + UNDOCUMENTED in text
    assert "3 Consolidation 2031 : Un titre court" in text and "Texte détaillé." not in text
    assert "4 Capitalisation et transmission " + UNDOCUMENTED in text


def test_the_compared_timelines_give_each_case_a_lane_with_the_same_phases(catalogue):
    html = compared_timelines(catalogue.cases, catalogue.phases, urls.COMPARISON)
    reading = read(html)
    lanes = html.split('<p class="frise-territoire">')[1:]
    assert len(lanes) == len(catalogue.cases)
    for case, lane in zip(catalogue.cases, lanes, strict=True):
        titles = re.findall(r'<span class="frise-phase-titre">(.*?)</span>', lane)
        assert titles == [p.titre for p in catalogue.phases]
        assert (f"../{case.slug}/", case.commune) in reading.links  # from /etudes-de-cas/comparaison/
        lane_text = squash(re.sub(r"<[^>]+>", " ", lane))
        for entry in case.chronologie:
            assert squash(entry.titre or entry.texte) in lane_text
    # The caption names every territory, in the catalogue's order, the last after « et ».
    communes = [case.commune for case in catalogue.cases]
    named = f"{', '.join(communes[:-1])} et {communes[-1]}" if len(communes) > 1 else communes[0]
    assert reading.text.startswith(f"Les chemins de {named}, une ligne par territoire")


@pytest.mark.parametrize("page", [urls.HOME, urls.APPROACH])
def test_the_cycle_links_each_phase_in_order_and_says_what_its_arrows_mean(catalogue, page):
    details = {p.slug: [p.resume, "3 fiches"] for p in catalogue.phases}
    html = phase_cycle(catalogue.phases, page, details)
    reading = read(html)
    expected = [(urls.public_href(page, urls.phase_page(p.slug)), f"{p.numero}. {p.titre}") for p in catalogue.phases]
    assert reading.links == expected
    for phase in catalogue.phases:
        assert squash(phase.resume) in reading.text
    assert "« logiques de rétroaction »" in reading.text and "flèches en pointillés" in reading.text
    # Every phase but the last has a dashed way back; every arrow is hidden from screen readers.
    assert html.count("stroke-dasharray") == len(catalogue.phases) - 1
    assert html.count("<svg") == html.count('aria-hidden="true"') == len(catalogue.phases) + 1


def test_pictures_are_raw_html_blocks_that_the_glossary_and_the_sanitiser_leave_whole(catalogue):
    case = catalogue.cases[0]
    pictures = [actor_map(case), case_timeline(case, catalogue.phases),
                compared_timelines(catalogue.cases, catalogue.phases, urls.COMPARISON),
                phase_cycle(catalogue.phases, urls.HOME)]
    matcher = TermMatcher.build(catalogue.glossary)
    assert catalogue.glossary
    for html in pictures:
        block = as_markdown_block(html)
        assert "\n\n" not in block.strip()  # a blank line would end the raw HTML block
        page = "Texte avant.\n" + block + "Texte après."
        assert link_terms(page, matcher, lambda slug: f"glossaire.md#{slug}") == page  # no link written inside
        rendered = markdown.markdown(page)
        assert squash(html) in squash(rendered)  # Markdown kept the block as it is
        assert squash(sanitize_html(rendered)) == squash(rendered)  # and so does the allowlist


def test_an_actor_category_that_the_case_does_not_list_is_an_error_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    path = next((project / "case_studies").glob("*/index.md"))
    text = path.read_text(encoding="utf-8")
    assert "categories_action:\n  - Formation\n" in text and "    role: porte la démarche\n" in text
    text = text.replace("    role: porte la démarche\n",
                        "    role: porte la démarche\n    categories: [Formation, Formations]\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index("    categories: [Formation, Formations]") + 1
    with pytest.raises(ContentErrors) as raised:
        link(load_content(project))
    [error] = raised.value.errors
    assert (error.line, error.field) == (line, "acteurs[1].categories[2]")
    assert "aucune catégorie d'action ne s'appelle « Formations »" in error.message
    assert "« Formation »" in error.message
