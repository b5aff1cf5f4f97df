#!/bin/sh
# Saves a PNG of each screen of Customer Portal into this folder (docs/screenshots/).
#
#   docs/screenshots/make.sh [BUILD_DIR]      (default: build)
#
# Starts a throwaway reference server with the demo accounts, then runs the portal_screenshots tool
# (tests/app/screenshots.cpp): the real main window, driven like a user would, each screen grabbed
# with QWidget::grab(). It runs under Xvfb when xvfb-run is installed (offscreen otherwise), inside
# a throwaway keyring session, in English.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
tool="$build/tests/app/portal_screenshots"
python=/usr/bin/python3
[ -x "$python" ] || python=python3

if [ ! -x "$tool" ]; then
    echo "$0: $tool not found; build it first: cmake --build $build --target portal_screenshots" >&2
    exit 2
fi

state=$(mktemp -d "${TMPDIR:-/tmp}/portal-screenshots.XXXXXX")
cleanup() {
    "$python" "$root/tests/server/serverctl.py" stop --state-dir "$state" || true
    rm -rf "$state"
}
trap cleanup EXIT

url=$("$python" "$root/tests/server/serverctl.py" start --state-dir "$state" --demo --customers 1000)

export LANGUAGE=en LANG=C.UTF-8 LC_ALL=C.UTF-8
run() {
    "$root/tests/keyring-session.sh" "$@"
}
if command -v xvfb-run >/dev/null 2>&1; then
    run xvfb-run -a -s "-screen 0 1280x900x24" env QT_QPA_PLATFORM=xcb \
        "$tool" --server "$url" --out "$here" \
        --serverctl "$root/tests/server/serverctl.py" --state-dir "$state"
else
    run env QT_QPA_PLATFORM=offscreen "$tool" --server "$url" --out "$here" \
        --serverctl "$root/tests/server/serverctl.py" --state-dir "$state"
fi
