"""「手順の 一覧」 (supporter mode): every step of the lesson as a button.

The supporter jumps straight to where the citizen is stuck.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from kiosk.content.lessons import Lesson
from kiosk.content.markup import plain
from kiosk.ui.widgets.overlay import Overlay

SHOWN_CHARS = 14


class StepListCard(Overlay):
    chosen = Signal(int)  # step index from 0

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._current: int | None = None  # the step the lesson is at, once the list is shown
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        self.content.insertLayout(3, self.grid)
        self.step_buttons: list[QPushButton] = []
        self.close_button = self.add_dismiss_button()
        self.close_button.setProperty("role", "plain")
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("手順の 一覧"))
        self.close_button.setText(self.tr("とじる"))
        if self._current is not None:
            self.body.setText(self.tr("いまは 手順 {0} です。").format(self._current + 1))

    def show_lesson(self, lesson: Lesson, current: int) -> None:
        for button in self.step_buttons:
            self.grid.removeWidget(button)
            button.deleteLater()
        self.step_buttons = []
        self._current = current
        self.body.setText(self.tr("いまは 手順 {0} です。").format(current + 1))
        for index, step in enumerate(lesson.steps):
            text = plain(step.text)
            short = text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"
            button = QPushButton(f"{index + 1}. {short}")
            button.setAccessibleName(f"{index + 1}. {text}")
            button.clicked.connect(lambda _=False, i=index: self._choose(i))
            self.grid.addWidget(button, *divmod(index, 2))
            self.step_buttons.append(button)
        self.open()

    def _choose(self, index: int) -> None:
        self.hide()
        self.chosen.emit(index)
