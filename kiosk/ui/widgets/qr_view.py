"""A QR code drawn crisp and square from its modules, as large as the space allows."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.handoff.qr import QUIET_ZONE, qr_modules
from kiosk.ui.retranslate import Retranslating


class QrView(Retranslating):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._modules: list[list[bool]] = []
        self.url = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("手続きの ページの QRコード"))

    def set_url(self, url: str) -> None:
        self.url = url
        self._modules = qr_modules(url) if url else []
        self.setAccessibleDescription(url)
        self.update()

    def minimumSizeHint(self) -> QSize:
        # About 6 cm on a 21.5" panel: a phone reads it at arm's length.
        return QSize(240, 240)

    def sizeHint(self) -> QSize:
        return QSize(560, 560)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._modules:
            return
        count = len(self._modules) + 2 * QUIET_ZONE
        module = min(self.width(), self.height()) // count  # whole pixels: crisp edges
        side = module * count
        left, top = (self.width() - side) // 2, (self.height() - side) // 2
        painter = QPainter(self)
        painter.fillRect(QRectF(left, top, side, side), QColor("white"))
        black = QColor("black")
        for row, cells in enumerate(self._modules):
            for column, dark in enumerate(cells):
                if dark:
                    painter.fillRect(
                        left + (column + QUIET_ZONE) * module,
                        top + (row + QUIET_ZONE) * module,
                        module,
                        module,
                        black,
                    )
        painter.setPen(Qt.PenStyle.NoPen)
