#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a test program with GNOME Keyring's Secret Service in a D-Bus session
# of its own (and a keyring of its own, in a temporary home), unlocked with
# an empty password; the daemon is stopped and its home removed after.
set -eu
if ! command -v gnome-keyring-daemon >/dev/null 2>&1 || ! command -v dbus-run-session >/dev/null 2>&1; then
  echo "with-keyring: gnome-keyring-daemon is not installed (tools/install-deps.sh installs it)" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  exit 77
fi
home=$(mktemp -d "${TMPDIR:-/tmp}/vaern-keyring.XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run"
# No display: gnome-keyring would ask (gcr-prompter) to make a login
# keyring and wait for an answer nobody gives. Without one it refuses at
# once, and the password goes to the session's keyring.
unset DISPLAY WAYLAND_DISPLAY
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME/keyrings" && chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c '
  printf "" | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >/dev/null 2>&1 </dev/null &
  daemon=$!
  # The test waits until the daemon owns its name on this bus.
  status=0
  VAERN_TEST_KEYRING=1 "$@" || status=$?
  kill "$daemon" 2>/dev/null || true
  wait "$daemon" 2>/dev/null || true
  exit $status
' keyring "$@"
