"""Names that a sheet, a case study, a phase or a path may not take: the address of one of the
site's own pages (urls.site_page_taken), for a file's name as for an alias.

A sheet `methods/index.md` would be served at /fiches/, the catalogue's address: its page would
never be published, and every link to it would lead to the catalogue; an alias `index` would
write its redirect over the catalogue, or do nothing. Both are refused at their line.
"""

from __future__ import annotations

from centre_ressources import urls

# « celle … » of each page a record's slug could take
_WHOSE = {
    urls.APPROACH: "de la page de la démarche",
    urls.SHEETS: "du catalogue des fiches",
    urls.COMPARISON: "de la page qui compare les études de cas",
    urls.PATHS: "de la liste des parcours",
}
_RENAME = {"etude-de-cas": "renommez ce dossier"}


def reserved_name(kind: str, slug: str) -> str | None:
    """Why a file or folder of `kind` cannot be named `slug`, or None."""
    taken = urls.site_page_taken(kind, slug)
    if taken is None:
        return None
    return (f"le nom « {slug} » est réservé : l'adresse /{urls.public_url(taken)} est celle {_whose(taken)}, et "
            f"ce contenu n'y serait jamais publié ; {_RENAME.get(kind, 'renommez le fichier')} (d'après son titre, "
            "par exemple).")


def reserved_alias(kind: str, alias: str) -> str | None:
    """Why a record of `kind` cannot have `alias` as an old name, or None."""
    taken = urls.site_page_taken(kind, alias)
    if taken is None:
        return None
    return (f"l'alias « {alias} » est réservé : l'adresse /{urls.public_url(taken)} est celle {_whose(taken)}, "
            "aucune ancienne adresse ne peut y mener ; retirez-le.")


def _whose(src_uri: str) -> str:
    return _WHOSE.get(src_uri, "d'une page du site")
