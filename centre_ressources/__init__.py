"""Core of the resource centre: read, check, link and render the content, then publish it.

Nothing in this package imports MkDocs, so it can be tested and reused on its own;
`hooks/` is the only bridge to the MkDocs build. Its stages import one way, downward: content/,
catalogue.py, render/, checks/, publish/ and downloads/, pipeline.py (tests/unit/test_stage_imports.py).

The public API, for scripts and other tools:

    from centre_ressources import generate, ContentErrors
    try:
        catalogue, site = generate(Path("."))
    except ContentErrors as errors:
        print(errors.report())
"""

from centre_ressources.catalogue import Catalogue
from centre_ressources.content.load import Content
from centre_ressources.content.records import EtudeDeCas, Fiche, Parcours, Phase, Terme
from centre_ressources.errors import ContentError, ContentErrors
from centre_ressources.pipeline import build_catalogue, generate, load_content
from centre_ressources.render.pages import RenderedSite

__all__ = [
    "Catalogue", "Content", "ContentError", "ContentErrors", "EtudeDeCas", "Fiche", "Parcours", "Phase",
    "RenderedSite", "Terme", "build_catalogue", "generate", "load_content",
]
