#!/usr/bin/env bash
# Run the whole test suite: unit tests of the core, fixture sites, full builds.
set -euo pipefail
source "$(dirname "$0")/setup.sh" test
exec .venv/bin/python -m pytest "$@"
