#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders resources/icons/org.juxta.Juxta.svg into the hicolor PNG sizes (committed; run again after changing the
# SVG). Uses headless Chromium, which draws SVG exactly and keeps the transparent background.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
svg="$root/resources/icons/org.juxta.Juxta.svg"
command -v chromium >/dev/null || { echo "make-icons: apt-get install chromium" >&2; exit 1; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for size in 16 22 24 32 48 64 128 256; do
    out="$root/resources/icons/hicolor/${size}x${size}/apps/org.juxta.Juxta.png"
    mkdir -p "$(dirname "$out")"
    printf '<html><body style="margin:0"><img src="file://%s" width="%d" height="%d"></body></html>' \
        "$svg" "$size" "$size" >"$scratch/icon.html"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
        --window-size="$size,$size" --screenshot="$out" "file://$scratch/icon.html" 2>/dev/null
    echo "$out"
done
