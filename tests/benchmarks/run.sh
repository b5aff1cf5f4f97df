#!/usr/bin/env bash
# Builds the benchmarks in a Release build and runs them; every figure is a ratio against a
# baseline measured in the same run (tests/benchmarks/README.md says how to read them).
#
#   tests/benchmarks/run.sh            network, start-up (no keychain, keyring, restore), customers
#   tests/benchmarks/run.sh --quick    tiny counts: checks that everything runs, numbers mean little
#   tests/benchmarks/run.sh --xvfb     also start-up on a virtual X server (xvfb-run, QT_QPA_PLATFORM=xcb)
#   tests/benchmarks/run.sh --only=customers   one benchmark: network, startup or customers
#
# BUILD_DIR: the build directory (default: build-bench/ at the top of the repository). A directory
# that is already configured is used as it is, whatever its build type (the output names it).
# REQUESTS, ROUNDS (bench_network), RUNS (bench_startup) and CUSTOMER_RUNS (bench_customers: stall
# and memory runs; four times as many page loads) override the counts.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$repo/build-bench}
requests=${REQUESTS:-1000}
rounds=${ROUNDS:-5}
runs=${RUNS:-20}
customer_runs=${CUSTOMER_RUNS:-10}
customer_counts=()
xvfb=0
only=all

for arg in "$@"; do
    case $arg in
        --quick)
            requests=${REQUESTS:-50}; rounds=${ROUNDS:-2}; runs=${RUNS:-3}
            customer_runs=${CUSTOMER_RUNS:-2}
            customer_counts=(--customers 20000 --scroll-rows 2000)
            ;;
        --xvfb) xvfb=1 ;;
        --only=network | --only=startup | --only=customers) only=${arg#--only=} ;;
        *) echo "usage: $0 [--quick] [--xvfb] [--only=network|startup|customers]" >&2; exit 2 ;;
    esac
done
wanted() { [ "$only" = all ] || [ "$only" = "$1" ]; }

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

if [ -n "${BUILD_DIR:-}" ] && [ -f "$build/CMakeCache.txt" ]; then
    say "Using the existing build in $build"
else
    say "Configuring a Release build in $build"
    cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
targets=()
wanted network && targets+=(bench_network)
wanted startup && targets+=(bench_startup bench_startup_baseline)
wanted customers && targets+=(bench_customers)
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}"
bench=$build/tests/benchmarks

if wanted network; then
    say "bench_network (loopback, keep-alive)"
    "$bench/bench_network" --requests "$requests" --rounds "$rounds"
fi

if wanted startup; then
    # Offscreen, and no D-Bus session at all: QtKeychain's start-up probe fails at once. Without
    # a display, GDBus cannot autolaunch a bus either, so nothing is left running. This is the
    # figure the README reports.
    say "bench_startup: offscreen, no D-Bus session (keychain unavailable)"
    env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
        "$bench/bench_startup" --runs "$runs"

    if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
        say "bench_startup: offscreen, inside tests/keyring-session.sh (a real, empty keyring)"
        QT_QPA_PLATFORM=offscreen "$repo/tests/keyring-session.sh" \
            "$bench/bench_startup" --runs "$runs"
        say "bench_startup: offscreen, restoring a remembered session (keyring + GET /api/profile/)"
        QT_QPA_PLATFORM=offscreen "$repo/tests/keyring-session.sh" \
            "$bench/bench_startup" --runs "$runs" --scenario restore
    else
        say "Skipping the keyring runs: dbus-run-session or gnome-keyring-daemon is not installed"
    fi
fi

if [ "$xvfb" = 1 ] && wanted startup; then
    # Inside a keyring session, so GDBus never autolaunches a bus on the virtual display.
    say "bench_startup: Xvfb (xcb), inside tests/keyring-session.sh"
    xvfb-run -a -s "-screen 0 1280x900x24" env QT_QPA_PLATFORM=xcb \
        "$repo/tests/keyring-session.sh" "$bench/bench_startup" --runs "$runs"
fi

if wanted customers; then
    # Offscreen windows; page loads: four times the stall and memory runs (they are short).
    say "bench_customers: the customer list (offscreen)"
    QT_QPA_PLATFORM=offscreen "$bench/bench_customers" --runs "$customer_runs" \
        --paint-runs "$((customer_runs * 4))" "${customer_counts[@]}"
fi
