#!/usr/bin/env bash
# Build the site with its downloads: the PDF of each sheet, a PDF kit per phase and the offline
# pack. Installs what it needs first: the project with its "publication" extra (.venv),
# Debian's Chromium (prints the PDF files), npm and iframe-worker (the offline pack's search).
set -euo pipefail
export SETUP_EXTRAS="${SETUP_EXTRAS:-publication}"
source "$(dirname "$0")/setup.sh"
bash scripts/browser-deps.sh
bash scripts/offline-deps.sh
exec .venv/bin/centre-ressources build --pdf --hors-ligne "$@"
