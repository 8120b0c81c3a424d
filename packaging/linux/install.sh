#!/usr/bin/env bash
# Make this Debian 12 machine a デジタル何でも相談室 kiosk appliance, in one command:
#   sudo packaging/linux/install.sh
# Installs the system packages, the user "kiosk" (no password, no sudo), the data
# folder, the app (a venv under /opt built from this checkout), and the systemd unit
# that runs it full screen under cage at boot. Safe to run again: it changes only
# what differs, and says "nothing changed" when nothing did.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/packaging/linux"
KIOSK_USER=kiosk
PREFIX=/opt/naruto-kiosk
SRC="$PREFIX/src"
VENV="$PREFIX/venv"
DATA_DIR=/var/lib/naruto-kiosk
UNIT=naruto-kiosk.service
UNIT_PATH=/etc/systemd/system/$UNIT
PAM_PATH=/etc/pam.d/naruto-kiosk

# cage and Xwayland (cage starts it even for Wayland apps); Debian's Python for the venv;
# Qt's runtime libraries for Wayland, and for xcb as the fallback; printing (CUPS);
# read-aloud (espeak-ng voices played by aplay); logind's PAM module for the seat.
PKGS="cage xwayland python3 python3-venv rsync dbus libpam-systemd
  libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0
  libwayland-client0 libwayland-cursor0 libwayland-egl1 libcups2
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libxcb-shm0 libxcb-sync1 libx11-xcb1
  libxkbcommon-x11-0 espeak-ng alsa-utils"

CHANGED=0
say() { printf '%s\n' "$*" >&2; }
changed() {
    CHANGED=$((CHANGED + 1))
    say "  + $*"
}

[ "$(id -u)" -eq 0 ] || { say "Please run as root: sudo $0"; exit 1; }
[ -f /etc/debian_version ] || { say "This installer is for Debian 12 (bookworm)."; exit 1; }

install_packages() {
    local missing="" pkg
    for pkg in $PKGS; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $pkg"
    done
    [ -z "$missing" ] && return 0
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
    changed "packages:$missing"
}

create_user() {
    if ! getent passwd "$KIOSK_USER" >/dev/null; then
        # A system user with a home for Qt's and espeak's caches; its password is
        # locked ("!"), it is in no admin group and has no sudo rule.
        useradd --system --create-home --home-dir "/home/$KIOSK_USER" --shell /usr/sbin/nologin \
            --comment "デジタル何でも相談室 kiosk" "$KIOSK_USER"
        changed "user $KIOSK_USER"
    fi
}

# Make PATH have OWNER:GROUP and MODE, creating it as a folder if missing.
ensure_dir() {
    local path=$1 owner=$2 mode=$3
    if [ ! -d "$path" ]; then
        install -d -o "${owner%%:*}" -g "${owner##*:}" -m "$mode" "$path"
        changed "folder $path"
        return 0
    fi
    if [ "$(stat -c '%U:%G %a' "$path")" != "$owner $mode" ]; then
        chown "$owner" "$path"
        chmod "$mode" "$path"
        changed "owner/mode of $path"
    fi
}

# Copy FILE to DEST (mode MODE) only when the content differs.
ensure_file() {
    local file=$1 dest=$2 mode=$3
    if ! cmp -s "$file" "$dest"; then
        install -D -o root -g root -m "$mode" "$file" "$dest"
        changed "$dest"
    elif [ "$(stat -c '%a' "$dest")" != "$mode" ]; then
        chmod "$mode" "$dest"
        changed "mode of $dest"
    fi
}

install_app() {
    ensure_dir "$PREFIX" root:root 755
    # A copy of the checkout the kiosk user can read (a checkout in root's home is not).
    local copied
    copied="$(rsync -a -i --delete --checksum --chmod=go+rX,go-w \
        --exclude=.git/ --exclude=.venv/ --exclude=__pycache__/ --exclude='*.pyc' \
        --exclude=.pytest_cache/ --exclude=.mypy_cache/ --exclude=.ruff_cache/ \
        --exclude='*.egg-info/' --exclude=build/ --exclude=dist/ --exclude=/kiosk-data/ \
        --exclude=bench/.data/ --exclude='kiosk/i18n/*.qm' \
        "$ROOT/" "$SRC/")"
    [ -n "$copied" ] && changed "app source in $SRC"
    if [ ! -x "$VENV/bin/python" ]; then
        /usr/bin/python3 -m venv "$VENV"
        changed "venv $VENV"
    fi
    if [ -n "$copied" ] || [ ! -f "$PREFIX/.installed" ]; then
        rm -f "$PREFIX/.installed"
        say "Installing the kiosk into $VENV (a few minutes the first time)"
        "$VENV/bin/python" -m pip install --quiet --upgrade pip
        "$VENV/bin/python" -m pip install --quiet "$SRC"
        if ! content_found; then
            # A checkout from before the package carried its content (issue 22, part 1):
            # run it from the source copy instead, where the content sits beside the code.
            say "  the built package has no lessons: installing it in place from $SRC"
            build_translations
            "$VENV/bin/python" -m pip install --quiet --editable "$SRC"
            content_found || { say "The installed kiosk finds no lessons."; exit 1; }
        fi
        date -u +%FT%TZ >"$PREFIX/.installed"
        changed "kiosk app in $VENV"
    fi
}

# The other languages' screens, for the in-place install: compiled .qm next to the .ts.
build_translations() {
    local ts qm
    for ts in "$SRC"/kiosk/i18n/kiosk_*.ts; do
        [ -e "$ts" ] || continue
        qm="${ts%.ts}.qm"
        if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
            "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
            chmod 644 "$qm"
        fi
    done
}

content_found() {
    local count
    count="$(cd / && runuser -u "$KIOSK_USER" -- env KIOSK_DATA_DIR=/nonexistent \
        "$VENV/bin/kiosk" lessons list --json 2>/dev/null |
        "$VENV/bin/python" -c 'import json, sys; print(len(json.load(sys.stdin)))' 2>/dev/null)" || return 1
    [ "${count:-0}" -gt 0 ]
}

install_unit() {
    ensure_dir "$DATA_DIR" "$KIOSK_USER:$KIOSK_USER" 750
    ensure_file "$HERE/pam-naruto-kiosk" "$PAM_PATH" 644
    ensure_file "$HERE/$UNIT" "$UNIT_PATH" 644
    if ! systemctl is-enabled --quiet "$UNIT" 2>/dev/null; then
        systemctl enable --quiet "$UNIT"
        changed "enabled $UNIT"
    fi
    if [ "$(systemctl get-default 2>/dev/null)" != graphical.target ]; then
        systemctl set-default --quiet graphical.target
        changed "boot target graphical.target"
    fi
    if [ "$CHANGED" -gt 0 ] && [ -d /run/systemd/system ]; then
        systemctl daemon-reload
    fi
}

install_packages
create_user
install_app
install_unit

if [ "$CHANGED" -eq 0 ]; then
    say "nothing changed: this machine is already a kiosk appliance"
else
    say "done ($CHANGED changes). The kiosk starts at the next boot, or now with:"
    say "  systemctl start $UNIT"
fi
