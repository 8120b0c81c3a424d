#!/usr/bin/env bash
# Start the kiosk (installs what it needs first). Add --windowed for a normal window.
exec "$(dirname "$0")/scripts/bootstrap.sh" start "$@"
