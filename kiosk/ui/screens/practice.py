"""練習する: choose an exercise (or the short course), then practise it with words, お手本 and praise."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.practice.exercises import COURSE, EXERCISES, Exercise, Gesture, exercise
from kiosk.settings import Settings
from kiosk.ui.practice.area import ExerciseArea
from kiosk.ui.practice.demo import DemoFinger
from kiosk.ui.practice.keyboards import FlickExercise, QwertyExercise
from kiosk.ui.practice.moves import DragExercise, PinchExercise, SwipeExercise
from kiosk.ui.practice.taps import DoubleTapExercise, LongPressExercise, TapExercise
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.button_grid import ButtonGrid
from kiosk.ui.widgets.ruby_text import RubyText

AREAS: dict[Gesture, type[ExerciseArea]] = {
    Gesture.TAP: TapExercise,
    Gesture.DOUBLE_TAP: DoubleTapExercise,
    Gesture.LONG_PRESS: LongPressExercise,
    Gesture.SWIPE: SwipeExercise,
    Gesture.DRAG: DragExercise,
    Gesture.PINCH: PinchExercise,
    Gesture.FLICK: FlickExercise,
    Gesture.QWERTY: QwertyExercise,
}


def _shown(text: str) -> str:
    """An exercise's title, summary or instruction in the language chosen now."""
    return QCoreApplication.translate("exercises", text)


MOST_COLUMNS = 3  # exercises a row in the menu


class PracticeMenuScreen(Screen):
    chosen = Signal(str)
    course_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.course_button = BigButton()
        self.course_button.setProperty("role", "primary")
        self.course_button.clicked.connect(self.course_chosen)
        self.buttons: dict[Gesture, BigButton] = {}
        for info in EXERCISES:
            button = BigButton()
            button.clicked.connect(lambda _=False, g=info.id: self.chosen.emit(g.value))
            self.buttons[info.id] = button
        # Three a row where their longest word fits (「ダブルタップ」, "Double" at 特大), else fewer.
        self.grid = grid = ButtonGrid(list(self.buttons.values()), MOST_COLUMNS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 24)
        layout.setSpacing(20)
        layout.addWidget(self.course_button)
        layout.addLayout(grid, 1)
        self._text_size = "standard"
        self.retranslate()

    def retranslate(self) -> None:
        self.course_button.set_texts(
            self.tr("はじめての 練習コース"), self.tr("タップ → 長押し → スワイプ → フリック入力")
        )
        for info in EXERCISES:
            self.buttons[info.id].set_texts(_shown(info.title), _shown(info.summary))
        self.set_text_size(self._text_size)  # set_texts shows the descriptions again

    def screen_title(self) -> str:
        return self.tr("練習する")

    def speech_text(self) -> str:
        return "。".join([self.course_button.title(), *(b.title() for b in self.buttons.values())])

    def set_text_size(self, text_size: str) -> None:
        self._text_size = text_size
        for button in (self.course_button, *self.buttons.values()):
            button.show_description(text_size == "standard")  # five rows: titles only when text is bigger
        self.grid.fit(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.grid.fit(self)


class PracticeScreen(Screen):
    """One exercise at a time; results go to the records when the person finishes or leaves."""

    scrolls = False  # the finger moves on the practice area itself

    result = Signal(str)  # the event detail (JSON)
    finished_course = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.areas: dict[Gesture, ExerciseArea] = {}
        self.area: ExerciseArea | None = None
        self.course: list[Gesture] = []
        self._reported = True
        # One message at the top: the instruction, then what to try next or praise (it says what to do again).
        self.instruction = RubyText()  # body size: at 特大 the exercise needs the room
        self.instruction.setObjectName("Card")
        self.instruction.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.instruction.setContentsMargins(24, 8, 24, 8)
        self.feedback = self.instruction
        self._instruction = ""
        self._completed_here = False  # the exercise is done: the message says what comes next
        self._counts: tuple[int, int] | None = None  # (done, rounds) shown in the footer
        self.stack = QStackedWidget()
        for gesture, kind in AREAS.items():
            area = kind(exercise(gesture), settings)
            area.feedback.connect(self._say)
            area.progressed.connect(self._progress)
            area.completed.connect(self._completed)
            self.stack.addWidget(area)
            self.areas[gesture] = area
        self.demo = DemoFinger(self.stack)
        self.progress = QLabel()
        self.progress.setProperty("role", "progress")
        self.demo_button = QPushButton()
        self.demo_button.clicked.connect(self.play_demo)
        self.zoom_in = QPushButton("＋")
        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out = QPushButton("－")
        self.zoom_out.clicked.connect(lambda: self._zoom(0.8))
        self.next_button = QPushButton()
        self.next_button.setProperty("role", "primary")
        self.next_button.clicked.connect(self.next_in_course)
        footer = QHBoxLayout()
        footer.setSpacing(24)
        footer.addWidget(self.progress)
        footer.addStretch(1)
        for button in (self.zoom_out, self.zoom_in, self.demo_button, self.next_button):
            footer.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 16)
        layout.setSpacing(12)
        layout.addWidget(self.instruction)
        layout.addWidget(self.stack, 1)
        layout.addLayout(footer)
        self.retranslate()

    def retranslate(self) -> None:
        self.demo_button.setText(self.tr("お手本を 見る"))
        self.zoom_in.setAccessibleName(self.tr("大きくする"))
        self.zoom_out.setAccessibleName(self.tr("小さくする"))
        if self._counts is not None:
            self._progress(*self._counts)
        if self.area is not None:
            self._instruction = _shown(self.area.info.instruction)
        if self._completed_here:
            self._say_completed()
        else:
            self.next_button.setText(self.tr("次の 練習へ"))
            if self.area is not None:
                # What the exercise said last was in the old language: its instruction shows again.
                self.instruction.setText(self._instruction)

    def screen_title(self) -> str:
        return _shown(self.area.info.title) if self.area else self.tr("練習する")

    def speech_text(self) -> str:
        shown = self.instruction.source()
        return shown if shown == self._instruction else "\n".join(t for t in (shown, self._instruction) if t)

    def open(self, gesture: Gesture | str, *, course: list[Gesture] | None = None) -> None:
        self.leave()
        self.course = list(course or [])
        area = self.areas[Gesture(gesture)]
        self.area = area
        self.stack.setCurrentWidget(area)
        self._completed_here = False
        self._show_instruction(area.info)
        self.zoom_in.setVisible(area.info.id is Gesture.PINCH)
        self.zoom_out.setVisible(area.info.id is Gesture.PINCH)
        self.next_button.setVisible(False)
        self.demo.stop()
        area.start()
        self._reported = False
        self._shown_at = time.monotonic()

    def _show_instruction(self, info: Exercise) -> None:
        self._instruction = _shown(info.instruction)
        self.instruction.setText(self._instruction)

    def start_course(self) -> None:
        self.open(COURSE[0], course=list(COURSE[1:]))

    def next_in_course(self) -> None:
        if self.course:
            following, rest = self.course[0], self.course[1:]
            self.open(following, course=rest)
        else:
            self.leave()
            self.finished_course.emit()

    def play_demo(self) -> None:
        if self.area is None:
            return
        mirror = (
            QPointF(self.area.width() / 2, self.area.height() / 2)
            if self.area.info.id is Gesture.PINCH
            else None
        )
        self.demo.play(self.area.demo_path(), mirror)

    def leave(self) -> None:
        """The person moves on: record what they did here (if they tried at all), once."""
        self.demo.stop()
        if self.area is not None and not self._reported and self.area.tally.attempts:
            self._reported = True
            seconds = time.monotonic() - self.area.started_at
            self.result.emit(self.area.tally.detail(seconds, self.area.finished))
        self._reported = True

    def clear(self) -> None:
        self.leave()
        self.area, self.course = None, []
        self._instruction = ""
        self._completed_here = False
        self._counts = None
        self.instruction.clear()
        self.progress.clear()

    def _say(self, words: str) -> None:
        self.feedback.setText(words)

    def _progress(self, done: int, total: int) -> None:
        self._counts = (done, total)
        self.progress.setText(f"{done} / {total}")
        self.progress.setAccessibleName(self.tr("{0} 回 できました（{1} 回 中）").format(done, total))

    def _completed(self) -> None:
        self.leave()
        self._completed_here = True
        self._say_completed()
        self.next_button.setVisible(True)

    def _say_completed(self) -> None:
        if self.course:
            self.feedback.setText(self.tr("できました。次の 練習へ すすみましょう。"))
            self.next_button.setText(self.tr("次の 練習へ"))
        else:
            self.feedback.setText(self.tr("できました。よく がんばりました。"))
            self.next_button.setText(self.tr("おわる"))

    def _zoom(self, factor: float) -> None:
        area = self.areas[Gesture.PINCH]
        if isinstance(area, PinchExercise):
            area.zoom(factor)
