#!/usr/bin/env bash
# CI's second run: the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer.
# Configures the `asan` preset into a clean build directory, builds everything and runs every test
# with the environment of the `asan` test preset (its ASAN/UBSAN/LSAN options and tests/lsan.supp)
# inside tests/keyring-session.sh. Exits with ctest's status: any sanitizer report fails its test.
#
#   tests/asan-run.sh                                   # builds in build-asan-ci/
#   PORTAL_ASAN_BUILD_DIR=/tmp/asan tests/asan-run.sh   # elsewhere (the directory is wiped first)
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${PORTAL_ASAN_BUILD_DIR:-build-asan-ci}
jobs=$(nproc 2>/dev/null || echo 2)
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

say "Configuring the asan preset in $dir (clean)"
rm -rf "$dir"
# Warnings are errors in CI only, as in run.sh.
cmake --preset asan -B "$dir" -DPORTAL_WERROR="$([ -n "${CI:-}" ] && echo ON || echo OFF)" \
    >/dev/null

say "Building everything with the sanitizers"
cmake --build "$dir" --parallel "$jobs"

say "Running the tests under the sanitizers"
# Not `ctest --preset asan`: it runs the tests of the preset's own binaryDir (build-asan/) even with
# --test-dir (CMake 3.25). So the asan test preset's environment (sanitizer options, tests/lsan.supp)
# is exported from CMakePresets.json here, and ctest runs this directory's tests.
preset_env=$(/usr/bin/python3 - "$PWD" <<'PY'
import json, sys
source_dir = sys.argv[1]
with open("CMakePresets.json") as f:
    preset = next(p for p in json.load(f)["testPresets"] if p["name"] == "asan")
for name, value in preset["environment"].items():
    print(f"{name}={value.replace('${sourceDir}', source_dir)}")
PY
)
while IFS= read -r assignment; do
    export "${assignment?}"
    echo "$assignment"
done <<<"$preset_env"
status=0
tests/keyring-session.sh ctest --test-dir "$dir" --output-on-failure --no-tests=error \
    --parallel "$jobs" --timeout 600 || status=$?
exit "$status"
