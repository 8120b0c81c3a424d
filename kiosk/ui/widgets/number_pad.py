"""A full-screen card with a big number pad drawn by the app (no system keyboard).

The words and what is shown of the digits are the subclass's: the 「つづきから」
code shows its digits, a staff PIN shows only dots.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.widgets.overlay import Overlay

SCROLL_BUTTONS_PX = 160  # ▲ / ▼ beside a card that scrolls
NARROW_SLACK = 40  # px: back side by side only with room to spare, so the layout does not flicker


class NumberPadCard(Overlay):
    """Subclasses call `retranslate()` at the end of their `__init__`; theirs calls this one's."""

    max_length = 6

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.digits = ""
        self.display = QLabel()
        self.display.setProperty("role", "hero")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.dismiss)
        self.left = QVBoxLayout()
        self.left.setSpacing(24)
        for widget in (self.heading, self.body, self.display):
            self.content.removeWidget(widget)
            self.left.addWidget(widget)
        self.left.addStretch(1)
        self.left.addWidget(self.cancel_button)
        self._keys = keys = QGridLayout()
        keys.setSpacing(20)
        self.digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("1234567890"):
            button = QPushButton(digit)
            button.clicked.connect(lambda _=False, d=digit: self.press(d))
            self.digit_buttons[digit] = button
            if digit == "0":
                keys.addWidget(button, 3, 0, 1, 2)  # wide, as on a calculator
            else:
                keys.addWidget(button, *divmod(index, 3))
        self.erase_button = QPushButton()
        self.erase_button.clicked.connect(self.erase)
        keys.addWidget(self.erase_button, 3, 2)
        for column in range(3):
            keys.setColumnStretch(column, 1)
        for button in (*self.digit_buttons.values(), self.erase_button):
            # Never narrower than its word (「消す」, "Erase"); wider as the room allows.
            button.setSizePolicy(QSizePolicy.Policy.MinimumExpanding, QSizePolicy.Policy.Expanding)
        self._columns = columns = QHBoxLayout()
        columns.setSpacing(48)
        columns.addLayout(self.left, 5)
        columns.addLayout(keys, 6)
        self.content.setContentsMargins(48, 32, 48, 32)
        self.content.insertLayout(1, columns)
        self.content.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_columns(event.size().width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The text size may have changed while it was hidden: measure once its words are styled.
        QTimer.singleShot(0, self, lambda: self._arrange_columns(self.width()))

    def _arrange_columns(self, width: int) -> None:
        """Words beside the keys; on a narrow panel at 特大, the words above them (the card scrolls)."""
        # The card's room less its margins and the scroll buttons', against what the card's
        # contents need side by side (the keys at their full width).
        room = width - 48 - SCROLL_BUTTONS_PX
        margins = self.content.contentsMargins()
        words = self._columns.itemAt(0)
        if words is None:
            return
        # The keys share their columns evenly (stretch), so each is as wide as the widest word
        # (「消す」, "Erase"): a grid squeezed below that cuts it.
        widest = max(b.sizeHint().width() for b in (*self.digit_buttons.values(), self.erase_button))
        for column in range(3):
            self._keys.setColumnMinimumWidth(column, widest)
        keys = 3 * widest + 2 * self._keys.horizontalSpacing()
        needed = margins.left() + words.minimumSize().width() + self._columns.spacing() + keys
        needed += margins.right()
        needed = max(needed, self.scroll_page.content.minimumSizeHint().width())
        side_by_side = self._columns.direction() == QBoxLayout.Direction.LeftToRight
        if side_by_side and needed > room:
            self._columns.setDirection(QBoxLayout.Direction.TopToBottom)
        elif not side_by_side and needed + NARROW_SLACK <= room:
            self._columns.setDirection(QBoxLayout.Direction.LeftToRight)

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("やめる"))
        for digit, button in self.digit_buttons.items():
            button.setAccessibleName(self.tr("数字 {0}").format(digit))
        self.erase_button.setText(self.tr("消す"))
        self.erase_button.setAccessibleName(self.tr("1つ 消す"))

    def press(self, digit: str) -> None:
        if len(self.digits) >= self.max_length:
            return
        self.digits += digit
        self.show_digits()
        self.entered()

    def erase(self) -> None:
        self.digits = self.digits[:-1]
        self.show_digits()

    def clear_digits(self) -> None:
        self.digits = ""
        self.show_digits()

    def clear(self) -> None:
        self.clear_digits()

    def entered(self) -> None:
        """A digit was added (subclasses act when the code is complete)."""

    def show_digits(self) -> None:
        raise NotImplementedError

    def speech_text(self) -> str:
        return f"{self.heading.text()}。{self.body.source()}"
