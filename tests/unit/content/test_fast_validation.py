"""The quick first pass of validation (jsonschema-rs) gives the same verdict as the validator
whose errors contributors read (jsonschema): otherwise a file could pass unchecked.

Compared on the real content, the fixture content and a few thousand mutations of them: each
value replaced by values of other types, empty, out of range, badly formed dates and slugs,
missing fields, unknown fields.
"""

from __future__ import annotations

import random

import pytest

from centre_ressources.content.frontmatter import parse_yaml, read_source
from centre_ressources.content.schemas import is_valid, validator
from support.project import FIXTURES, PROJECT

SOURCES = {
    "fiche": ["methods/*.md"],
    "etude-de-cas": ["case_studies/*/index.md"],
    "phase": ["phases/*.md"],
    "parcours": ["paths/*.md"],
}
REPLACEMENTS = [None, "", "x", "Un texte assez long pour passer les longueurs minimales.", 0, -1, 1, 3.5, 90.0, 1.0,
                10**20, True, [], ["x"], {}, {"x": 1}, "2025-13-01", "2025-02-29", "2024-02-29", "2025-1-01",
                "Pas Un Slug", "un-slug", "https://exemple.org/", "ftp://exemple.org/", "associatif", "rural"]
PER_DOCUMENT = 150


def _documents(name: str) -> list[dict]:
    documents = []
    for root in (PROJECT, FIXTURES / "mini"):
        for pattern in SOURCES[name]:
            for path in sorted(root.glob(pattern)):
                documents.append(read_source(path, path.name).data)
    return documents


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, prefix + (index,))


def _with(document, path, replacement, delete=False):
    import copy

    changed = copy.deepcopy(document)
    target = changed
    for part in path[:-1]:
        target = target[part]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = replacement
    return changed


def _mutations(document, rng):
    paths = [p for p in _paths(document) if p]
    for _ in range(PER_DOCUMENT):
        path = rng.choice(paths)
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        if isinstance(parent, dict) and rng.random() < 0.2:
            yield _with(document, path, None, delete=True)
        elif isinstance(parent, dict) and rng.random() < 0.1:
            yield _with(document, path[:-1] + ("champ_inconnu",), "x")
        else:
            yield _with(document, path, rng.choice(REPLACEMENTS))


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_quick_and_full_validators_agree(name):
    rng = random.Random(name)
    documents = _documents(name)
    assert documents
    candidates = list(documents)
    for document in documents:
        candidates += list(_mutations(document, rng))
    full = validator(name)
    disagreements = [c for c in candidates if is_valid(name, c) != (not any(True for _ in full.iter_errors(c)))]
    assert not disagreements, disagreements[:3]
    # The mutations do reach both verdicts, or the comparison would prove little.
    verdicts = {is_valid(name, c) for c in candidates}
    assert verdicts == {True, False}


def test_glossary_validators_agree():
    data, _ = parse_yaml((PROJECT / "glossary.yml").read_text("utf-8"), "glossary.yml")
    rng = random.Random("glossaire")
    candidates = [data, *_mutations(data, rng)]
    full = validator("glossaire")
    assert all(is_valid("glossaire", c) == (not any(True for _ in full.iter_errors(c))) for c in candidates)
