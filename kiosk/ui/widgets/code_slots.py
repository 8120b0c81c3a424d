"""The boxes a code is typed into: an empty box is an outline, a filled one shows its digit.

Dots or bullets for the empty places looked like digits already typed; outlined
boxes read as "still to fill", like the boxes on a paper form.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QWidget

BORDER = 4
NEXT_BORDER = 8  # the box the next digit goes into
GAP = 16


class CodeSlots(QLabel):
    """Its text is the digits typed so far (what the screen reader and the checks see)."""

    def __init__(self, length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.length = length

    def set_digits(self, digits: str) -> None:
        self.setText(digits[: self.length])
        self.updateGeometry()
        self.update()

    def _box(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        return QSize(
            round(metrics.horizontalAdvance("0") * 1.7 + 2 * NEXT_BORDER), round(metrics.height() * 1.3)
        )

    def sizeHint(self) -> QSize:
        box = self._box()
        return QSize(self.length * box.width() + (self.length - 1) * GAP, box.height() + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint() * 0.6  # on a narrow panel the boxes shrink together (see _scale)

    def _scale(self) -> float:
        return min(1.0, self.width() / max(1, self.sizeHint().width()))

    def slot_rects(self) -> list[QRectF]:
        box, scale = self._box(), self._scale()
        width, height, gap = box.width() * scale, box.height() * scale, GAP * scale
        left = (self.width() - (self.length * width + (self.length - 1) * gap)) / 2
        top = (self.height() - height) / 2
        half = NEXT_BORDER / 2
        return [
            QRectF(left + i * (width + gap), top, width, height).adjusted(half, half, -half, -half)
            for i in range(self.length)
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        if font.pixelSize() > 0:
            font.setPixelSize(max(1, round(font.pixelSize() * self._scale())))
        painter.setFont(font)
        ink = self.palette().windowText().color()
        digits = self.text()
        for index, rect in enumerate(self.slot_rects()):
            waiting = index == len(digits)
            painter.setPen(QPen(ink, NEXT_BORDER if waiting else BORDER))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 12, 12)
            if index < len(digits):
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), digits[index])
