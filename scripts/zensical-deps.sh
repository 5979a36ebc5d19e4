#!/usr/bin/env bash
# Zensical, the builder that follows Material for MkDocs, in its own environment (.venv-zensical):
# it brings its own theme and Markdown stack, kept apart from the MkDocs build's. The version is
# pinned: 0.0.73 is the last that installs from the registry (the 0.1 releases need a zensical-ui
# the registry does not serve). Used by tests/build/test_zensical.py and the steps of ZENSICAL.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ZENSICAL_VERSION="0.0.73"
if [ -x .venv-zensical/bin/zensical ] && \
   .venv-zensical/bin/python -m pip show zensical 2>/dev/null | grep -qx "Version: $ZENSICAL_VERSION"; then
  exit 0
fi
PYTHON="${PYTHON:-python3}"
[ -x .venv-zensical/bin/python ] || "$PYTHON" -m venv .venv-zensical
echo "Installation de Zensical $ZENSICAL_VERSION (.venv-zensical)…"
.venv-zensical/bin/python -m pip install --quiet --disable-pip-version-check "zensical==$ZENSICAL_VERSION"
