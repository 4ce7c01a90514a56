#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One entry point for developers and CI:
#   packaging/dev.sh run     install packages, build, start the app
#   packaging/dev.sh test    install packages, build, run the whole suite offscreen in a private D-Bus session
#                            with an unlocked throwaway gnome-keyring
#   packaging/dev.sh bench   install packages, build, run the benchmarks in tests/bench and print their figures
#   packaging/dev.sh asan    the test suite built with AddressSanitizer + UndefinedBehaviorSanitizer
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
bench)
    build dev
    QT_QPA_PLATFORM=offscreen ctest --preset bench
    ;;
*)
    echo "usage: packaging/dev.sh run|test|asan|bench" >&2
    exit 2
    ;;
esac
