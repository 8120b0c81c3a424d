"""A full-screen card with a big number pad drawn by the app (no system keyboard).

The words and what is shown of the digits are the subclass's: the 「つづきから」
code shows its digits, a staff PIN shows only dots.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.widgets.overlay import Overlay


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
        keys = QGridLayout()
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
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        columns = QHBoxLayout()
        columns.setSpacing(48)
        columns.addLayout(self.left, 5)
        columns.addLayout(keys, 6)
        self.content.setContentsMargins(48, 32, 48, 32)
        self.content.insertLayout(1, columns)
        self.content.addStretch(1)

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
