"""Keys for Material's tags plugin (set in mkdocs.yml with !!python/name).

The keyword index sorts « évaluation » with the e, and its anchors are the same ASCII slugs as
the catalogue's filter (#tag:evaluation, ?mot_cle=evaluation). Duck-typed: no MkDocs import.
"""

from __future__ import annotations

from centre_ressources.content.slugs import slugify


def tag_slug(name: str, separator: str = "-") -> str:
    return slugify(name)


def tag_sort_key(tag, *args) -> str:
    return slugify(tag.name)


def item_sort_key(mapping) -> str:
    return slugify(str(mapping.item.title))
