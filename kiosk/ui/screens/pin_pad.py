"""The staff and supporter PIN pad: digits shown only as dots, never read aloud, never logged."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.ui.widgets.number_pad import NumberPadCard


class PinPad(NumberPadCard):
    pin_entered = Signal(str)
    max_length = 12

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.open_button = QPushButton()
        self.open_button.setProperty("role", "primary")
        self.open_button.clicked.connect(self.submit)
        self.left.insertWidget(self.left.count() - 1, self.open_button)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("係員・サポーター"))
        self.open_button.setText(self.tr("ひらく"))
        if self.body.source():
            # The window's messages were given in the old language: the plain request replaces them.
            self._show_ask()
        self.show_digits()

    def open(self, message: str = "") -> None:
        self.clear_digits()
        if message:
            self.body.setText(message)
        else:
            self._show_ask()
        super().open()

    def _show_ask(self) -> None:
        self.body.setText(self.tr("暗証番号を 入れて、「ひらく」を 押して ください。"))

    def submit(self) -> None:
        pin, self.digits = self.digits, ""
        self.show_digits()
        if pin:
            self.pin_entered.emit(pin)

    def show_message(self, message: str) -> None:
        self.clear_digits()
        self.body.setText(message)

    def show_digits(self) -> None:
        self.display.setText("●" * len(self.digits) if self.digits else "－")
        self.display.setAccessibleName(self.tr("{0} けた 入れました").format(len(self.digits)))
        self.open_button.setEnabled(bool(self.digits))
