"""Benchmark of the resource centre at scale (not part of the test suite: it takes minutes).

`bash scripts/bench.sh [N ...]` grows the real catalogue to N items, builds it, builds the floor
(as many plain pages with Material alone) and checks the targets as ratios. It never imports
`centre_ressources`: it runs the project's commands in child processes, as a contributor would.
"""
