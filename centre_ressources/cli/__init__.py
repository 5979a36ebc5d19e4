"""The `centre-ressources` command: check, new, build, serve, export."""
