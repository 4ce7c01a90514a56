#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One entry point for developers and CI:
#   packaging/dev.sh run     install packages, build, start the app
#   packaging/dev.sh test    install packages, build, run the whole suite offscreen in a private D-Bus session
#                            with an unlocked throwaway gnome-keyring
#   packaging/dev.sh bench   install packages, build, run the benchmarks in tests/bench and print their figures
#   packaging/dev.sh asan    the test suite built with AddressSanitizer + UndefinedBehaviorSanitizer
#   packaging/dev.sh fuzz [SECONDS] [TARGET…]
#                            builds tests/fuzz with clang + libFuzzer (ASan, UBSan) and fuzzes each target for
#                            SECONDS (default 300) from its corpus; new finds go to build/fuzz/found/<target>, a
#                            crash is saved as tests/fuzz/corpus/<target>/crash-… and ends the run with status 1
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

build() { # $1: preset
    "$root/packaging/install-deps.sh"
    cmake --preset "$1" >/dev/null
    cmake --build --preset "$1"
}

# Runs "$@" inside a private session bus with a fresh, unlocked login keyring, so keychain tests are real
# and nothing touches the user's own keyring or settings.
in_keyring_session() {
    scratch="$(mktemp -d)"
    trap 'rm -rf "$scratch"' EXIT
    mkdir -p "$scratch/data" "$scratch/runtime" "$scratch/config"
    chmod 700 "$scratch/runtime"
    XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime" XDG_CONFIG_HOME="$scratch/config" \
        dbus-run-session -- bash -c '
            printf "juxta-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
            exec "$@"' bash "$@"
}

run_tests() { # $1: preset
    build "$1"
    export QT_QPA_PLATFORM=offscreen JUXTA_REQUIRE_KEYCHAIN=1
    in_keyring_session ctest --preset "$1" --output-on-failure
}

case "${1:-}" in
run)
    build dev
    exec "$root/build/dev/app/juxta" "${@:2}"
    ;;
test)
    run_tests dev
    ;;
asan)
    export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp"
    run_tests asan
    ;;
fuzz)
    seconds="${2:-300}"
    "$root/packaging/install-deps.sh" fuzz
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz
    targets=("${@:3}")
    [ ${#targets[@]} -gt 0 ] || read -r -a targets <<<"$(tr ';' ' ' <"$root/build/fuzz/fuzz-targets.txt")"
    export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
    status=0
    for target in "${targets[@]}"; do
        found="$root/build/fuzz/found/$target"
        mkdir -p "$found"
        echo "== fuzz_$target for ${seconds}s"
        "$root/build/fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
            -max_len=262144 -print_final_stats=1 -artifact_prefix="$root/tests/fuzz/corpus/$target/" \
            "$found" "$root/tests/fuzz/corpus/$target" 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" || status=1
        [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
    done
    exit "$status"
    ;;
bench)
    build dev
    QT_QPA_PLATFORM=offscreen ctest --preset bench
    ;;
*)
    echo "usage: packaging/dev.sh run|test|asan|bench|fuzz [SECONDS] [TARGET…]" >&2
    exit 2
    ;;
esac
