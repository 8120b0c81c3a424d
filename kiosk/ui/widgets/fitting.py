"""One step smaller for a text that would not fit its box (long English lines at 特大).

The text keeps its words and the screen keeps its layout; only the type shrinks, and
only as far as the supporter tips (still above the smallest size the tests allow).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

COMPACT_ROLE = "tip"


def set_role(widget: QWidget, role: str | None) -> None:
    """Give a shown widget another style-sheet role (its font size) and lay it out again."""
    set_property(widget, "role", role)


def set_property(widget: QWidget, name: str, value: str | None) -> None:
    """Change a style-sheet property of a shown widget (and its children) and lay it out again."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    for restyled in (widget, *widget.findChildren(QWidget)):
        restyled.style().unpolish(restyled)
        restyled.style().polish(restyled)
    widget.updateGeometry()


def set_compact(text: QWidget, on: bool) -> None:
    set_role(text, COMPACT_ROLE if on else None)


def compact_if_cut(text: QWidget) -> None:
    """Compact the text when its width needs more height than it was given."""
    width = text.width()
    if width > 0 and text.hasHeightForWidth() and text.heightForWidth(width) > text.height():
        set_compact(text, True)
