#!/usr/bin/env bash
# What the offline pack needs beyond Python: the iframe-worker shim (npm package, version locked
# in offline/package-lock.json), which lets its search run from the file system.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -f offline/node_modules/iframe-worker/shim/index.js ]; then
  exit 0
fi
source scripts/apt-install.sh
command -v npm >/dev/null 2>&1 || apt_install npm "npm" "pour construire la version hors ligne"
echo "Installation d'iframe-worker (npm) pour la version hors ligne…"
npm ci --prefix offline --no-audit --no-fund --loglevel=error
