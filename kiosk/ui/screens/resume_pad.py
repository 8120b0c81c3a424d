"""「つづきから」: a big number pad for the six-digit code printed on a slip.

The sixth digit checks the code at once. A wrong code stays on screen with a calm
word until the person taps again: 「消す」 fixes the last digit, a new digit starts over.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.code_slots import CodeSlots
from kiosk.ui.widgets.number_pad import NumberPadCard

CODE_LENGTH = 6


class ResumePad(NumberPadCard):
    code_entered = Signal(str)
    max_length = CODE_LENGTH

    def __init__(self, parent: QWidget) -> None:
        self.slots = CodeSlots(CODE_LENGTH)
        self.slots.setProperty("role", "hero")
        super().__init__(parent)
        self.left.replaceWidget(self.display, self.slots)
        self.display.hide()
        self._wrong = False  # the code shown was not found; the body says so
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("つづきから"))
        if self.body.source():
            self._show_body()
        self.show_digits()

    def open(self) -> None:
        self.clear_digits()
        self._wrong = False
        self._show_body()
        super().open()

    def _show_body(self) -> None:
        if self._wrong:
            self.body.setText(self.tr("番号が 見つかりません。\n紙の 番号を もう一度 見て ください。"))
        else:
            self.body.setText(self.tr("紙に ある 6けたの 番号を 入れて ください。"))

    def press(self, digit: str) -> None:
        if self._wrong:  # the next try: the wrong code goes, this digit begins the new one
            self._calm_again()
            self.digits = ""
        super().press(digit)

    def erase(self) -> None:
        if self._wrong:  # most wrong codes are one mistyped digit: 消す takes back the last one
            self._calm_again()
        super().erase()

    def _calm_again(self) -> None:
        self._wrong = False
        self._show_body()

    def entered(self) -> None:
        if len(self.digits) == CODE_LENGTH:
            self.code_entered.emit(self.digits)

    def show_wrong(self) -> None:
        """The code is not one the kiosk knows: it stays on screen to compare with the slip, without blame."""
        self._wrong = True
        self._show_body()

    def show_digits(self) -> None:
        self.slots.set_digits(self.digits)
        self.display.setText(self.digits)
        self.slots.setAccessibleName(
            self.tr("入れた 番号: {0}").format(" ".join(self.digits))
            if self.digits
            else self.tr("まだ 入れていません")
        )
