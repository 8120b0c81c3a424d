"""Touching in place: タップ (a target that shrinks as the hand gets surer), ダブルタップ, 長押し."""

from __future__ import annotations

import math
import random
import time

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.practice.exercises import Exercise, TargetSizer
from kiosk.settings import Settings
from kiosk.ui.practice.area import BLUE, ORANGE, ExerciseArea

STEADY_PX = 30  # a tap may wander this far and still be a tap


def _dist(a: QPointF, b: QPointF) -> float:
    return math.dist((a.x(), a.y()), (b.x(), b.y()))


class TapExercise(ExerciseArea):
    def __init__(self, info: Exercise, settings: Settings, parent: QWidget | None = None) -> None:
        self.sizer = TargetSizer()
        self.target = QPointF(200, 150)
        self._rng = random.Random(7)
        self._down: QPointF | None = None
        super().__init__(info, settings, parent)
        self.retranslate()

    def reset_round(self) -> None:
        margin = self.sizer.size / 2 + 16
        width, height = max(self.width(), 400), max(self.height(), 300)
        self.target = QPointF(
            self._rng.uniform(margin, max(margin, width - margin)),
            self._rng.uniform(margin, max(margin, height - margin)),
        )

    def _keep_inside(self) -> None:
        """Nudge the target back inside the area (after it grew or the area shrank), no further."""
        margin = self.sizer.size / 2 + 16
        width, height = max(self.width(), 400), max(self.height(), 300)
        x = min(max(self.target.x(), margin), max(margin, width - margin))
        y = min(max(self.target.y(), margin), max(margin, height - margin))
        self.target = QPointF(x, y)

    def start(self) -> None:
        self.sizer = TargetSizer()
        super().start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.tally.attempts == 0:
            self.reset_round()  # nobody has aimed yet: place it anywhere in the area it now has
        else:
            self._keep_inside()  # the person is aiming at it: no jumping away

    def on_press(self, pos: QPointF) -> None:
        self._down = pos

    def on_release(self, pos: QPointF, held_ms: float) -> None:
        down, self._down = self._down, None
        if down is None:
            return
        if held_ms > self.settings.long_press_ms:
            self.not_yet("held", self.tr("指を のせたままに なりました。トンと すぐ はなします。"))
        elif _dist(down, pos) > STEADY_PX:
            self.not_yet("moved", self.tr("指を 動かさずに、その場で トンと さわります。"))
        elif _dist(pos, self.target) <= self.sizer.size / 2 + 8:
            self.sizer.hit()
            self.succeed()
        else:
            # The circle stays where the person was looking (only a little bigger):
            # jumping away after a miss reads as "you did it wrong, now chase it".
            self.sizer.miss()
            self._keep_inside()
            self.not_yet("missed", self.tr("オレンジの 丸の 中を さわって みましょう。"))

    def paint(self, painter: QPainter) -> None:
        if self.finished:
            return
        radius = self.sizer.size / 2
        painter.setBrush(ORANGE)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(self.target, radius, radius)

    def demo_path(self) -> list[tuple[QPointF, bool]]:
        return [
            (self.target + QPointF(60, 80), False),
            (self.target, False),
            (self.target, True),
            (self.target, False),
        ]


class DoubleTapExercise(ExerciseArea):
    """Two taps close in time and place; the interval is generous and set in settings."""

    def __init__(self, info: Exercise, settings: Settings, parent: QWidget | None = None) -> None:
        self.zoomed = False
        self._first: tuple[float, QPointF] | None = None
        self._down: QPointF | None = None
        super().__init__(info, settings, parent)
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(self._only_one)
        self.retranslate()

    def on_press(self, pos: QPointF) -> None:
        self._down = pos

    def on_release(self, pos: QPointF, held_ms: float) -> None:
        down, self._down = self._down, None
        if down is None or held_ms > self.settings.long_press_ms or _dist(down, pos) > STEADY_PX:
            self._first = None
            self.not_yet("held", self.tr("トン、トンと 短く 2回 さわります。"))
            return
        now = time.monotonic()
        first, self._first = self._first, None
        if first and (now - first[0]) * 1000 <= self.settings.double_tap_ms and _dist(first[1], pos) < 80:
            self._wait.stop()
            self.zoomed = not self.zoomed
            self.succeed(
                self.tr("いいですね。写真が 大きく なりました。")
                if self.zoomed
                else self.tr("いいですね。もとに もどりました。")
            )
            return
        self._first = (now, pos)
        self._wait.start(self.settings.double_tap_ms + 50)

    def _only_one(self) -> None:
        if self._first is not None:
            self._first = None
            self.not_yet("single", self.tr("1回 でした。すぐに つづけて、もう1回 さわります。"))

    def paint(self, painter: QPainter) -> None:
        scale = 0.8 if self.zoomed else 0.45
        w, h = self.width() * scale, self.height() * scale
        photo = QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#A5D8FF"))
        painter.drawRoundedRect(photo, 16, 16)
        painter.setBrush(QColor("#2F9E44"))
        painter.drawEllipse(photo.center() + QPointF(-w / 5, h / 3), w / 3, h / 4)
        painter.setBrush(QColor("#FAB005"))
        painter.drawEllipse(photo.topRight() + QPointF(-w / 5, h / 4), h / 10, h / 10)

    def demo_path(self) -> list[tuple[QPointF, bool]]:
        c = QPointF(self.width() / 2, self.height() / 2)
        return [(c, False), (c, True), (c, False), (c, True), (c, False)]


class LongPressExercise(ExerciseArea):
    """A ring fills while the finger stays; full ring = let go now."""

    def __init__(self, info: Exercise, settings: Settings, parent: QWidget | None = None) -> None:
        self.fill = 0.0
        self._holding_since: float | None = None
        self._told = False
        super().__init__(info, settings, parent)
        self._tick = QTimer(self)
        self._tick.setInterval(30)
        self._tick.timeout.connect(self._grow)
        self.retranslate()

    @property
    def centre(self) -> QPointF:
        return QPointF(self.width() / 2, self.height() / 2)

    @property
    def radius(self) -> float:
        return min(self.width(), self.height()) / 4

    def on_press(self, pos: QPointF) -> None:
        if _dist(pos, self.centre) <= self.radius + 16:
            self._holding_since, self._told, self.fill = time.monotonic(), False, 0.0
            self._tick.start()

    def _grow(self) -> None:
        if self._holding_since is None:
            return
        self.fill = min(1.0, (time.monotonic() - self._holding_since) * 1000 / self.settings.long_press_ms)
        if self.fill >= 1.0 and not self._told:
            self._told = True
            self.feedback.emit(self.tr("輪が いっぱいです。指を はなして ください。"))
        self.update()

    def on_release(self, pos: QPointF, held_ms: float) -> None:
        self._tick.stop()
        pressed, self._holding_since = self._holding_since, None
        self.fill = 0.0
        if pressed is None:
            self.not_yet("missed", self.tr("まん中の 丸に 指を のせます。"))
        elif held_ms >= self.settings.long_press_ms:
            self.succeed()
        else:
            self.not_yet("short", self.tr("もう少し 長く、輪が いっぱいに なるまで 待ちます。"))

    def paint(self, painter: QPainter) -> None:
        c, r = self.centre, self.radius
        painter.setPen(QPen(QColor("#CED4DA"), 24))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(c, r + 30, r + 30)
        if self.fill > 0:
            painter.setPen(QPen(BLUE, 24))
            ring = QRectF(c.x() - r - 30, c.y() - r - 30, 2 * r + 60, 2 * r + 60)
            painter.drawArc(ring, 90 * 16, -int(self.fill * 360 * 16))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ORANGE)
        painter.drawEllipse(c, r, r)

    def demo_path(self) -> list[tuple[QPointF, bool]]:
        c = self.centre
        held = [(c, True)] * max(2, self.settings.long_press_ms // 100)
        return [(c + QPointF(80, 80), False), (c, False), *held, (c, False)]
