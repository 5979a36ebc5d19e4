#!/usr/bin/env bash
# What the offline pack needs beyond Python: the iframe-worker shim (npm package, version locked
# in offline/package-lock.json), which lets its search run from the file system.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -f offline/node_modules/iframe-worker/shim/index.js ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installation de npm (paquet Debian)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  else
    echo "npm est introuvable : installez Node.js et npm (paquet Debian « npm ») pour construire la version hors ligne." >&2
    exit 1
  fi
fi
echo "Installation d'iframe-worker (npm) pour la version hors ligne…"
npm ci --prefix offline --no-audit --no-fund --loglevel=error
