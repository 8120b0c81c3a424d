"""Load the bundled UD font; without it Japanese shows as empty boxes, silently."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from kiosk.paths import FONTS_DIR

log = logging.getLogger("kiosk.ui")


FONT_FAMILY = "BIZ UDPGothic"


class FontMissing(Exception):
    """The bundled font files could not be loaded."""


def load_fonts(app: QGuiApplication) -> str:
    families: set[str] = set()
    for file in sorted(FONTS_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(file))
        if font_id < 0:
            log.error("font not loaded: %s", file)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FONT_FAMILY not in families:
        raise FontMissing(f"{FONT_FAMILY} not found in {FONTS_DIR}")
    app.setFont(QFont(FONT_FAMILY))
    return FONT_FAMILY
