"""Core of the resource centre: load, validate, model, link and render content.

Nothing in this package imports MkDocs, so it can be tested and reused on its own;
`hooks/centre.py` is the only bridge to the MkDocs build.
"""
