"""Buttons in rows of up to N, fewer where the widest would be cut: more rows, never smaller words.

Used inside a screen that scrolls: the room is the view's width (the screen itself grows
to the least width of what it holds, so its own width cannot say what fits).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QWidget


def view_room(screen: QWidget) -> int:
    """The width `screen`'s contents have: its view's (it scrolls in one), less its margins."""
    view = screen.parentWidget() or screen
    layout = screen.layout()
    margins = layout.contentsMargins() if layout is not None else None
    return view.width() - (margins.left() + margins.right() if margins is not None else 0)


def columns_that_fit(widest: int, most: int, spacing: int, room: int, *, full_rows_of: int = 0) -> int:
    """Columns of `widest`-wide buttons that fit `room`, at most `most`; with `full_rows_of`
    (the number of buttons), only counts that fill every row (4 → 4, 2 or 1)."""
    columns = most
    while columns > 1 and (
        columns * widest + (columns - 1) * spacing > room or (full_rows_of and full_rows_of % columns)
    ):
        columns -= 1
    return columns


class ButtonGrid(QGridLayout):
    def __init__(self, buttons: Sequence[QWidget], most: int, *, spacing: int = 20) -> None:
        super().__init__()
        self.setSpacing(spacing)
        self._buttons = list(buttons)
        self._most = most
        self.columns = 0
        self._place(most)

    def fit(self, screen: QWidget) -> None:
        """As many columns as `screen`'s view holds with the widest button whole."""
        shown = [b for b in self._buttons if not b.isHidden()] or self._buttons
        widest = max(b.minimumSizeHint().width() for b in shown)
        self._place(columns_that_fit(widest, self._most, self.horizontalSpacing(), view_room(screen)))

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for button in self._buttons:
            self.removeWidget(button)
        for index, button in enumerate(self._buttons):
            self.addWidget(button, *divmod(index, columns))
        for column in range(self._most):
            self.setColumnStretch(column, 1 if column < columns else 0)
