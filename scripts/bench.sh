#!/usr/bin/env bash
# Benchmark at scale: grow the catalogue to N items (default 100 1000 2000), build it, compare
# with Material building as many plain pages, print the table and check the targets.
# Not part of the test suite: it takes about ten minutes on two cores.
set -euo pipefail
# The search is measured in Debian's Chromium, driven by Playwright (the `publication` extra).
SETUP_EXTRAS="${SETUP_EXTRAS:-publication}"
source "$(dirname "$0")/setup.sh"
bash "$(dirname "$0")/browser-deps.sh"
exec .venv/bin/python -m benchmarks "$@"
