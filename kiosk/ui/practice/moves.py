"""Moving the finger: スワイプ (turn photos, scroll), ドラッグ (carry an apple), ピンチ (zoom)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.practice.exercises import Exercise
from kiosk.practice.flick import Direction, direction_of
from kiosk.settings import Settings
from kiosk.ui.practice.area import ORANGE, ExerciseArea

SWIPES = (Direction.LEFT, Direction.LEFT, Direction.RIGHT, Direction.UP, Direction.DOWN)
# Said through translate("SwipeExercise", …).
WORDS = {
    Direction.LEFT: str(QT_TRANSLATE_NOOP("SwipeExercise", "左")),
    Direction.RIGHT: str(QT_TRANSLATE_NOOP("SwipeExercise", "右")),
    Direction.UP: str(QT_TRANSLATE_NOOP("SwipeExercise", "上")),
    Direction.DOWN: str(QT_TRANSLATE_NOOP("SwipeExercise", "下")),
}
ARROW_ANGLE = {Direction.LEFT: 180.0, Direction.RIGHT: 0.0, Direction.UP: -90.0, Direction.DOWN: 90.0}


def _arrow(painter: QPainter, centre: QPointF, angle: float, length: float) -> None:
    painter.save()
    painter.translate(centre)
    painter.rotate(angle)
    painter.setPen(QPen(ORANGE, 18, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(-length / 2, 0), QPointF(length / 2 - 20, 0))
    head = QPainterPath(QPointF(length / 2 + 10, 0))
    head.lineTo(length / 2 - 40, -36)
    head.lineTo(length / 2 - 40, 36)
    head.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ORANGE)
    painter.drawPath(head)
    painter.restore()


class SwipeExercise(ExerciseArea):
    """Photos turn left and right, a list scrolls up and down; the arrow says which way."""

    def __init__(self, info: Exercise, settings: Settings, parent: QWidget | None = None) -> None:
        self.offset = QPointF()
        self.page = 1
        self._down: QPointF | None = None
        super().__init__(info, settings, parent)
        self.retranslate()

    @property
    def wanted(self) -> Direction:
        return SWIPES[min(self.done, len(SWIPES) - 1)]

    def on_press(self, pos: QPointF) -> None:
        self._down = pos

    def on_move(self, pos: QPointF) -> None:
        if self._down is not None:
            self.offset = pos - self._down  # the photo follows the finger
            self.update()

    def on_release(self, pos: QPointF, held_ms: float) -> None:
        down, self._down, self.offset = self._down, None, QPointF()
        if down is None:
            return
        moved = pos - down
        direction = direction_of(moved.x(), moved.y(), self.settings.swipe_px)
        if direction is Direction.TAP:
            self.not_yet("short", self.tr("もう少し 長く、指を つけたまま 動かします。"))
        elif direction is self.wanted:
            self.page += 1
            self.succeed()
        else:
            way = QCoreApplication.translate("SwipeExercise", WORDS[self.wanted])
            self.not_yet("direction", self.tr("{0}へ 動かします。矢印の 向きです。").format(way))

    def paint(self, painter: QPainter) -> None:
        if self.finished:
            return
        w, h = self.width(), self.height()
        photo = QRectF(w * 0.2, h * 0.15, w * 0.6, h * 0.7).translated(self.offset)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#D0EBFF"))
        painter.drawRoundedRect(photo, 20, 20)
        painter.setPen(QColor("#333333"))
        font = painter.font()
        font.setPixelSize(48)
        painter.setFont(font)
        painter.drawText(
            photo,
            Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter,
            self.tr("写真 {0}").format(self.page),
        )
        _arrow(painter, QPointF(w / 2, h / 2), ARROW_ANGLE[self.wanted], min(w, h) * 0.5)

    def demo_path(self) -> list[tuple[QPointF, bool]]:
        c = QPointF(self.width() / 2, self.height() / 2)
        step = {
            Direction.LEFT: QPointF(-40, 0),
            Direction.RIGHT: QPointF(40, 0),
            Direction.UP: QPointF(0, -30),
            Direction.DOWN: QPointF(0, 30),
        }[self.wanted]
        start = c - step * 3
        return [(start, False), *((start + step * i, True) for i in range(7)), (start + step * 6, False)]


class DragExercise(ExerciseArea):
    """Carry the apple to the basket; let go inside it."""

    PLACES = ((0.2, 0.5, 0.8, 0.5), (0.8, 0.3, 0.2, 0.7), (0.3, 0.25, 0.7, 0.75))

    def __init__(self, info: Exercise, settings: Settings, parent: QWidget | None = None) -> None:
        self.apple = QPointF(100, 150)
        self._home = QPointF(100, 150)
        self._grab: QPointF | None = None
        self._pressed = False
        super().__init__(info, settings, parent)
        self.retranslate()

    @property
    def apple_size(self) -> float:
        return max(90.0, min(self.width(), self.height()) / 6)

    def basket(self) -> QRectF:
        _ax, _ay, bx, by = self.PLACES[self.done % len(self.PLACES)]
        s = self.apple_size * 2.4
        return QRectF(self.width() * bx - s / 2, self.height() * by - s / 2, s, s)

    def reset_round(self) -> None:
        ax, ay, _bx, _by = self.PLACES[self.done % len(self.PLACES)]
        self._home = QPointF(self.width() * ax, self.height() * ay)
        self.apple = QPointF(self._home)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._grab is None:
            self.reset_round()

    def on_press(self, pos: QPointF) -> None:
        self._pressed = True
        offset = pos - self.apple
        self._grab = (
            offset if (offset.x() ** 2 + offset.y() ** 2) ** 0.5 <= self.apple_size / 2 + 20 else None
        )

    def on_move(self, pos: QPointF) -> None:
        if self._grab is not None:
            self.apple = pos - self._grab
            self.update()

    def on_release(self, pos: QPointF, held_ms: float) -> None:
        grabbed, self._grab, pressed, self._pressed = self._grab, None, self._pressed, False
        if not pressed:
            return
        if grabbed is None:
            self.not_yet("missed", self.tr("りんごに 指を のせてから 動かします。"))
            return
        self.apple = pos - grabbed
        if self.basket().contains(self.apple):
            self.succeed(self.tr("いいですね。かごに 入りました。"))
        else:
            self.apple = QPointF(self._home)
            self.not_yet("dropped", self.tr("かごの 中まで 運んでから、指を はなします。"))

    def paint(self, painter: QPainter) -> None:
        if self.finished:
            return
        basket = self.basket()
        painter.setPen(QPen(QColor("#8D5524"), 10))
        painter.setBrush(QColor("#F4E3C1"))
        painter.drawRoundedRect(basket, 24, 24)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#E03131"))
        r = self.apple_size / 2
        painter.drawEllipse(self.apple, r, r)
        painter.setBrush(QColor("#2F9E44"))
        painter.drawEllipse(self.apple + QPointF(r * 0.3, -r * 1.05), r * 0.35, r * 0.2)

    def demo_path(self) -> list[tuple[QPointF, bool]]:
        start, end = QPointF(self.apple), self.basket().center()
        return [(start, False), *((start + (end - start) * (i / 8), True) for i in range(9)), (end, False)]


class PinchExercise(ExerciseArea):
    """Zoom a photo: bigger with two fingers apart, smaller with them together; ＋／－ for one finger."""

    BIG, SMALL = 1.8, 1.1

    def __init__(self, info: Exercise, settings: Settings, parent: QWidget | None = None) -> None:
        self.scale = 1.0
        self._base = 1.0
        super().__init__(info, settings, parent)
        self.retranslate()

    @property
    def wants_bigger(self) -> bool:
        return self.done == 0

    def reset_round(self) -> None:
        self._base = self.scale

    def start(self) -> None:
        self.scale = self._base = 1.0
        super().start()

    def on_pinch(self, scale: float) -> None:
        self.scale = min(3.0, max(0.6, self._base * scale))
        self.update()

    def on_pinch_end(self) -> None:
        self._base = self.scale
        self._judge()

    def zoom(self, factor: float) -> None:
        """The one-finger way (＋ / － buttons) for screens without multi-touch."""
        self.scale = self._base = min(3.0, max(0.6, self.scale * factor))
        self.update()
        self._judge()

    def on_release(self, pos: QPointF, held_ms: float) -> None:
        self.not_yet("one-finger", self.tr("2本の 指で さわります。むずかしい ときは ＋ と － を 使います。"))

    def _judge(self) -> None:
        if self.wants_bigger and self.scale >= self.BIG:
            self.succeed(self.tr("いいですね。大きく なりました。つぎは 小さく します。"))
        elif not self.wants_bigger and self.scale <= self.SMALL:
            self.succeed(self.tr("いいですね。もとの 大きさに もどりました。"))
        elif self.wants_bigger:
            self.not_yet("small", self.tr("もう少し 指を 広げます。"))
        else:
            self.not_yet("big", self.tr("もう少し 指を 近づけます。"))

    def paint(self, painter: QPainter) -> None:
        w, h = self.width() * 0.3 * self.scale, self.height() * 0.3 * self.scale
        photo = QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#A5D8FF"))
        painter.drawRoundedRect(photo, 16, 16)
        painter.setBrush(QColor("#2F9E44"))
        painter.drawEllipse(photo.center() + QPointF(0, h / 4), w / 3, h / 5)

    def demo_path(self) -> list[tuple[QPointF, bool]]:
        c = QPointF(self.width() / 2, self.height() / 2)
        return [
            (c, False),
            *((c + QPointF(20 * i, -20 * i), True) for i in range(8)),
            (c + QPointF(140, -140), False),
        ]
