#!/usr/bin/env bash
# The browser the end-to-end tests drive: Debian's Chromium, installed with apt when missing.
# (Playwright's own browser download needs hosts this project cannot reach; see README.)
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installation de Chromium (paquet Debian)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Chromium est introuvable : installez le paquet « chromium » de votre système (ou lancez ce script en root)." >&2
  exit 1
fi
