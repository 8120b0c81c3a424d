"""A practice surface: touches (one or two fingers) and the mouse become press / move / release / pinch.

Real Qt touch events are used where the screen has them (multi-touch for
pinch); a mouse, or a touch screen that only sends mouse events, drives the
same calls, so every kiosk can practise.
"""

from __future__ import annotations

import math
import time
from itertools import cycle

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QTouchEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.practice.exercises import Exercise, Tally
from kiosk.settings import Settings
from kiosk.ui.retranslate import Retranslating

ORANGE = QColor("#E8590C")
BLUE = QColor("#1C7ED6")
CARD = QColor("#FFFFFF")
# Said through translate("ExerciseArea", …) when given.
PRAISE = (
    str(QT_TRANSLATE_NOOP("ExerciseArea", "いいですね。")),
    str(QT_TRANSLATE_NOOP("ExerciseArea", "じょうずです。")),
    str(QT_TRANSLATE_NOOP("ExerciseArea", "その ちょうしです。")),
)
_TOUCH = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)


class GestureArea(Retranslating):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._pressed_at = 0.0
        self._pinch_from: float | None = None
        self._last_pos = QPointF()

    # ---- what exercises override ---------------------------------------------

    def on_press(self, pos: QPointF) -> None: ...

    def on_move(self, pos: QPointF) -> None: ...

    def on_release(self, pos: QPointF, held_ms: float) -> None: ...

    def on_pinch(self, scale: float) -> None:
        """Two fingers: `scale` is their distance now over their distance when the second landed."""

    def on_pinch_end(self) -> None: ...

    # ---- input --------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() in _TOUCH and isinstance(event, QTouchEvent):
            self._touch(event)
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        down = [p for p in event.points() if p.state() != p.State.Released]
        if event.type() == QEvent.Type.TouchBegin and len(down) == 1:
            self._begin(down[0].position())
        if len(down) >= 2:
            a, b = down[0].position(), down[1].position()
            distance = max(1.0, math.dist((a.x(), a.y()), (b.x(), b.y())))
            if self._pinch_from is None:
                self._pinch_from = distance
            else:
                self.on_pinch(distance / self._pinch_from)
            return
        if event.type() in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            if self._pinch_from is not None:
                self._pinch_from = None
                self.on_pinch_end()
            else:
                points = event.points()
                self._end(points[0].position() if points else self._last_pos)
        elif down and self._pinch_from is None:
            self._last_pos = down[0].position()
            self.on_move(self._last_pos)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._last_pos = event.position()
            self.on_move(self._last_pos)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())

    def _begin(self, pos: QPointF) -> None:
        self._pressed_at = time.monotonic()
        self._last_pos = pos
        self.on_press(pos)

    def _end(self, pos: QPointF) -> None:
        self.on_release(pos, (time.monotonic() - self._pressed_at) * 1000)


class ExerciseArea(GestureArea):
    """One exercise: counts rounds, praises, says kindly what to try next; never "failure".

    What it says is given in the language chosen at that moment. Each exercise calls
    `retranslate()` at the end of its `__init__`; an override calls this one's first.
    """

    feedback = Signal(str)
    progressed = Signal(int, int)
    completed = Signal()

    def __init__(self, info: Exercise, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.settings = settings
        self.setMinimumSize(400, 240)
        self.tally = Tally(info.id)
        self.done = 0
        self.started_at = time.monotonic()
        self._praise = cycle(PRAISE)

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("exercises", self.info.title))

    def start(self) -> None:
        self.tally = Tally(self.info.id)
        self.done = 0
        self.started_at = time.monotonic()
        self.reset_round()
        self.progressed.emit(0, self.info.rounds)
        self.update()

    def reset_round(self) -> None:
        """Set up the next round (subclasses)."""

    @property
    def finished(self) -> bool:
        return self.done >= self.info.rounds

    def succeed(self, words: str | None = None) -> None:
        if self.finished:
            return
        self.tally.success()
        self.done += 1
        self.feedback.emit(words or QCoreApplication.translate("ExerciseArea", next(self._praise)))
        self.progressed.emit(self.done, self.info.rounds)
        if self.done >= self.info.rounds:
            self.completed.emit()
        else:
            self.reset_round()
        self.update()

    def not_yet(self, kind: str, words: str) -> None:
        if self.finished:
            return
        self.tally.not_yet(kind)
        self.feedback.emit(words)
        self.update()

    def demo_path(self) -> list[tuple[QPointF, bool]]:
        """Where a finger goes in the お手本 (position, touching)."""
        return []

    def paint_card(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CARD)
        painter.drawRoundedRect(self.rect().adjusted(2, 2, -2, -2), 24, 24)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.paint_card(painter)
        self.paint(painter)

    def paint(self, painter: QPainter) -> None: ...
