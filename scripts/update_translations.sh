#!/bin/sh
# usage: scripts/update_translations.sh [NEW_LANGUAGE...]
# Collect the screens' texts (self.tr, QT_TRANSLATE_NOOP) into kiosk/i18n/kiosk_<language>.ts,
# keeping the translations already there. Then translate the new entries (Qt Linguist,
# or any editor: fill <translation> and remove type="unfinished"), and run ./test.sh.
set -eu
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# Languages: those with a .ts already, and any named on the command line (a new one).
languages="$(ls kiosk/i18n/kiosk_*.ts 2>/dev/null | sed 's|.*/kiosk_||; s|\.ts$||') $*"
for language in $languages; do
    ts="kiosk/i18n/kiosk_$language.ts"
    .venv/bin/pyside6-lupdate $(find kiosk -name '*.py' | sort) -no-obsolete -locations none \
        -source-language ja -target-language "${language%%-*}" -ts "$ts"
done
