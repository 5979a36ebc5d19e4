"""Where each generated page lives: its source path (src_uri) in the MkDocs file tree.

These paths fix the public URLs (with directory URLs, `fiches/x.md` is served at
`/fiches/x/`), so they are a promise to everyone who links to the site: change none.
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
APPROACH = "demarche/index.md"
SHEETS = "fiches/index.md"
CASES = "etudes-de-cas/index.md"
LESSONS = "enseignements/index.md"
CONTRIBUTE = "contribuer.md"
ABOUT = "a-propos.md"
GLOSSARY = "glossaire.md"
COMPARISON = "etudes-de-cas/comparaison.md"  # no case study may take its address (SITE_PAGES)
# Hand-written pages (docs/), one per success factor the experiment identified.
LESSON_PAGES = ("enseignements/tiers-veilleur.md", "enseignements/portage-politique.md",
                "enseignements/fonction-de-soutien.md")
PATHS = "parcours/index.md"
KEYWORDS = "mots-cles.md"
OPEN_DATA = "donnees-ouvertes.md"
# Files written beside the pages (not Markdown): their paths are public URLs as they are.
API_SHEETS = "api/fiches.json"
API_CASES = "api/etudes-de-cas.json"
API_SHEETS_CSV = "api/fiches.csv"
API_CASES_CSV = "api/etudes-de-cas.csv"
FORM_CHOICES = "api/choix-du-formulaire.json"  # phases and sheet titles, for /contribuer/
# The session planner (/atelier/) and its data, small scripts the offline pack can load too.
PLANNER = "atelier.md"
PLANNER_INDEX = "atelier/fiches.js"
FEED = "feed.xml"
# Downloads, published only when they were produced (see downloads.py): PDF of each sheet,
# a PDF kit per phase, the offline pack.
DOWNLOADS = "telechargements/index.md"
DOWNLOADS_DIR = "telechargements"
OFFLINE_PACK = "telechargements/centre-de-ressources-hors-ligne.zip"


def phase_page(slug: str) -> str:
    return f"demarche/{slug}.md"


def sheet_page(slug: str) -> str:
    return f"fiches/{slug}.md"


def path_page(slug: str) -> str:
    return f"parcours/{slug}.md"


# The pages of the site that no record's slug makes: a record whose page (or whose old address,
# `alias`) would be served at one of their addresses would never be published, or would replace
# it (`fiches/index.md` is the catalogue, `etudes-de-cas/comparaison/` the comparison).
SITE_PAGES = (HOME, APPROACH, SHEETS, CASES, LESSONS, *LESSON_PAGES, CONTRIBUTE, ABOUT, GLOSSARY, COMPARISON,
              PATHS, KEYWORDS, OPEN_DATA, PLANNER, DOWNLOADS)


def record_page(kind: str, slug: str) -> str:
    """The page of a record of a kind ("phase", "fiche", "etude-de-cas", "parcours")."""
    return _RECORD_PAGES[kind](slug)


def site_page_taken(kind: str, slug: str) -> str | None:
    """The site's own page whose address a record of `kind` named `slug` would take, or None:
    such a slug is reserved, for a file's name as for an alias."""
    address = public_url(record_page(kind, slug))
    return next((page for page in SITE_PAGES if public_url(page) == address), None)


# « celle … » of each page a record's slug could take
_WHOSE = {
    APPROACH: "de la page de la démarche",
    SHEETS: "du catalogue des fiches",
    COMPARISON: "de la page qui compare les études de cas",
    PATHS: "de la liste des parcours",
}
_RENAME = {"etude-de-cas": "renommez ce dossier"}


def reserved_name(kind: str, slug: str) -> str | None:
    """Why a file or folder of `kind` cannot be named `slug` (its page would never be
    published, and every link to it would lead to the site's own page), or None."""
    taken = site_page_taken(kind, slug)
    if taken is None:
        return None
    return (f"le nom « {slug} » est réservé : l'adresse /{public_url(taken)} est celle {_whose(taken)}, et "
            f"ce contenu n'y serait jamais publié ; {_RENAME.get(kind, 'renommez le fichier')} (d'après son titre, "
            "par exemple).")


def reserved_alias(kind: str, alias: str) -> str | None:
    """Why a record of `kind` cannot have `alias` as an old name (its redirect would write over
    the site's own page, or do nothing), or None."""
    taken = site_page_taken(kind, alias)
    if taken is None:
        return None
    return (f"l'alias « {alias} » est réservé : l'adresse /{public_url(taken)} est celle {_whose(taken)}, "
            "aucune ancienne adresse ne peut y mener ; retirez-le.")


def _whose(src_uri: str) -> str:
    return _WHOSE.get(src_uri, "d'une page du site")


def planner_sheet_data(slug: str) -> str:
    return f"atelier/fiches/{slug}.js"


def sheet_pdf(slug: str) -> str:
    return f"{DOWNLOADS_DIR}/fiche-{slug}.pdf"


def phase_kit_pdf(slug: str) -> str:
    return f"{DOWNLOADS_DIR}/kit-{slug}.pdf"


def case_page(slug: str) -> str:
    # A folder per case so that images written beside index.md keep their relative links.
    return f"etudes-de-cas/{slug}/index.md"


def case_asset(slug: str, filename: str) -> str:
    return f"etudes-de-cas/{slug}/{filename}"


_RECORD_PAGES = {"phase": phase_page, "fiche": sheet_page, "etude-de-cas": case_page, "parcours": path_page}


def public_url(src_uri: str) -> str:
    """The URL path a page is served at: `fiches/x.md` -> `fiches/x/`."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = path.removesuffix("index")
    else:
        path += "/"
    return path


def relative(from_src: str, to_src: str, anchor: str = "") -> str:
    """A Markdown link from one page source to another, which MkDocs then resolves and checks."""
    link = _relpath(to_src, posixpath.dirname(from_src) or ".")
    return f"{link}#{anchor}" if anchor else link


def _relpath(path: str, start: str) -> str:
    """`posixpath.relpath` for the site's clean relative paths, without its two calls to
    `os.getcwd()`: it runs for every link of every generated page."""
    if path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path, start)
    start_parts = [part for part in start.split("/") if part and part != "."]
    path_parts = [part for part in path.split("/") if part and part != "."]
    if ".." in start_parts or ".." in path_parts:
        return posixpath.relpath(path, start)
    common = 0
    for start_part, path_part in zip(start_parts, path_parts, strict=False):  # up to the shorter
        if start_part != path_part:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


def absolute(site_url: str, src_uri: str, anchor: str = "") -> str:
    """The full public address of a page (or of a file such as `api/fiches.json`)."""
    path = public_url(src_uri) if src_uri.endswith(".md") else src_uri
    address = site_url.rstrip("/") + "/" + path
    return f"{address}#{anchor}" if anchor else address


def public_href(from_src: str, to_src: str, anchor: str = "") -> str:
    """A relative link between two served addresses, for raw HTML that MkDocs does not rewrite
    (`fiches/index.md` -> `fiches/x.md` gives `x/`)."""
    def served(src: str) -> str:
        return "/" + (public_url(src) if src.endswith(".md") else src)

    base, target = served(from_src), served(to_src)
    start = base if base.endswith("/") else posixpath.dirname(base)
    link = _relpath(target[1:], start[1:])  # both from the site's root
    if target.endswith("/"):
        link = "./" if link == "." else link + "/"
    return f"{link}#{anchor}" if anchor else link
