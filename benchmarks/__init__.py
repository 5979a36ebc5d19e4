"""Benchmark of the resource centre at scale (not part of the test suite: it takes minutes).

Run it with `bash scripts/bench.sh [N ...]`. It grows the catalogue from the real content to N
items, builds it with MkDocs in child processes, builds as the floor the same number of plain
Markdown pages with Material alone, and checks the targets of the scale issue as ratios.

This package does not import `centre_ressources`: it works on the content files and runs the
project's commands in child processes, like a contributor would.
"""
