#!/usr/bin/env bash
# Runs a command inside its own D-Bus session with a real, unlocked Secret Service keyring
# (gnome-keyring-daemon), in a throwaway HOME and XDG_RUNTIME_DIR, then stops the daemon by PID and
# removes the throwaway folders. Nothing of the caller's keyring, settings or HOME is touched.
#
#   tests/keyring-session.sh ctest --test-dir build --output-on-failure
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

if [ -z "${PORTAL_KEYRING_SESSION:-}" ]; then
    for tool in dbus-run-session gnome-keyring-daemon; do
        command -v "$tool" >/dev/null || { echo "$0: $tool is not installed" >&2; exit 2; }
    done
    export PORTAL_KEYRING_SESSION=1
    exec dbus-run-session -- "$0" "$@" 2> >(grep -v 'Failed to set fd limit' >&2)
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/portal-keyring.XXXXXX")
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# The daemon reads the login keyring's password from standard input; --unlock creates and unlocks
# that keyring on first use. --foreground keeps it our child, so we know its PID and can stop it.
printf 'testpass' | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$scratch/keyring.log" 2>&1 &
keyring_pid=$!

cleanup() {
    kill "$keyring_pid" 2>/dev/null || true
    wait "$keyring_pid" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

for _ in $(seq 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; then
        break
    fi
    sleep 0.1
done

"$@"
