#!/usr/bin/env bash
# Run the whole test suite: lint and types (ruff, mypy), then unit tests of the core, fixture
# sites, full builds, browser tests. Arguments go to pytest (e.g. -m "not browser").
set -euo pipefail
SETUP_EXTRAS=test source "$(dirname "$0")/setup.sh"
bash scripts/browser-deps.sh
bash scripts/offline-deps.sh  # the offline pack's search shim (npm), for tests/build/test_offline.py
bash scripts/node-deps.sh  # axe-core, the Nu Html Checker and Java, for the quality tests
bash scripts/zensical-deps.sh  # Zensical, in .venv-zensical: the export built without MkDocs (tests/build/test_zensical.py)
echo "Vérification du code (ruff, mypy)…"
.venv/bin/ruff check .
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
