#!/usr/bin/env bash
# Set up everything the kiosk needs on Debian/Ubuntu, then start it or run the tests.
# Used by ./start.sh and ./test.sh; safe to run again (does only what is missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# Qt's libraries for drawing offscreen (tests, screenshots) ...
QT_BASE_PKGS="libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0 libx11-6"
# ... and for a real window on X11. Qt's error for a missing one names libxcb-cursor0
# whatever is missing; `ldd .venv/.../PySide6/Qt/plugins/platforms/libqxcb.so | grep "not found"` tells the truth.
QT_WINDOW_PKGS="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libxcb-shm0 libxcb-sync1 libx11-xcb1 libxkbcommon-x11-0"
# Read-aloud on Linux: espeak-ng's voices for pyttsx3, played through aplay (alsa-utils).
SPEECH_PKGS="espeak-ng alsa-utils"
# Tools the tests use: a real X11 display (Xvfb) for the start command,
# readers for real output (PDF slips, QR codes), and the Linux appliance's
# compositor with its screenshot tool (cage, Xwayland, grim); objdump (binutils) for
# PyInstaller, which the frozen-app test builds with; pcscd, the virtual reader
# (vsmartcard-vpcd) and what builds pyscard (swig, libpcsclite-dev, a compiler) for
# the card check test.
TEST_PKGS="xvfb poppler-utils zbar-tools cage xwayland grim openbox xdotool wmctrl x11-utils binutils pcscd vsmartcard-vpcd swig libpcsclite-dev build-essential python3-dev"

say() { printf '%s\n' "$*" >&2; }

find_python() {
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

missing_debian_packages() {
    local wanted=$1 missing=""
    for pkg in $wanted; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing="$missing $pkg"
        fi
    done
    printf '%s' "$missing"
}

ensure_system_packages() {
    local wanted=$1
    [ -f /etc/debian_version ] || { say "Not Debian/Ubuntu: install Qt 6's runtime libraries yourself (see README)."; return 0; }
    local missing
    missing="$(missing_debian_packages "$wanted")"
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        say "Installing system packages:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # shellcheck disable=SC2086
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        say "These system packages are needed. Please run:"
        say "  sudo apt-get install -y$missing"
        say "then run this command again."
        exit 1
    fi
}

ensure_venv() {
    local python
    python="$(find_python)" || { say "Python 3.11 or newer is needed (Debian 12: apt-get install python3)."; exit 1; }
    if ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
        # Debian splits venv out of python3.
        ensure_system_packages "python3-venv"
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        say "Creating $VENV"
        "$python" -m venv "$VENV"
    fi
    local stamp="$VENV/.installed" want
    want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        say "Installing Python packages into $VENV"
        "$VENV/bin/python" -m pip install --quiet --upgrade pip
        "$VENV/bin/python" -m pip install --quiet -e "$ROOT[test]"
        printf '%s' "$want" >"$stamp"
    fi
    build_translations
}

# The screens' other languages: kiosk/i18n/kiosk_<language>.ts (kept in git) compiled to .qm
# for the checkout (a wheel from `python -m build` compiles its own: setup.py).
build_translations() {
    local ts qm
    for ts in "$ROOT"/kiosk/i18n/kiosk_*.ts; do
        [ -e "$ts" ] || continue
        qm="${ts%.ts}.qm"
        if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
            "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
        fi
    done
}

cmd="${1:-}"
shift || true
case "$cmd" in
    start)
        ensure_system_packages "$QT_BASE_PKGS $QT_WINDOW_PKGS $SPEECH_PKGS"
        ensure_venv
        exec "$VENV/bin/python" "$ROOT/main.py" run "$@"
        ;;
    test)
        ensure_system_packages "$QT_BASE_PKGS $QT_WINDOW_PKGS $SPEECH_PKGS $TEST_PKGS"
        ensure_venv
        cd "$ROOT"
        "$VENV/bin/ruff" check kiosk tests main.py bench
        "$VENV/bin/ruff" format --check kiosk tests main.py bench
        "$VENV/bin/mypy"
        # --fast: every check, and every test not marked slow (README: The two commands); the rest goes to pytest.
        pytest_args=()
        for arg in "$@"; do
            if [ "$arg" = "--fast" ]; then pytest_args+=(-m "not slow"); else pytest_args+=("$arg"); fi
        done
        exec "$VENV/bin/python" -m pytest "${pytest_args[@]}"
        ;;
    *)
        say "usage: scripts/bootstrap.sh start [args] | test [--fast] [pytest args]"
        exit 2
        ;;
esac
