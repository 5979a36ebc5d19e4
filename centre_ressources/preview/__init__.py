"""The preview of `centre-ressources serve`: an edit rebuilds only the pages it changes.

session.py holds the content side (the files read, the catalogue, the pages' Markdown), and
dependencies.py says which pages an edit can change; the MkDocs side is hooks/preview.py.
"""
