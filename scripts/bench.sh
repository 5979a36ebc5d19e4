#!/usr/bin/env bash
# Benchmark at scale: grow the catalogue to N items (default 100 1000 2000), build it, compare
# with Material building as many plain pages, print the table and check the targets.
# Not part of the test suite: it takes about ten minutes on two cores.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
exec .venv/bin/python -m benchmarks "$@"
