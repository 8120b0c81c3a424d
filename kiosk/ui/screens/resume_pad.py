"""「つづきから」: a big number pad for the six-digit code printed on a slip.

The pad is drawn by the app (no system keyboard). The sixth digit checks the
code at once; a wrong code is cleared with a calm 「もう一度」.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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

CODE_LENGTH = 6


class ResumePad(Overlay):
    code_entered = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.digits = ""
        self.heading.setText(self.tr("つづきから"))
        self._ask = self.tr("紙に ある 6けたの 番号を 入れて ください。")
        self.display = QLabel()
        self.display.setProperty("role", "hero")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cancel_button = QPushButton(self.tr("やめる"))
        self.cancel_button.clicked.connect(self.dismiss)
        left = QVBoxLayout()
        left.setSpacing(24)
        for widget in (self.heading, self.body, self.display):
            self.content.removeWidget(widget)
            left.addWidget(widget)
        left.addStretch(1)
        left.addWidget(self.cancel_button)
        keys = QGridLayout()
        keys.setSpacing(20)
        self.digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("1234567890"):
            button = QPushButton(digit)
            button.setAccessibleName(self.tr("数字 {0}").format(digit))
            button.clicked.connect(lambda _=False, d=digit: self.press(d))
            self.digit_buttons[digit] = button
            if digit == "0":
                keys.addWidget(button, 3, 0, 1, 2)  # wide, as on a calculator
            else:
                keys.addWidget(button, *divmod(index, 3))
        self.erase_button = QPushButton(self.tr("消す"))
        self.erase_button.setAccessibleName(self.tr("1つ 消す"))
        self.erase_button.clicked.connect(self.erase)
        keys.addWidget(self.erase_button, 3, 2)
        for column in range(3):
            keys.setColumnStretch(column, 1)
        for button in (*self.digit_buttons.values(), self.erase_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        columns = QHBoxLayout()
        columns.setSpacing(48)
        columns.addLayout(left, 5)
        columns.addLayout(keys, 6)
        self.content.setContentsMargins(48, 32, 48, 32)
        self.content.insertLayout(1, columns)
        self.content.addStretch(1)
        self._show_digits()

    def open(self) -> None:
        self.clear_digits()
        self.body.setText(self._ask)
        super().open()

    def press(self, digit: str) -> None:
        if len(self.digits) >= CODE_LENGTH:
            return
        self.digits += digit
        self._show_digits()
        if len(self.digits) == CODE_LENGTH:
            self.code_entered.emit(self.digits)

    def erase(self) -> None:
        self.digits = self.digits[:-1]
        self._show_digits()

    def clear_digits(self) -> None:
        self.digits = ""
        self._show_digits()

    def show_wrong(self) -> None:
        """The code is not one the kiosk knows: start again, without blame."""
        self.clear_digits()
        self.body.setText(self.tr("番号が 見つかりませんでした。\nもう一度 入れて ください。"))

    def speech_text(self) -> str:
        return f"{self.heading.text()}。{self.body.source()}"

    def _show_digits(self) -> None:
        shown = self.digits + "・" * (CODE_LENGTH - len(self.digits))
        self.display.setText(" ".join(shown))
        self.display.setAccessibleName(
            self.tr("入れた 番号: {0}").format(" ".join(self.digits))
            if self.digits
            else self.tr("まだ 入れていません")
        )
