"""The MkDocs machinery of `centre-ressources serve` (`python -P -m centre_ressources_mkdocs ROOT`):
the site built once by MkDocs, then, at each save, only the pages it changes.

The core decides what a save changes (centre_ressources/preview/, no MkDocs there); this package
asks MkDocs to carry it out. Outside hooks/, which MkDocs loads by path at each build, so that
it is installed with the package; the MkDocs internals it leans on are listed in internals.py.
"""
