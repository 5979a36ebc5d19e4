#!/usr/bin/env bash
# Shared set-up for the project's commands: a virtual environment in .venv with the project
# installed in editable mode. Sourced by serve.sh and test.sh; the extras to install come from
# SETUP_EXTRAS (never from the arguments, which are the caller's: serve.sh --dev-addr …).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "Création de l'environnement Python (.venv)…"
  "$PYTHON" -m venv .venv
fi
extras="${SETUP_EXTRAS:-}"
echo "Installation des dépendances${extras:+ ($extras)}…"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}"
export NO_MKDOCS_2_WARNING=1
