#!/usr/bin/env bash
# Run every check and the whole test suite (installs what it needs first).
exec "$(dirname "$0")/scripts/bootstrap.sh" test "$@"
