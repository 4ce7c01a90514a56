#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the sample reports in packaging/screenshots/ from an offline comparison and an offline pipeline run (no
# network, a scratch home), in every format, and renders the HTML with headless Chromium (light, dark, phone).
# Usage: packaging/make-report-samples.sh [BUILD_DIR]   (default build/dev; needs `chromium` for the PNGs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
juxta="${1:-$root/build/dev}/app/juxta"
out="$root/packaging/screenshots/reports"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" XDG_CACHE_HOME="$scratch/cache"
export http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
mkdir -p "$out"
rm -f "$out"/*

"$juxta" compare --model scripted/swift --model scripted/steady --model scripted/slow --model scripted/flaky \
    --repeat 3 --system "Answer in two sentences." \
    "Why should a team compare language models before choosing one?" --report "$out/comparison.html" >/dev/null \
    || true # exit 1: scripted/flaky fails, as scripted
"$juxta" run "$root/resources/examples/ask-three-judge.juxta" --report "$out/pipeline-run.html" >/dev/null
comparison="$("$juxta" history --json --kind comparison | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
run="$("$juxta" history --json --kind run | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
for ext in md csv json; do
    "$juxta" report --comparison "$comparison" -o "$out/comparison.$ext" >/dev/null
    "$juxta" report --run "$run" -o "$out/pipeline-run.$ext" >/dev/null
done
# Paths in the samples would name this machine's scratch folder: the reports name none, checked here.
if grep -rl "$scratch" "$out" >/dev/null; then echo "a sample names a local path" >&2; exit 1; fi

if command -v chromium >/dev/null; then
    shot() { # file.html out.png width height [extra flags]
        timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$3,$4" \
            "${@:5}" --screenshot="$2" "file://$1" >/dev/null 2>&1
    }
    shot "$out/comparison.html" "$out/comparison.png" 1100 3400
    shot "$out/comparison.html" "$out/comparison-dark.png" 1100 1800 --force-dark-mode --blink-settings=preferredColorScheme=0
    shot "$out/comparison.html" "$out/comparison-phone.png" 390 1600
    shot "$out/pipeline-run.html" "$out/pipeline-run.png" 1100 3000
else
    echo "make-report-samples: chromium not installed; no PNGs (apt-get install chromium)" >&2
fi
ls -la "$out"
