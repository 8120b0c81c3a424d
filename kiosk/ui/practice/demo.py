"""「お手本」: a see-through finger that shows the gesture over the exercise, then goes away."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

FRAME_MS = 120
FINGER = QColor(246, 203, 169, 200)
OUTLINE = QColor("#B7795A")


class DemoFinger(QWidget):
    finished = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.path: list[tuple[QPointF, bool]] = []
        self.mirror: QPointF | None = None  # pinch: a second finger mirrored about this point
        self.index = -1
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._next)
        self.hide()

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def play(self, path: list[tuple[QPointF, bool]], mirror: QPointF | None = None) -> None:
        if not path:
            return
        self.path, self.mirror, self.index = path, mirror, 0
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self._timer.start()
        self.update()

    def stop(self) -> None:
        self._timer.stop()
        self.hide()

    def _next(self) -> None:
        self.index += 1
        if self.index >= len(self.path):
            self.stop()
            self.finished.emit()
            return
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not 0 <= self.index < len(self.path):
            return
        where, touching = self.path[self.index]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        spots = [where] if self.mirror is None else [where, self.mirror * 2 - where]
        for spot in spots:
            painter.setPen(QPen(OUTLINE, 4))
            painter.setBrush(FINGER if touching else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(spot, 44, 44)
            if touching:  # a ripple where the finger meets the glass
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor("#E8590C"), 4))
                painter.drawEllipse(spot, 60, 60)
