"""Sheets that hold a real workshop (issue 15): a timed agenda with its breaks, what the
facilitator says at each step, how the room is set up and groups are formed, and materials
that match the steps; each rule refused at its line, in French, and kept on every real sheet."""

from __future__ import annotations

import re

import pytest

from centre_ressources import urls
from centre_ressources.checks.workshop_rules import LONGEST_WITHOUT_BREAK
from centre_ressources.content.records import clock_minutes, material_name
from centre_ressources.pipeline import generate
from centre_ressources.render.pages import format_clock
from support.edits import edit, errors_of
from support.project import PROJECT

A = "methods/alpha.md"
D = "methods/delta.md"


def test_the_sheet_page_shows_each_step_with_its_clock_time_and_invitation(mini_project):
    _, site = generate(mini_project)
    page = site.pages[urls.sheet_page("delta")]
    assert "Les horaires supposent un début à 9 h 30" in page
    assert "L'atelier finit à 11 h 00, pauses comprises." in page
    for times, title in [("9 h 30 – 10 h 00", '<a href="#etape-1">Ouvrir</a>'),
                         ("10 h 00 – 10 h 10", '<em><a href="#etape-2">Pause</a></em>'),
                         ("10 h 10 – 11 h 00", '<a href="#etape-3">Produire</a>')]:
        assert f"<td>{times}</td>\n<td>{title}</td>" in page
    assert "<em>Durée : 10 min, de 10 h 00 à 10 h 10</em>" in page
    assert "<strong>Ce que vous dites :</strong> « Par groupes de quatre, notez vos idées, une par post-it. »" in page
    assert "<strong>Groupes :</strong> En groupes de quatre, formés en comptant de 1 à 4" in page
    assert "<strong>Matériel :</strong> Des post-it." in page
    assert re.search(r"## Installation de la salle\n\s*\S*\s*<p>Des chaises en cercle", page)


def test_without_a_start_time_the_agenda_starts_at_six_in_the_evening(mini_project):
    _, site = generate(mini_project)
    page = site.pages[urls.sheet_page("alpha")]
    assert "Les horaires supposent un début à 18 h 00" in page
    assert '<td>18 h 30 – 19 h 30</td>\n<td><a href="#etape-2">Produire</a></td>\n<td>1 h</td>' in page


def test_a_workshop_over_ninety_minutes_without_a_break_is_refused_at_its_steps(mini_project):
    edit(mini_project, A, "duree: 90", "duree: 120")
    assert errors_of(mini_project) == [
        f"{A}:19:1 : champ « deroule » : l'atelier dure 120 minutes et son déroulé n'a pas de pause : au-delà de "
        "90 minutes, ajoutez une étape de pause (avec « pause: true » et sa durée, comptée dans celle de "
        "l'atelier)."]


def test_a_break_counts_in_the_workshop_duration(mini_project):
    edit(mini_project, D, "    duree: 10\n    pause: true", "    duree: 20\n    pause: true")
    assert errors_of(mini_project) == [
        f"{D}:9:1 : champ « duree » : les étapes du déroulé durent 100 minutes en tout, plus que la durée de "
        "l'atelier (90 minutes) : allongez « duree » ou raccourcissez des étapes."]


def test_a_step_naming_a_material_not_in_the_list_is_refused_with_a_suggestion(mini_project):
    edit(mini_project, A, "materiel: [Des post-it]", "materiel: [Des postit, Un minuteur]")
    assert errors_of(mini_project) == [
        f"{A}:29:16 : champ « deroule[2].materiel[1] » : « Des postit » n'est pas dans le matériel de la fiche ; "
        "vouliez-vous dire « Des post-it » ?",
        f"{A}:29:28 : champ « deroule[2].materiel[2] » : « Un minuteur » n'est pas dans le matériel de la fiche ; "
        "ajoutez-le à la liste « materiel » de la fiche, avec sa quantité."]


def test_a_material_is_named_by_what_comes_before_its_quantity(mini_project):
    edit(mini_project, A, "  - Des post-it\n", "  - \"Des post-it : un bloc par groupe\"\n")
    generate(mini_project)


def test_a_step_without_invitation_or_groups_is_refused_but_a_break_needs_no_groups(mini_project):
    edit(mini_project, A, "    invitation: Bonsoir, voici pourquoi nous sommes réunis et ce que nous aurons fait à la fin.\n"
                     "    groupes: En grand groupe, en cercle\n", "")
    assert errors_of(mini_project) == [
        f"{A}:20:5 : champ « deroule[1].groupes » : ce champ obligatoire manque (dans « deroule[1] »).",
        f"{A}:20:5 : champ « deroule[1].invitation » : ce champ obligatoire manque (dans « deroule[1] »)."]


def test_a_sheet_without_its_room_set_up_is_refused(mini_project):
    edit(mini_project, A, "salle: Des chaises en cercle et un mur libre pour afficher les post-it.\n", "")
    assert errors_of(mini_project) == [f"{A}:2:1 : champ « salle » : ce champ obligatoire manque."]


def test_a_start_time_is_written_hours_colon_minutes(mini_project):
    edit(mini_project, D, 'debut: "09:30"', 'debut: "9h30"')
    assert errors_of(mini_project) == [
        f"{D}:10:1 : champ « debut » : heure invalide : le texte « 9h30 » ; écrivez-la HH:MM, de 00:00 à 23:59, "
        "par exemple 18:00."]


def test_the_printed_sheet_keeps_the_agenda():
    css = (PROJECT / "docs/assets/stylesheets/impression.css").read_text(encoding="utf-8")
    rule = re.search(r"\.md-typeset \.fiche-horaires \{([^}]*)\}", css)
    assert rule and "break-inside: avoid" in rule.group(1) and "display: block" in rule.group(1)
    hidden = re.search(r"display: none !important;", css)
    assert hidden and "fiche-horaires" not in css[:hidden.start()]


@pytest.fixture(scope="module")
def real():
    return generate(PROJECT, link_terms=False)


def test_every_real_sheet_holds_a_timed_workshop(real):
    catalogue, site = real
    assert catalogue.sheets
    for sheet in catalogue.sheets:
        page = site.pages[urls.sheet_page(sheet.slug)]
        start = clock_minutes(sheet.debut)
        assert sheet.deroule[0].debut == start, sheet.slug
        for before, after in zip(sheet.deroule, sheet.deroule[1:], strict=False):
            assert after.debut == before.fin, (sheet.slug, after.numero)
        assert sheet.deroule[-1].fin == start + sheet.duree, sheet.slug  # the clock adds up to the duration
        assert f"finit à {format_clock(start + sheet.duree)}, pauses comprises" in page, sheet.slug
        if sheet.duree > LONGEST_WITHOUT_BREAK:
            assert any(step.pause for step in sheet.deroule), sheet.slug
        assert len(sheet.salle) > 50 and " ".join(sheet.salle.split()) in " ".join(page.split()), sheet.slug
        names = {material_name(item).casefold() for item in sheet.materiel}
        for step in sheet.deroule:
            assert f"<td>{format_clock(step.debut)} – {format_clock(step.fin)}</td>" in page, (sheet.slug, step.numero)
            assert step.invitation and " ".join(step.invitation.split()) in page, (sheet.slug, step.numero)
            assert step.pause or step.groupes, (sheet.slug, step.numero)
            assert {name.casefold() for name in step.materiel} <= names, (sheet.slug, step.numero)

