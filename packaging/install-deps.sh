#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian package listed in packaging/packages.txt that is not installed yet (idempotent).
# Sections marked "(optional)" are installed only when named: install-deps.sh fuzz (clang and libFuzzer).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mapfile -t wanted < <(awk -v want=" ${*} " '
    /^#[[:space:]]*[a-z]+/ { section = $2; optional = ($0 ~ /\(optional\)/); next }
    /^[[:space:]]*(#|$)/ { next }
    !optional || index(want, " " section " ") { print $1 }' "$here/packages.txt")

missing=()
for pkg in "${wanted[@]}"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" != "installed" ]; then
        missing+=("$pkg")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#wanted[@]} packages present"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
