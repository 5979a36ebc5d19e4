#!/usr/bin/env bash
# Build and serve the site locally at http://127.0.0.1:8000 (reloads when content changes).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
exec .venv/bin/centre-ressources serve "$@"
