#!/usr/bin/env bash
# Quick start 1: installs what is missing, builds, and opens the GUI on the embedded default
# (SQLite demo database in the user's data folder + the built-in network-element simulator).
# Extra arguments go to the GUI, e.g. scripts/run.sh --lang pt_BR or --db sqlite:///tmp/demo.db
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh" build
"$root/scripts/build.sh"
build_dir="${SWITCHBOARD_BUILD_DIR:-$root/build}"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: set DISPLAY (or run under xvfb-run) to see the window." >&2
fi
exec "$build_dir/app/switchboard" "$@"
