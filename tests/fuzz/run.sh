#!/usr/bin/env bash
# Builds fuzz_responses (Clang, libFuzzer, ASan and UBSan) and fuzzes response parsing and error
# mapping for a while; CI runs it for a minute. docs/fuzzing.md has the long runs and how to replay
# a crash.
#
#   tests/fuzz/run.sh [seconds] [libFuzzer flags...]     default 60 seconds
#
# PORTAL_FUZZ_BUILD_DIR  build directory (default: build-fuzz/ at the top of the repository)
# PORTAL_FUZZ_CORPUS     a directory that keeps the grown corpus across runs (default: a temporary
#                        one); the committed seeds in tests/fuzz/corpus/ are copied in, never written
#
# Exits non-zero when the fuzzer finds a crash, a sanitizer report, a broken promise or a hang; the
# input that did it is kept in <build>/fuzz-artifacts/ and its path is printed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${PORTAL_FUZZ_BUILD_DIR:-$repo/build-fuzz}
seconds=${1:-60}
[ $# -gt 0 ] && shift
case $seconds in
    '' | *[!0-9]*) echo "usage: $0 [seconds] [libFuzzer flags...]" >&2; exit 2 ;;
esac

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Debug keeps the Q_ASSERTs of Qt's inline code (index checks) on; -O1 keeps it fast enough.
say "Configuring $build (clang, PORTAL_FUZZ=ON)"
CC=clang CXX=clang++ cmake -S "$repo" -B "$build" -DPORTAL_FUZZ=ON -DPORTAL_WERROR=ON \
    -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-g -O1" >/dev/null
say "Building fuzz_responses"
started=$(date +%s)
cmake --build "$build" --parallel "$(nproc 2>/dev/null || echo 2)" --target fuzz_responses
echo "built in $(($(date +%s) - started)) s"

work=$(mktemp -d "${TMPDIR:-/tmp}/portal-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
corpus=${PORTAL_FUZZ_CORPUS:-$work/corpus}
mkdir -p "$corpus"
for seed in "$here"/corpus/*; do # The seeds a kept corpus lacks; nothing is overwritten.
    [ -e "$corpus/${seed##*/}" ] || cp "$seed" "$corpus/"
done
artifacts=$build/fuzz-artifacts
mkdir -p "$artifacts"
log=$build/fuzz_responses.log

say "Fuzzing for $seconds s over $(find "$corpus" -type f | wc -l) inputs ($corpus)"
status=0
started=$(date +%s)
ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$repo/tests/lsan.supp} \
    "$build/tests/fuzz/fuzz_responses" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -dict="$here/responses.dict" \
    -artifact_prefix="$artifacts/" "$@" "$corpus" >"$log" 2>&1 || status=$?

# libFuzzer's last status line: "#N DONE cov: C ft: F corp: K/S ... exec/s: E ...".
last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
field() { sed -nE "s|.* $1: ([0-9]+).*|\1|p" <<<"$last"; }
runs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$last")
elapsed=$(($(date +%s) - started))
summary="fuzz_responses: ${runs:-?} runs in $elapsed s ($(field exec/s) exec/s), coverage"
summary+=" $(field cov) edges, $(field ft) features, corpus $(field corp) inputs"
if [ "$status" -ne 0 ]; then
    # Everything but the progress lines: the report, the stack and the input's path.
    grep -vE '^#[0-9]+' "$log" >&2 || true
    crash=$(sed -nE 's/.*Test unit written to (.*)$/\1/p' "$log" | tail -n 1)
    echo "$summary: FAILED (exit $status); input: ${crash:-none written}; log: $log" >&2
    echo "replay: $build/tests/fuzz/fuzz_responses ${crash:-<input>}" >&2
    exit 1
fi
echo "$summary: no crash (log: $log)"
