#!/usr/bin/env bash
# Builds the benchmarks in a Release build and runs them; every figure is a ratio against a
# baseline measured in the same run (tests/benchmarks/README.md says how to read them).
#
#   tests/benchmarks/run.sh            network, start-up (no keychain, keyring, restore), customers,
#                                      web (the app against the seed's web client in headless Chromium)
#   tests/benchmarks/run.sh --quick    tiny counts: checks that everything runs, numbers mean little
#   tests/benchmarks/run.sh --xvfb     start-up on a virtual X server too (xvfb-run, QT_QPA_PLATFORM=xcb):
#                                      the default when xvfb-run is installed; --xvfb insists on it,
#                                      --no-xvfb skips it
#   tests/benchmarks/run.sh --only=customers   one benchmark: network, startup, customers, web or
#                                              longsession (a long day in the app: RSS, QObjects)
#
# BUILD_DIR: the build directory (default: build-bench/ at the top of the repository). A directory
# that is already configured is used as it is, whatever its build type (the output names it).
# REQUESTS, ROUNDS (bench_network), RUNS (bench_startup) and CUSTOMER_RUNS (bench_customers: stall
# and memory runs; four times as many page loads) override the counts; WEB_RUNS (bench_web.py, runs
# per side) too; LONGSESSION_RUNS (bench_longsession: runs of 1,000 cycles, each about a minute) too.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$repo/build-bench}
requests=${REQUESTS:-1000}
rounds=${ROUNDS:-10}
runs=${RUNS:-20}
customer_runs=${CUSTOMER_RUNS:-10}
web_runs=${WEB_RUNS:-10}
longsession_runs=${LONGSESSION_RUNS:-3}
longsession_counts=()
customer_counts=()
xvfb=auto
only=all

for arg in "$@"; do
    case $arg in
        --quick)
            requests=${REQUESTS:-50}; rounds=${ROUNDS:-2}; runs=${RUNS:-3}
            customer_runs=${CUSTOMER_RUNS:-2}; web_runs=${WEB_RUNS:-3}
            customer_counts=(--customers 20000 --scroll-rows 2000)
            longsession_runs=${LONGSESSION_RUNS:-1}; longsession_counts=(--cycles 20 --requests 200)
            ;;
        --xvfb) xvfb=1 ;;
        --no-xvfb) xvfb=0 ;;
        --only=network | --only=startup | --only=customers | --only=web | --only=longsession)
            only=${arg#--only=} ;;
        *) echo "usage: $0 [--quick] [--xvfb|--no-xvfb] [--only=network|startup|customers|web|longsession]" >&2; exit 2 ;;
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
wanted longsession && targets+=(bench_longsession)
# bench_web.py runs bench_startup's app child.
wanted web && ! wanted startup && targets+=(bench_startup)
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}"
bench=$build/tests/benchmarks

run_benchmarks() {
    if wanted network; then
        say "bench_network (loopback, keep-alive)"
        "$bench/bench_network" --requests "$requests" --rounds "$rounds"
    fi

    if wanted startup; then
        # Offscreen, and no D-Bus session at all: QtKeychain's start-up probe fails at once. Without
        # a display, GDBus cannot autolaunch a bus either, so nothing is left running. This is the
        # figure the README reports. --label names the variant in every TABLE row.
        say "bench_startup: offscreen, no D-Bus session (keychain unavailable)"
        env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
            "$bench/bench_startup" --runs "$runs" --label "offscreen, no D-Bus"

        if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
            say "bench_startup: offscreen, inside tests/keyring-session.sh (a real, empty keyring)"
            QT_QPA_PLATFORM=offscreen "$repo/tests/keyring-session.sh" \
                "$bench/bench_startup" --runs "$runs" --label "offscreen, keyring"
            # The painted Profile against bare window + loopback round trip + keychain read.
            say "bench_startup: offscreen, restoring a remembered session (keyring + GET /api/profile/)"
            QT_QPA_PLATFORM=offscreen "$repo/tests/keyring-session.sh" \
                "$bench/bench_startup" --runs "$runs" --scenario restore --label "offscreen, keyring"
        else
            say "Skipping the keyring runs: dbus-run-session or gnome-keyring-daemon is not installed"
        fi
    fi

    # The issue's start-up targets hold offscreen and under Xvfb: by default both run when they can.
    if [ "$xvfb" != 0 ] && wanted startup; then
        if command -v xvfb-run >/dev/null; then
            # Inside a keyring session, so GDBus never autolaunches a bus on the virtual display.
            say "bench_startup: Xvfb (xcb), inside tests/keyring-session.sh"
            xvfb-run -a -s "-screen 0 1280x900x24" env QT_QPA_PLATFORM=xcb \
                "$repo/tests/keyring-session.sh" "$bench/bench_startup" --runs "$runs" \
                --label "xcb Xvfb, keyring"
        elif [ "$xvfb" = 1 ]; then
            echo "$0: --xvfb needs xvfb-run (Debian: xvfb)" >&2
            exit 2
        else
            say "Skipping the Xvfb start-up run: xvfb-run is not installed"
        fi
    fi

    if wanted customers; then
        # Offscreen windows; page loads: four times the stall and memory runs (they are short).
        say "bench_customers: the customer list (offscreen)"
        QT_QPA_PLATFORM=offscreen "$bench/bench_customers" --runs "$customer_runs" \
            --paint-runs "$((customer_runs * 4))" "${customer_counts[@]}"
    fi

    if wanted web; then
        # The app (bench_startup's app child, offscreen) against the seed's web client in headless
        # Chromium, both without D-Bus or a display. Without the chromium package it prints SKIPPED and
        # "skipped" rows (this script never installs it).
        say "bench_web: the app against the seed's web client in headless Chromium"
        "${PORTAL_PYTHON:-/usr/bin/python3}" "$here/bench_web.py" --bench-startup "$bench/bench_startup" \
            --runs "$web_runs"
    fi

    if wanted longsession; then
        # The real app offscreen, outside any keyring ("Remember me" off): 1,000 sign-in/sign-out
        # cycles and 10,000 authenticated requests per run, each run a fresh process.
        say "bench_longsession: a long day (offscreen, no D-Bus session)"
        env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
            "$bench/bench_longsession" --runs "$longsession_runs" "${longsession_counts[@]}"
    fi
}

# Everything the benchmarks print also goes to a log; its TABLE rows become one table at the end:
# median, min and max of each side, the ratio, the target and the verdict. TABLE_MARKDOWN=FILE
# also writes it as Markdown (what the README's table is made from).
log=$(mktemp "${TMPDIR:-/tmp}/portal-bench.XXXXXX")
trap 'rm -f "$log"' EXIT
run_benchmarks 2>&1 | tee "$log"
python=${PORTAL_PYTHON:-/usr/bin/python3}
say "The table (tests/benchmarks/README.md says how to read it)"
"$python" "$here/table.py" "$log"
if [ -n "${TABLE_MARKDOWN:-}" ]; then
    "$python" "$here/table.py" "$log" --markdown > "$TABLE_MARKDOWN"
fi
