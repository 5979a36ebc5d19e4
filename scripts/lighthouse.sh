#!/usr/bin/env bash
# Lighthouse scores of the home page, a sheet and a case study (mobile profile, Debian's
# Chromium), on a fresh build served locally. Targets: performance >= 95, accessibility 100,
# best practices 100; exits with 1 when one is missed. Not part of the test suite: it is slow
# and its performance figure varies from one run to the next.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
bash scripts/browser-deps.sh
if [ ! -x tools/lighthouse/node_modules/.bin/lighthouse ]; then
  echo "Installation de Lighthouse (npm, tools/lighthouse/package-lock.json)…"
  npm ci --prefix tools/lighthouse --ignore-scripts --no-audit --no-fund --loglevel=error
fi
exec .venv/bin/python tools/lighthouse/measure.py
