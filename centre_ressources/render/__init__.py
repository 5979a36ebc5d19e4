"""The catalogue -> the Markdown of every generated page, in memory: Jinja2 templates, the
glossary links, the parts put in place after Markdown (deferred), the catalogue filters, the
comparison of case studies, and the pictures drawn from the data (pictures/)."""
