#!/usr/bin/env bash
# Run the whole test suite: unit tests of the core, fixture sites, full builds, browser tests.
set -euo pipefail
SETUP_EXTRAS=test source "$(dirname "$0")/setup.sh"
bash scripts/browser-deps.sh
bash scripts/offline-deps.sh  # the offline pack's search shim (npm), for tests/test_offline.py
bash scripts/node-deps.sh  # axe-core, the Nu Html Checker and Java, for the quality tests
exec .venv/bin/python -m pytest "$@"
