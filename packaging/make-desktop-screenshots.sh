#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshots of the desktop integration, for people to look at: the icon in its hicolor sizes on light and dark,
# and juxta(1) as groff renders it. Needs a build (build/dev) and headless Chromium.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/packaging/screenshots"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
shoot() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$2" --screenshot="$3" "file://$1" 2>/dev/null; }

{
    echo '<html><body style="margin:0;font:13px sans-serif">'
    for bg in '#ffffff;color:#222' '#1e1e1e;color:#ddd'; do
        echo "<div style=\"background:$bg;padding:20px;display:flex;gap:28px;align-items:flex-end\">"
        for size in 16 22 24 32 48 64 128 256; do
            echo "<figure style=\"margin:0;text-align:center\"><img src=\"file://$root/resources/icons/hicolor/${size}x${size}/apps/org.juxta.Juxta.png\" width=\"$size\" height=\"$size\"><figcaption>${size}</figcaption></figure>"
        done
        echo '</div>'
    done
    echo '</body></html>'
} >"$scratch/icons.html"
shoot "$scratch/icons.html" 1100,680 "$out/icon_sizes.png"

# As a terminal shows it (man's own rendering, bold and underline dropped), on a terminal's colours.
{
    echo '<html><body style="margin:0;background:#1e1e1e;color:#e6e6e6"><pre style="margin:16px;font:13px monospace">'
    MANWIDTH=100 man -l "$root/build/dev/packaging/juxta.1" 2>/dev/null | col -b | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g'
    echo '</pre></body></html>'
} >"$scratch/man.html"
shoot "$scratch/man.html" 1000,1400 "$out/man_page.png"
ls -1 "$out/icon_sizes.png" "$out/man_page.png"
