"""The contribution form tells the same thing as `centre-ressources check`: a corpus of invalid
case studies goes through centre_ressources/content/validate.py and through the form's validator
(docs/assets/javascripts/formulaire/validation.js, in Chromium, on a built site), and both
must give the same (field, message) pairs."""

from __future__ import annotations

import copy
import json

import pytest

from centre_ressources.content.frontmatter import parse_document
from centre_ressources.content.validate import validate_document
from support.project import copy_project, run_mkdocs

VALID = {
    "titre": "Une coopération fictive à Ville-Exemple",
    "resume": "Un exemple inventé pour comparer les messages des deux vérifications.",
    "territoire": {"commune": "Ville-Exemple", "type": "rural", "description": None},
    "structure_porteuse": {"nom": "Maison des associations de Ville-Exemple", "statut": "associatif"},
    "theme": "La vie associative",
    "question_strategique": "Comment mieux coopérer entre associations ?",
    "objectifs_transformation": ["Mutualiser les salles"],
    "categories_action": ["Formation"],
    "acteurs": [{"nom": "Mairie de Ville-Exemple", "role": "prête les salles", "categories": ["Formation"]}],
    "politiques_publiques": [],
    "chronologie": [
        {"phase": "impulsion", "periode": "2024", "titre": "Premier atelier",
         "texte": "Les associations se réunissent une première fois.", "fiches": ["alpha"]},
        {"phase": "structuration", "periode": None, "texte": "Le groupe écrit ses règles communes."},
    ],
    "resultats": {"charte": None},
    "fonction_de_soutien": None,
    "enseignements": ["Le portage politique a compté."],
    "sources": [{"titre": "Compte rendu fictif", "editeur": "Maison de Ville-Exemple", "annee": 2024,
                 "url": "https://example.org/cr"}],
    "mise_a_jour": "2025-03-14",
}


def _with(*changes):
    """VALID with changes: (path, value) sets a value, (path, DELETE) removes a field."""
    doc = copy.deepcopy(VALID)
    for path, value in changes:
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        if value is DELETE:
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    return doc


DELETE = object()
LONG = "une valeur bien plus longue que quarante caractères, pour voir la coupe"

CORPUS = {
    "required, top level": _with((("titre",), DELETE), (("sources",), DELETE)),
    "required, nested": _with((("territoire", "commune"), DELETE), (("structure_porteuse", "statut"), DELETE)),
    "required, in a list item": _with((("chronologie", 1, "texte"), DELETE), (("acteurs", 0, "role"), DELETE)),
    "type": _with((("titre",), 12), (("resume",), ["a", "b"]), (("theme",), None),
                  (("territoire",), "Ville-Exemple"), (("question_strategique",), True)),
    "type, string or null": _with((("fonction_de_soutien",), 3), (("chronologie", 0, "periode"), 2024),
                                  (("resultats", "charte"), ["une charte"])),
    "type, integer or null": _with((("sources", 0, "annee"), "deux mille"), ),
    "type, hints: quotes, a number in quotes, a list as text": _with(
        (("theme",), 2024), (("sources", 0, "annee"), " 2024 "), (("objectifs_transformation",), "Mutualiser"),
        (("politiques_publiques",), "Contrat de ville"), (("territoire", "description"), 12.5)),
    "required block, shape shown": _with((("territoire",), DELETE), (("chronologie",), DELETE),
                                         (("structure_porteuse",), DELETE)),
    "type, long text shown cut": _with((("sources", 0, "annee"), LONG), ),
    "type, list and group": _with((("chronologie",), "un seul moment"), (("resultats",), "rien"),
                                  (("acteurs", 0), "Mairie")),
    "enum": _with((("territoire", "type"), "periurbain"), (("structure_porteuse", "statut"), 3)),
    "minLength": _with((("titre",), "ab"), (("resume",), ""), (("chronologie", 0, "texte"), "court"),
                       (("enseignements", 0), "bref"), (("chronologie", 1, "titre"), "ab")),
    "minItems": _with((("chronologie",), []), (("sources",), [])),
    "minimum and maximum": _with((("sources", 0, "annee"), 1800)),
    "maximum": _with((("sources", 0, "annee"), 2200)),
    "pattern, slug": _with((("chronologie", 0, "phase"), "Impulsion"),
                           (("chronologie", 0, "fiches"), ["Rédiger la charte", "ok-slug"]),
                           (("alias",), ["Ancien Nom"])),
    "pattern and format, date": _with((("mise_a_jour",), "14/03/2025")),
    "format, date": _with((("mise_a_jour",), "2025-02-30")),
    "format, month": _with((("mise_a_jour",), "2025-13-01")),
    "pattern, url": _with((("sources", 0, "url"), "www.example.org")),
    "pattern, one line": _with((("titre",), "Un titre\nsur deux lignes"), (("territoire", "commune"), "Ville\nExemple")),
    "additionalProperties": _with((("titer",), "x"), (("zzz",), 1), (("territoire", "comune"), "X"),
                                  (("sources", 0, "auteur"), "Y"), (("chronologie", 1, "fiche"), ["alpha"])),
    "several at once": _with((("titre",), "a"), (("chronologie", 0, "phase"), "phase 1"),
                             (("chronologie", 1), {"texte": "x"}), (("acteurs",), [{"nom": "A"}])),
}


def python_messages(document: dict) -> list[tuple[str, str]]:
    text = "---\n" + json.dumps(document, ensure_ascii=False, indent=1) + "\n---\nRécit.\n"
    source = parse_document(text, "case_studies/exemple/index.md")
    return sorted((e.field, e.message) for e in validate_document(source, "etude-de-cas"))


JS_MESSAGES = """async (documents) => {
  const { validate } = await import("./assets/javascripts/formulaire/validation.js");
  const schema = await (await fetch("./schemas/etude-de-cas.json")).json();
  return documents.map((d) => validate(schema, d).map((e) => [e.field, e.message]));
}"""


@pytest.fixture(scope="module")
def js_messages(tmp_path_factory, browser):
    from support.browser import serve_directory

    root = copy_project(tmp_path_factory.mktemp("messages") / "project", content="mini")
    site = root / "site"
    result = run_mkdocs(root, site)
    assert result.returncode == 0, result.stderr
    with serve_directory(site) as url:
        page = browser.new_page()
        page.goto(url)
        documents = {"valide": VALID, **CORPUS}
        found = page.evaluate(JS_MESSAGES, list(documents.values()))
        page.close()
    return {name: sorted(tuple(pair) for pair in pairs) for name, pairs in zip(documents, found, strict=True)}


def test_the_valid_document_is_valid_for_both(js_messages):
    assert python_messages(VALID) == []
    assert js_messages["valide"] == []


@pytest.mark.parametrize("name", CORPUS)
def test_the_form_gives_the_messages_of_check(js_messages, name):
    expected = python_messages(CORPUS[name])
    assert expected, f"le document « {name} » du corpus devrait être invalide"
    assert js_messages[name] == expected


def test_the_corpus_covers_every_keyword_validate_words():
    """Each keyword _translate words has a document here (a new wording needs its case)."""
    import inspect

    from centre_ressources.content import validate

    source = inspect.getsource(validate._translate)
    for keyword in ("additionalProperties", "required", "type", "enum", "minLength", "minItems",
                    "minimum", "maximum", "pattern", "format"):
        assert f'"{keyword}"' in source
        assert any(keyword.lower() in name.lower() for name in CORPUS), keyword
