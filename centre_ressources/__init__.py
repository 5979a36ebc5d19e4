"""Core of the resource centre: read, check, link and render the content, then publish it.

Nothing here imports MkDocs (`hooks/` and `centre_ressources_mkdocs/` are the bridges); the
stages import one way, downward (tests/unit/test_stage_imports.py). The public API:
`generate(Path("."))` returns the catalogue and the rendered site, or raises `ContentErrors`,
whose `report()` is the French list of what to correct."""

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
