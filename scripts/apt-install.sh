#!/usr/bin/env bash
# Sourced by the scripts that install what the tests and builds need beyond Python:
# `apt_install PACKAGE WHAT [WHY]` installs a Debian package when run as root on Debian,
# and otherwise stops with a French message naming the package to install.
apt_install() {
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installation de $1 (paquet Debian)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "$2 est introuvable : installez le paquet Debian « $1 »${3:+ $3} (ou lancez ce script en root)." >&2
    exit 1
  fi
}
