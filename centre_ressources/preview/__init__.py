"""The preview of `centre-ressources serve`: an edit rebuilds only the pages it changes.

session.py holds the content side (the files read, the catalogue, the pages' Markdown),
dependencies.py says which pages an edit can change, changes.py what a save changes; the MkDocs
side is the package centre_ressources_mkdocs.
"""
