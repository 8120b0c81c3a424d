"""The bar on every screen: 戻る, はじめに戻る, the screen's title and 係員を呼ぶ."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


class TopBar(QWidget):
    back_requested = Signal()
    home_requested = Signal()
    staff_requested = Signal()
    info_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = QPushButton(self.tr("◀ 戻る"))
        self.home_button = QPushButton(self.tr("はじめに戻る"))
        self.info_button = QPushButton(self.tr("きろくについて"))
        self.staff_button = QPushButton(self.tr("係員を呼ぶ"))
        self.staff_button.setProperty("role", "alert")
        self.title = QLabel()
        self.title.setProperty("role", "bar-title")
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 8)
        layout.setSpacing(24)
        layout.addWidget(self.back_button)
        layout.addWidget(self.home_button)
        layout.addWidget(self.info_button)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.staff_button)
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.staff_button.clicked.connect(self.staff_requested)
        self.info_button.clicked.connect(self.info_requested)

    def configure(self, title: str, *, back: bool, home: bool, info: bool = False) -> None:
        self.title.setText(title)
        self.back_button.setVisible(back)
        self.home_button.setVisible(home)
        self.info_button.setVisible(info)
        self._fit_title()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        # A long title wraps to two lines at 特大; the window's layout does not ask a
        # wrapped label nested this deep for its height, so the bar asks for it.
        needed = max(0, self.title.heightForWidth(self.title.width()))
        if needed != self.title.minimumHeight():
            self.title.setMinimumHeight(needed)
            self.updateGeometry()
