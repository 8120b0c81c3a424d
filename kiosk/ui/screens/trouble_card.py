"""A trouble's card: the short answer (read aloud), then where to go — never a dead end."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.content.library import LessonLibrary
from kiosk.content.troubles import Trouble
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.overlay import Overlay


class TroubleCard(Overlay):
    lesson_requested = Signal(str, int)  # lesson id, step index (from 0)
    procedure_requested = Signal(str)
    staff_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.trouble: Trouble | None = None
        self.lesson_button = QPushButton()
        self.lesson_button.setProperty("role", "primary")
        self.lesson_button.clicked.connect(self._lesson)
        self.procedure_button = QPushButton()
        self.procedure_button.setProperty("role", "primary")
        self.procedure_button.clicked.connect(self._procedure)
        self.staff_button = QPushButton()
        self.staff_button.setProperty("role", "alert")
        self.staff_button.clicked.connect(self._staff)
        row = FlowLayout(fill=True)  # side by side, or wrapped where their words do not fit
        for button in (self.lesson_button, self.procedure_button, self.staff_button):
            row.addWidget(button)
        self.content.addLayout(row)
        self.back_button = self.add_dismiss_button()
        self.back_button.setProperty("role", None)
        self.retranslate()

    def retranslate(self) -> None:
        self.lesson_button.setText(self.tr("説明を 見る"))
        self.procedure_button.setText(self.tr("スマホで 手続きへ"))
        self.staff_button.setText(self.tr("係員を呼ぶ"))
        self.back_button.setText(self.tr("ほかの こまりごと"))

    def clear(self) -> None:
        self.trouble = None
        self.heading.clear()
        self.body.clear()

    def show_in_language(self, library: LessonLibrary) -> None:
        if self.isVisible() and self.trouble is not None:
            shown = self.trouble.id
            self.show_trouble(next((t for t in library.troubles if t.id == shown), self.trouble))

    def show_trouble(self, trouble: Trouble) -> None:
        """Open the card on this trouble (in the language the window chose it in)."""
        self.trouble = trouble
        self.heading.setText(trouble.title)
        self.body.setText(trouble.answer)
        self.lesson_button.setVisible(trouble.lesson is not None)
        self.procedure_button.setVisible(trouble.procedure is not None)
        self.setGeometry(self._host.rect())
        self.show()
        self.raise_()

    def _lesson(self) -> None:
        if self.trouble is not None and self.trouble.lesson is not None:
            self.hide()
            self.lesson_requested.emit(self.trouble.lesson, (self.trouble.step or 1) - 1)

    def _procedure(self) -> None:
        if self.trouble is not None and self.trouble.procedure is not None:
            self.hide()
            self.procedure_requested.emit(self.trouble.procedure)

    def _staff(self) -> None:
        self.hide()
        self.staff_requested.emit()
