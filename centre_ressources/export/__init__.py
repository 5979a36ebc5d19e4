"""`centre-ressources export`: the whole site as plain sources (Markdown, files, a configuration
per builder) that a builder without hooks publishes as the same site. See source.py."""
