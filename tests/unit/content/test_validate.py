import pytest

from centre_ressources.content.frontmatter import parse_document
from centre_ressources.content.validate import validate_document

VALID_SHEET = """---
titre: Une fiche
phase: impulsion
etape: groupe-d-initiative
en_bref: Une fiche courte et lisible par tout le monde.
objectifs: [Tester]
duree: 60
participants: {min: 2, max: 8, roles: [une personne qui anime]}
materiel: []
a_distance: true
salle: Des chaises en cercle.
deroule:
  - {titre: Ouvrir, duree: 20, invitation: Bonjour à toutes et à tous., groupes: En cercle,
     consignes: Accueillir les personnes.}
  - {titre: Fermer, duree: 40, invitation: Un mot chacun pour finir., groupes: En cercle,
     consignes: Conclure et remercier.}
livrables: [Une liste]
mise_a_jour: 2026-01-01
---
"""


def errors_for(text, schema="fiche"):
    return sorted(validate_document(parse_document(text, "methods/x.md"), schema))


def test_a_valid_sheet_has_no_error():
    assert errors_for(VALID_SHEET) == []


def test_unknown_field_suggests_the_close_name():
    [error] = errors_for(VALID_SHEET.replace("duree: 60", "durée: 60\nduree: 60"))
    assert error.line == 7
    assert error.field == "durée"
    assert "vouliez-vous dire « duree » ?" in error.message


def test_missing_required_field_is_named():
    [error] = errors_for(VALID_SHEET.replace("a_distance: true\n", ""))
    assert error.field == "a_distance"
    assert "obligatoire" in error.message


def test_wrong_type_says_what_was_found_and_expected():
    [error] = errors_for(VALID_SHEET.replace("duree: 60", "duree: une heure"))
    assert (error.line, error.field) == (7, "duree")
    assert error.message == "attendu : un nombre entier ; trouvé : le texte « une heure »."


@pytest.mark.parametrize("field,old,new,shown", [
    ("duree", "duree: 60", "duree: 60.0", "60"),
    ("duree", "duree: 60", "duree: 6.0e+1", "60"),
    ("participants.min", "min: 2", "min: 2.0", "2"),
    ("deroule[1].duree", "duree: 20,", "duree: 20.0,", "20"),
])
def test_a_whole_number_written_as_a_decimal_is_refused_with_the_number_to_write(field, old, new, shown):
    [error] = errors_for(VALID_SHEET.replace(old, new))
    assert error.field == field
    assert error.message == (f"attendu : un nombre entier ; trouvé : le nombre {float(shown)} ; "
                             f"écrivez-le sans décimale : {shown}.")


def test_no_field_of_a_content_schema_takes_a_decimal_number():
    from centre_ressources.content.schemas import SCHEMA_NAMES, load_schema

    def types(value):
        if isinstance(value, dict):
            kind = value.get("type")  # a schema's type, or the schema of a field named « type »
            yield from [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
            for item in value.values():
                yield from types(item)
        elif isinstance(value, list):
            for item in value:
                yield from types(item)

    assert all("number" not in set(types(load_schema(name))) for name in SCHEMA_NAMES)


def test_nested_error_points_to_the_item_line():
    [error] = errors_for(VALID_SHEET.replace("duree: 40,", "duree: 0,"))
    assert (error.line, error.field) == (15, "deroule[2].duree")


def test_invalid_date_is_explained():
    [error] = errors_for(VALID_SHEET.replace("2026-01-01", "2026-13-01"))
    assert error.field == "mise_a_jour"
    assert "AAAA-MM-JJ" in error.message


@pytest.mark.parametrize("schema,text", [
    ("fiche", VALID_SHEET),
    ("parcours", "---\ntitre: Un parcours\nobjectif: Un objectif assez long.\npublic: Tout le monde\n"
                 "etapes: [{fiche: alpha, pourquoi: Pour commencer.}, {fiche: beta, pourquoi: Pour finir.}]\n"
                 "mise_a_jour: 2026-01-01\n---\n"),
    ("etude-de-cas", "---\ntitre: Cas\nresume: Un résumé assez long pour passer.\n"
                     "territoire: {commune: Ici, type: rural}\nstructure_porteuse: {nom: Maison, statut: associatif}\n"
                     "theme: Thème\nquestion_strategique: Une question assez longue ?\n"
                     "chronologie: [{phase: impulsion, texte: Il s'est passé quelque chose.}]\n"
                     "sources: [{titre: Article, editeur: Éditeur}]\nmise_a_jour: 2026-01-01\n---\n"),
])
@pytest.mark.parametrize("day", ["2100-01-01", "2200-01-01", "1899-12-31", "0999-01-01", "9999-12-31"])
def test_a_date_outside_1900_to_2099_is_refused_as_a_date(schema, text, day):
    errors = errors_for(text.replace("2026-01-01", day), schema)
    assert [(e.field, e.message) for e in errors] == [
        ("mise_a_jour", f"date invalide : le texte « {day} » ; écrivez-la AAAA-MM-JJ, par exemple 2025-03-14.")]


@pytest.mark.parametrize("day", ["1900-01-01", "2099-12-31"])
def test_the_first_and_last_days_of_the_range_pass(day):
    assert errors_for(VALID_SHEET.replace("2026-01-01", day)) == []


def test_enum_lists_the_allowed_values():
    case = """---
titre: Cas
resume: Un résumé assez long pour passer.
territoire: {commune: Ici, type: periurbain}
structure_porteuse: {nom: Maison, statut: associatif}
theme: Thème
question_strategique: Une question assez longue ?
chronologie: [{phase: impulsion, texte: Il s'est passé quelque chose.}]
sources: [{titre: Article, editeur: Éditeur}]
mise_a_jour: 2026-01-01
---
"""
    [error] = errors_for(case, "etude-de-cas")
    assert error.field == "territoire.type"
    assert "« rural », « urbain »" in error.message
