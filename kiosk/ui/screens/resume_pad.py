"""「つづきから」: a big number pad for the six-digit code printed on a slip.

The sixth digit checks the code at once; a wrong code is cleared with a calm 「もう一度」.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.number_pad import NumberPadCard

CODE_LENGTH = 6


class ResumePad(NumberPadCard):
    code_entered = Signal(str)
    max_length = CODE_LENGTH

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._wrong = False  # the body says the code was not found
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
            self.body.setText(self.tr("番号が 見つかりませんでした。\nもう一度 入れて ください。"))
        else:
            self.body.setText(self.tr("紙に ある 6けたの 番号を 入れて ください。"))

    def entered(self) -> None:
        if len(self.digits) == CODE_LENGTH:
            self.code_entered.emit(self.digits)

    def show_wrong(self) -> None:
        """The code is not one the kiosk knows: start again, without blame."""
        self.clear_digits()
        self._wrong = True
        self._show_body()

    def show_digits(self) -> None:
        shown = self.digits + "・" * (CODE_LENGTH - len(self.digits))
        self.display.setText(" ".join(shown))
        self.display.setAccessibleName(
            self.tr("入れた 番号: {0}").format(" ".join(self.digits))
            if self.digits
            else self.tr("まだ 入れていません")
        )
