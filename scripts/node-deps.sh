#!/usr/bin/env bash
# The npm tools of the quality tests, at the versions of package-lock.json: axe-core
# (accessibility rules, run in Chromium) and vnu-jar (the Nu Html Checker), plus Java to run
# the checker. Called by scripts/test.sh; scripts/lighthouse.sh installs Lighthouse apart.
# Install scripts are not run: vnu-jar's would download a Java runtime from GitHub; Debian's
# Java is used instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/apt-install.sh

command -v npm >/dev/null 2>&1 || apt_install npm "npm"
command -v java >/dev/null 2>&1 || apt_install default-jre-headless "Java"

# `npm ci` empties node_modules each time: skip it when this very lockfile is installed.
stamp="node_modules/.installe-$(sha256sum package-lock.json | cut -c1-16)"
if [ -f "$stamp" ]; then
  exit 0
fi
echo "Installation des outils npm (package-lock.json)…"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
touch "$stamp"
