"""One step smaller for a text that would not fit its box (long English lines at 特大).

The text keeps its words and the screen keeps its layout; only the type shrinks, and
only as far as the supporter tips (still above the smallest size the tests allow).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

COMPACT_ROLE = "tip"


def set_compact(text: QWidget, on: bool) -> None:
    if (text.property("role") == COMPACT_ROLE) == on:
        return
    text.setProperty("role", COMPACT_ROLE if on else None)
    text.style().unpolish(text)
    text.style().polish(text)
    text.updateGeometry()


def compact_if_cut(text: QWidget) -> None:
    """Compact the text when its width needs more height than it was given."""
    width = text.width()
    if width > 0 and text.hasHeightForWidth() and text.heightForWidth(width) > text.height():
        set_compact(text, True)
