"""Old addresses keep working: each old slug in `alias` gets a small page sending on to the new one.

A static host cannot be relied on for HTTP redirects, so each page redirects by a script (which
keeps the #etape-N), a meta refresh and a visible link, with a canonical link to the new address.
The target is only a path built from two slugs checked again here: no contributed text reaches
it but the title, escaped.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass

from centre_ressources import urls
from centre_ressources.catalogue import Catalogue
from centre_ressources.characters import clean_line
from centre_ressources.content.slugs import is_slug


@dataclass(frozen=True)
class Redirect:
    old_src: str  # the page source the old slug would have had (`fiches/ancien.md`)
    new_src: str
    title: str
    kind: str  # "la fiche", "l'étude de cas", "le parcours"

    @property
    def output_path(self) -> str:
        """Where the redirect page is written in the built site (`fiches/ancien/index.html`)."""
        return urls.public_url(self.old_src) + "index.html"


def _redirect(page: Callable[[str], str], old: str, new: str, title: str, kind: str) -> Redirect:
    for slug in (old, new):
        if not is_slug(slug):
            raise ValueError(f"« {slug} » n'est pas un nom de page (lettres minuscules sans accents, "
                             "chiffres et tirets) : la page de redirection n'est pas écrite.")
    return Redirect(page(old), page(new), title, kind)


def redirects(catalogue: Catalogue) -> list[Redirect]:
    found = []
    for sheet in catalogue.sheets:
        found += [_redirect(urls.sheet_page, alias, sheet.slug, sheet.titre, "la fiche") for alias in sheet.alias]
    for case in catalogue.cases:
        found += [_redirect(urls.case_page, alias, case.slug, case.titre, "l'étude de cas") for alias in case.alias]
    for path in catalogue.paths:
        found += [_redirect(urls.path_page, alias, path.slug, path.titre, "le parcours") for alias in path.alias]
    return sorted(found, key=lambda r: r.old_src)


def redirect_page(redirect: Redirect, site_url: str) -> str:
    target = urls.public_href(redirect.old_src, redirect.new_src)
    canonical = urls.absolute(site_url, redirect.new_src) if site_url else target
    title = html.escape(clean_line(redirect.title))
    href = html.escape(target)
    # json.dumps gives a safe JavaScript string; "</" cannot close the script element.
    script_target = json.dumps(target).replace("</", "<\\/")
    return f"""<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nouvelle adresse : {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{html.escape(canonical)}">
<script>window.location.replace({script_target} + window.location.hash);</script>
<meta http-equiv="refresh" content="0; url={href}">
</head>
<body>
<main>
<h1>Cette page a changé d'adresse</h1>
<p>{redirect.kind.capitalize()} « {title} » se trouve désormais ici :
<a href="{href}">{html.escape(canonical)}</a>.</p>
<p>Si vous aviez enregistré l'ancienne adresse, remplacez-la par la nouvelle.</p>
</main>
</body>
</html>
"""


def redirect_pages(catalogue: Catalogue, site_url: str) -> dict[str, str]:
    """Output path in the built site -> HTML of its redirect page."""
    return {r.output_path: redirect_page(r, site_url) for r in redirects(catalogue)}
