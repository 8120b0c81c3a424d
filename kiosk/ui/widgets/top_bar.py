"""The bar on every screen: 戻る, はじめに戻る, よみあげ, 係員を呼ぶ, and the title on a row of its own."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from kiosk.ui.retranslate import Retranslating
from kiosk.ui.widgets.fitting import set_property
from kiosk.ui.widgets.ruby_text import RubyText


def _group(*buttons: QPushButton) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(24)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return holder


NARROW_ROOM = 1700  # px for the buttons: below it (1366, 1280 panels) the bar's words keep 大's size


class TopBar(Retranslating):
    back_requested = Signal()
    home_requested = Signal()
    staff_requested = Signal()
    info_requested = Signal()
    read_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reading = False
        self.back_button = QPushButton()
        self.home_button = QPushButton()
        self.info_button = QPushButton()
        self.read_button = QPushButton()
        self.staff_button = QPushButton()
        self.staff_button.setProperty("role", "alert")
        self.title = RubyText(role="bar-title")
        self._left = _group(self.back_button, self.home_button, self.info_button)
        self._right = _group(self.read_button, self.staff_button)
        self._grid = grid = QGridLayout(self)
        grid.setContentsMargins(24, 16, 24, 8)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(0, 1)
        self._rows = 0
        self._arrange(one_row=True)
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.staff_button.clicked.connect(self.staff_requested)
        self.info_button.clicked.connect(self.info_requested)
        self.read_button.clicked.connect(self.read_requested)
        self.retranslate()

    def _arrange(self, *, one_row: bool) -> None:
        """The buttons on one row; on a narrow panel at 特大, よみあげ and 係員を呼ぶ on a second."""
        rows = 1 if one_row else 2
        if rows == self._rows:
            return
        self._rows = rows
        for part in (self._left, self._right, self.title):
            self._grid.removeWidget(part)
        self._grid.addWidget(self._left, 0, 0)
        self._grid.addWidget(self._right, *((0, 1) if one_row else (1, 0)))
        self._grid.addWidget(self.title, rows, 0, 1, 2)
        # Two rows of buttons keep a touch target's gap between them, not the title's 8 px.
        self._grid.setVerticalSpacing(8 if one_row else 16)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        """Narrower than a full-HD panel (a 15.6" monitor, a 10" tablet), or wherever the four
        do not fit at 特大 (long words: 「はじめに もどる」), the bar's buttons keep 大's size —
        never smaller than at 大 — so that all four stay on one row and the page keeps its room;
        if even then they do not fit, they take a second row."""
        margins = self._grid.contentsMargins()
        room = width - margins.left() - margins.right()
        narrow = 0 < room < NARROW_ROOM
        set_property(self, "narrow", "true" if narrow else None)
        needed = self._needed()
        if not narrow and needed > room > 0:
            set_property(self, "narrow", "true")
            needed = self._needed()
        self._arrange(one_row=needed <= room)

    def _needed(self) -> int:
        """The width of the buttons on one row, at the size they have now."""
        for group in (self._left, self._right):
            layout = group.layout()
            if layout is not None:
                layout.invalidate()  # the buttons' new size, not the one cached before
        return self._left.sizeHint().width() + self._grid.horizontalSpacing() + self._right.sizeHint().width()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("◀ 戻る"))
        self.home_button.setText(self.tr("はじめに戻る"))
        self.info_button.setText(self.tr("きろくについて"))
        self.read_button.setAccessibleName(self.tr("画面を よみあげる"))
        self.staff_button.setText(self.tr("係員を呼ぶ"))
        self.show_reading(self._reading)
        self._fit(self.width())  # other words, other widths

    def configure(self, title: str, *, back: bool, home: bool, info: bool = False) -> None:
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.back_button.setVisible(back)
        self.home_button.setVisible(home)
        self.info_button.setVisible(info)
        self._fit(self.width())  # which buttons show changes how wide the row is

    def show_reading(self, reading: bool) -> None:
        """While the screen is read aloud the button stops it."""
        self._reading = reading
        self.read_button.setText(self.tr("とめる") if reading else self.tr("よみあげ"))
