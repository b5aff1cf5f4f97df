#!/usr/bin/env bash
# Customer Portal: the two commands of the README's quick start.
#
#   ./run.sh app    install what is missing, build, start the reference server with demo accounts
#                   (and PORTAL_DEMO_CUSTOMERS generated customers, default 1000) and launch the
#                   app against it (needs a display)
#   ./run.sh test   install what is missing, build in a clean build directory and run every test
#                   headless, lint the GitHub workflows, build and check the Linux packages, then
#                   the whole suite again under ASan + UBSan, then the fuzzer for a minute (this is
#                   what .ci/run calls)
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
    build-essential cmake
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n libqt6svg6 qtkeychain-qt6-dev libsecret-1-0 libgl1-mesa-dev
    python3-django python3-djangorestframework python3-djangorestframework-simplejwt python3-djoser
    gnome-keyring libsecret-tools dbus
    python3-cryptography openssl
    desktop-file-utils appstream
    lintian rpm rpmlint file
    clang libclang-rt-14-dev
)
PYTHON=/usr/bin/python3   # Debian's interpreter: the one that has Django and DRF
JOBS=$(nproc 2>/dev/null || echo 2)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_missing() {
    local missing=()
    for pkg in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

build() { # build <dir> <target|all> [cmake options...]
    local dir=$1 target=$2; shift 2
    say "Building $target in $dir"
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    cmake --build "$dir" --parallel "$JOBS" --target "$target"
}

DEMO_STATE=""
stop_demo_server() {
    [ -n "$DEMO_STATE" ] || return 0
    "$PYTHON" tests/server/serverctl.py stop --state-dir "$DEMO_STATE" >/dev/null || true
    rm -rf "$DEMO_STATE"
}

run_app() {
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "No display found (neither DISPLAY nor WAYLAND_DISPLAY is set): the app needs one." >&2
        echo "Run this from a desktop session, or under a virtual display: xvfb-run -a ./run.sh app" >&2
        exit 1
    fi
    install_missing
    build build customer-portal
    DEMO_STATE=$(mktemp -d "${TMPDIR:-/tmp}/portal-demo.XXXXXX")
    # The server stops however the app ends: quit, crash, Ctrl+C or a kill of this script.
    trap stop_demo_server EXIT
    trap 'exit 130' INT TERM
    local customers=${PORTAL_DEMO_CUSTOMERS:-1000}
    say "Starting the reference server with $customers generated customers"
    local url
    # --watch-pid: even a kill -9 of this script, which skips the trap, stops the server.
    url=$("$PYTHON" tests/server/serverctl.py start --state-dir "$DEMO_STATE" --demo \
        --customers "$customers" --watch-pid $$)
    cat <<MSG
Server: $url
Demo accounts:
  customer       alice / alice-password-1
  support staff  support / support-password-1
Staff list: 32 demo accounts and $customers generated customers (password customer-password-1).
For 100,000 of them: PORTAL_DEMO_CUSTOMERS=100000 ./run.sh app
MSG
    ./build/app/customer-portal --server "$url"
}

# The GitHub Actions workflows (.github/workflows/) cannot run here: they are linted instead.
lint_workflows() {
    say "Linting the GitHub Actions workflows (actionlint)"
    .github/lint.sh
}

run_tests() {
    install_missing
    local dir=build-tests
    rm -rf "$dir"
    # Warnings are errors in CI only.
    build "$dir" all -DPORTAL_WERROR="$([ -n "${CI:-}" ] && echo ON || echo OFF)"
    say "Running the tests"
    tests/keyring-session.sh ctest --test-dir "$dir" --output-on-failure --parallel "$JOBS" \
        --timeout 600
    lint_workflows
    # The tests' own RelWithDebInfo build packages as a release build would (tests are never
    # installed); the install test runs only with CI set, or after a yes on a terminal.
    say "Building and checking the Linux packages"
    packaging/linux/check-packages.sh "$dir"
    say "Running the tests again under AddressSanitizer + UndefinedBehaviorSanitizer"
    tests/asan-run.sh
    say "Fuzzing response parsing for a minute"
    rm -rf build-fuzz-ci
    PORTAL_FUZZ_BUILD_DIR=build-fuzz-ci tests/fuzz/run.sh 60
}

case "${1:-}" in
    app) run_app ;;
    test) run_tests ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
