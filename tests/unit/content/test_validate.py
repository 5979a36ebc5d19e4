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


def test_nested_error_points_to_the_item_line():
    [error] = errors_for(VALID_SHEET.replace("duree: 40,", "duree: 0,"))
    assert (error.line, error.field) == (15, "deroule[2].duree")


def test_invalid_date_is_explained():
    [error] = errors_for(VALID_SHEET.replace("2026-01-01", "2026-13-01"))
    assert error.field == "mise_a_jour"
    assert "AAAA-MM-JJ" in error.message


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
