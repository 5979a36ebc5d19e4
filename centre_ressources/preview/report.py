"""What the preview says, in French: in the terminal after each edit, and on the previewed page
while the content has an error."""

from __future__ import annotations

import html

from centre_ressources import urls
from centre_ressources.errors import ContentErrors

SHOWN_PAGES = 6  # the terminal names a few pages, then counts the others


def duration(seconds: float) -> str:
    return f"{seconds:.2f}".replace(".", ",")


def _pages(count: int) -> str:
    return f"{count} page{'s' if count > 1 else ''}"


def page_address(src_uri: str) -> str:
    """The address a visitor types, for the terminal: « etudes-de-cas/morlaix/ »."""
    return urls.public_url(src_uri) or "accueil"


def updated(written: list[str], rendered: int, files_read: tuple[str, ...], seconds: float) -> str:
    """« Aperçu mis à jour en 0,42 s : 1 page réécrite (etudes-de-cas/x/) ; 4 pages recalculées, inchangées
    (relu : case_studies/x/index.md). »"""
    if written:
        names = [page_address(uri) for uri in written[:SHOWN_PAGES]]
        more = len(written) - len(names)
        listed = ", ".join(names) + (f" et {more} autre{'s' if more > 1 else ''}" if more else "")
        what = f"{_pages(len(written))} réécrite{'s' if len(written) > 1 else ''} ({listed})"
    else:
        what = "aucune page changée"
    same = rendered - len(written)
    if same > 0:
        what += f" ; {_pages(same)} recalculée{'s' if same > 1 else ''}, inchangée{'s' if same > 1 else ''}"
    if files_read:
        what += f" (relu : {', '.join(files_read[:SHOWN_PAGES])}{' …' if len(files_read) > SHOWN_PAGES else ''})"
    return f"Aperçu mis à jour en {duration(seconds)} s : {what}."


def whole_build(reason: str) -> str:
    return f"Aperçu : {reason}, tout le site est reconstruit…"


def built(seconds: float, address: str, site_dir: str) -> str:
    return f"Aperçu prêt en {duration(seconds)} s : {address} (pages écrites dans {site_dir})"


KEPT = "L'aperçu garde la dernière version valide des pages ; corrigez le fichier et enregistrez-le."


def content_error(errors: ContentErrors) -> str:
    return f"{errors.report()}\n{KEPT}"


def error_banner(errors: ContentErrors) -> str:
    """A notice at the top of every previewed page while the content has an error (the preview
    only: the published site never has one)."""
    return (
        '<div role="alert" id="apercu-erreur" style="position:sticky;top:0;z-index:10000;margin:0;'
        'padding:1em 1.5em;background:#8b0000;color:#fff;font:1rem/1.5 system-ui,sans-serif;'
        'max-height:50vh;overflow:auto">'
        "<p style=\"margin:0 0 .5em;font-weight:bold\">Erreur dans les contenus : cette page montre la dernière "
        "version valide.</p>"
        f'<pre style="margin:0;white-space:pre-wrap;font:inherit">{html.escape(errors.report(), quote=False)}</pre>'
        f'<p style="margin:.5em 0 0">{html.escape(KEPT, quote=False)}</p></div>'
    )
