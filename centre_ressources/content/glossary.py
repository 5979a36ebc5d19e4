"""The glossary: glossary.yml read with line numbers, validated and judged by the rules handed
in, turned into Terme records, and its references (other terms, sheets) checked."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from centre_ressources.content.file_size import oversized_content_file
from centre_ressources.content.frontmatter import FrontMatterError, SourceDocument, parse_yaml, read_text
from centre_ressources.content.reading import FileRules
from centre_ressources.content.records import Origin, Terme
from centre_ressources.content.slugs import WITHOUT_LETTER, slugify
from centre_ressources.content.texts import FileTexts
from centre_ressources.content.validate import validate_document
from centre_ressources.errors import ContentError
from centre_ressources.suggestions import did_you_mean

GLOSSARY_FILE = "glossary.yml"


def load_glossary(root: Path, errors: list[ContentError], rules: FileRules) -> tuple[Terme, ...]:
    """The terms of `root/glossary.yml` (none if the file does not exist), judged by `rules`;
    problems go to `errors`."""
    path = root / GLOSSARY_FILE
    if not path.is_file():
        return ()
    too_big = oversized_content_file(path, GLOSSARY_FILE)
    if too_big:  # not even read
        errors.append(too_big)
        return ()
    try:
        data, locations = parse_yaml(read_text(path, GLOSSARY_FILE), GLOSSARY_FILE)
    except FrontMatterError as exc:
        errors.append(exc.error)
        return ()
    doc = SourceDocument(GLOSSARY_FILE, data if data is not None else {}, locations)
    origin = Origin(GLOSSARY_FILE, locations, 1, doc.data if isinstance(doc.data, dict) else {})
    schema_errors = validate_document(doc, "glossaire")
    texts = FileTexts(origin, "") if isinstance(doc.data, dict) else None
    found = rules("glossaire", doc, texts, schema_errors, path, root)
    if found or schema_errors:
        errors.extend(found or schema_errors)
        return ()
    return tuple(
        Terme(
            slug=item.get("slug") or slugify(item["terme"]),
            terme=item["terme"],
            sigle=item.get("sigle"),
            formes=tuple(item.get("formes", ())),
            definition=item["definition"],
            voir_aussi=tuple(item.get("voir_aussi", ())),
            fiches=tuple(item.get("fiches", ())),
            position=position,
            origin=origin,
        )
        for position, item in enumerate(doc.data["termes"])
    )


def _form_key(form: str) -> str:
    return " ".join(form.replace("’", "'").casefold().split())


def check_glossary(terms: tuple[Terme, ...], sheets: Mapping[str, object]) -> list[ContentError]:
    """Each term has its own anchor and forms; every term and sheet it names exists."""
    errors: list[ContentError] = []
    by_slug: dict[str, Terme] = {}
    by_form: dict[str, Terme] = {}

    def error(term: Terme, path: tuple, field: str, message: str) -> None:
        line = term.origin.line("termes", term.position, *path)
        errors.append(ContentError(GLOSSARY_FILE, line, 1, f"termes[{term.position + 1}].{field}", message))

    for term in terms:
        if not term.slug:
            error(term, ("terme",), "terme", f"le terme « {term.terme} » {WITHOUT_LETTER[:-1]}, ou donnez-lui un "
                                             "« slug » (l'ancre de sa définition).")
            continue
        if term.slug in by_slug:
            error(term, ("terme",), "terme",
                  f"l'ancre « {term.slug} » est déjà celle du terme « {by_slug[term.slug].terme} » ; "
                  "donnez un « slug » différent à l'un des deux.")
        by_slug.setdefault(term.slug, term)
        for index, form in enumerate(term.match_forms):
            other = by_form.get(_form_key(form))
            where, field = (("terme",), "terme") if index == 0 else (("formes", index - 1), f"formes[{index}]")
            if other is not None and other is not term:
                error(term, where, field, f"la forme « {form} » appartient déjà au terme « {other.terme} ».")
            elif other is term:
                error(term, where, field, f"la forme « {form} » est écrite deux fois pour ce terme.")
            by_form.setdefault(_form_key(form), term)
    for term in terms:
        for index, slug in enumerate(term.voir_aussi):
            if slug == term.slug:
                error(term, ("voir_aussi", index), f"voir_aussi[{index + 1}]",
                      "un terme ne peut pas renvoyer à lui-même.")
            elif slug not in by_slug:
                error(term, ("voir_aussi", index), f"voir_aussi[{index + 1}]",
                      f"aucun terme du glossaire n'a l'ancre « {slug} »{_suggest(slug, by_slug)}")
        for index, slug in enumerate(term.fiches):
            if slug not in sheets:
                error(term, ("fiches", index), f"fiches[{index + 1}]",
                      f"aucune fiche ne s'appelle « {slug} »{_suggest(slug, sheets)}")
    return errors


def _suggest(value: str, known: Mapping[str, object]) -> str:
    return did_you_mean(value, known) or "."
