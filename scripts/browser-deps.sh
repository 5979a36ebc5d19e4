#!/usr/bin/env bash
# The browser the end-to-end tests drive: Debian's Chromium, installed with apt when missing.
# (Playwright's own browser download needs hosts this machine cannot reach.)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
command -v chromium >/dev/null 2>&1 || apt_install chromium "Chromium"
