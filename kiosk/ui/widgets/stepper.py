"""A number set with big － and ＋ buttons (no keyboard needed), within limits, in fixed steps."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.ui.retranslate import Retranslating


class Stepper(Retranslating):
    """Its title and unit are the owner's words: the owner gives them again with `set_texts`."""

    changed = Signal(int)

    def __init__(
        self, title: str, unit: str, low: int, high: int, step: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.low, self.high, self.step, self.unit = low, high, step, unit
        self.value = low
        self.title = QLabel(title)
        self.shown = QLabel()
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown.setMinimumWidth(220)
        self.down_button = QPushButton("－")
        self.down_button.clicked.connect(lambda: self.set_value(self.value - self.step))
        self.up_button = QPushButton("＋")
        self.up_button.clicked.connect(lambda: self.set_value(self.value + self.step))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.down_button)
        layout.addWidget(self.shown)
        layout.addWidget(self.up_button)
        self._shown_once = False  # the value is shown from the first set_value on
        self.retranslate()

    def retranslate(self) -> None:
        title = self.title.text()
        self.down_button.setAccessibleName(self.tr("{0}を 減らす").format(title))
        self.up_button.setAccessibleName(self.tr("{0}を 増やす").format(title))
        if self._shown_once:
            self._show_value()

    def set_texts(self, title: str, unit: str) -> None:
        """The title and unit in the language now chosen."""
        self.title.setText(title)
        self.unit = unit
        self.retranslate()

    def set_value(self, value: int) -> None:
        self.value = min(self.high, max(self.low, value))
        self._shown_once = True
        self._show_value()
        self.down_button.setEnabled(self.value > self.low)
        self.up_button.setEnabled(self.value < self.high)
        self.changed.emit(self.value)

    def _show_value(self) -> None:
        self.shown.setText(f"{self.value} {self.unit}")
        self.shown.setAccessibleName(f"{self.title.text()}: {self.value} {self.unit}")
