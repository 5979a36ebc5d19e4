"""Everything that depends on Material for MkDocs (its markup, its tags plugin): the one place
to look when the theme changes."""
