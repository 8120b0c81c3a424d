#!/usr/bin/env bash
# Run every check and the whole test suite (installs what it needs first).
# ./test.sh --fast leaves out the tests marked slow; other arguments go to pytest.
exec "$(dirname "$0")/scripts/bootstrap.sh" test "$@"
