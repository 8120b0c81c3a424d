"""The top bar's three buttons on a card that covers it: 「とじる」, 「よみあげ」, 「係員を呼ぶ」."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from kiosk.ui.retranslate import Retranslating
from kiosk.ui.widgets.fitting import set_property
from kiosk.ui.widgets.top_bar import NARROW_ROOM


class CardBar(Retranslating):
    def __init__(self, *, calls_staff: bool = True) -> None:
        super().__init__()
        self._reading = False
        self.close_button = QPushButton()
        self.read_button = QPushButton()
        self.staff_button = QPushButton()
        self.staff_button.setProperty("role", "alert")
        self.staff_button.setVisible(calls_staff)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        row.addWidget(self.close_button)
        row.addStretch(1)
        row.addWidget(self.read_button)
        row.addWidget(self.staff_button)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # As the top bar: narrower than full HD, the buttons keep 大's size at 特大.
        set_property(self, "narrow", "true" if 0 < event.size().width() < NARROW_ROOM else None)

    def retranslate(self) -> None:
        self.close_button.setText(self.tr("◀ とじる"))
        self.close_button.setAccessibleName(self.tr("この 画面を とじる"))
        self.read_button.setAccessibleName(self.tr("この 画面を よみあげる"))
        self.staff_button.setText(self.tr("係員を呼ぶ"))
        self.show_reading(self._reading)

    def show_reading(self, reading: bool) -> None:
        """While the card is read aloud the button stops it, as on the top bar."""
        self._reading = reading
        self.read_button.setText(self.tr("とめる") if reading else self.tr("よみあげ"))
