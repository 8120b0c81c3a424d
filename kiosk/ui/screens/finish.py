"""Finish screen: praise, what was learnt, and where to go next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.content.lessons import Lesson
from kiosk.content.library import LessonLibrary
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.button_grid import ButtonGrid
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.ruby_text import RubyText


class FinishScreen(Screen):
    show_back = False
    show_home = False  # its own big 「はじめに戻る」 is on the screen

    again_requested = Signal(str)
    handoff_requested = Signal(str)
    more_requested = Signal()
    home_requested = Signal()
    certificate_requested = Signal()
    sheet_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson: Lesson | None = None
        self.learned_heading = PhraseLabel()
        self.learned_heading.setProperty("role", "title")
        self.learned_heading.setWordWrap(True)
        self.learned = RubyText()
        self.learned.setObjectName("Card")
        self.learned.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.learned.setMargin(24)
        self.sheet_button = QPushButton()
        self.sheet_button.clicked.connect(self.sheet_requested)
        self.again_button = QPushButton()
        self.more_button = QPushButton()
        self.home_button = QPushButton()
        self.home_button.setProperty("role", "primary")
        self.handoff_button = QPushButton()
        self.handoff_button.setProperty("role", "primary")
        self.handoff_button.clicked.connect(self._handoff)
        self.certificate_button = QPushButton()
        self.certificate_button.setProperty("role", "primary")
        self.certificate_button.clicked.connect(self.certificate_requested)
        self.status = PhraseLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "progress")
        self.again_button.clicked.connect(self._again)
        self.more_button.clicked.connect(self.more_requested)
        self.home_button.clicked.connect(self.home_requested)
        # Two by two, or one under another where two would cut the longest words (大 on a tablet).
        self.buttons = buttons = ButtonGrid(
            (self.again_button, self.sheet_button, self.more_button, self.home_button), 2, spacing=24
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 24)
        layout.setSpacing(24)
        layout.addWidget(self.learned_heading)
        layout.addWidget(self.learned)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.handoff_button)
        layout.addWidget(self.certificate_button)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.learned_heading.setText(self.tr("きょう できるように なったこと"))
        self.again_button.setText(self.tr("もう一度 見る"))
        self.sheet_button.setText(self.tr("この手順を 印刷する"))
        self.more_button.setText(self.tr("ほかの レッスン"))
        self.home_button.setText(self.tr("はじめに戻る"))
        self.handoff_button.setText(self.tr("スマホで 手続きへ すすむ"))
        self.certificate_button.setText(self.tr("講座を すべて 終えました。修了の 紙を 印刷する"))
        self.buttons.fit(self)  # other words, other widths

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.buttons.fit(self)

    def screen_title(self) -> str:
        return self.tr("おつかれさまでした。")

    def speech_text(self) -> str:
        lines = self.lesson.learned if self.lesson else []
        return "。".join([self.screen_title(), self.tr("きょう できるように なったこと"), *lines])

    def show_lesson(self, lesson: Lesson, *, certificate: bool = False) -> None:
        """`certificate`: the course is finished, so its 「修了」 slip can be printed here."""
        self.lesson = lesson
        self.handoff_button.setVisible(lesson.procedure is not None)
        self.certificate_button.setVisible(certificate)
        self.status.clear()
        self.status.hide()
        # A button takes the heading's room; the list speaks for itself.
        self.learned_heading.setVisible(lesson.procedure is None and not certificate)
        self.learned.setText("\n".join(f"✓ {line}" for line in lesson.learned))

    def show_in_language(self, library: LessonLibrary) -> None:
        if self.lesson is not None:
            certificate = not self.certificate_button.isHidden()
            self.show_lesson(library.get(self.lesson.id) or self.lesson, certificate=certificate)

    def show_status(self, text: str, *, failed: bool = False) -> None:
        """How printing the sheet or the certificate went (`failed`: the words say so)."""
        self.status.setText(text)
        self.status.show()

    def set_printing(self, busy: bool) -> None:
        """The finish screen's print buttons stay: a second press while printing does nothing."""

    def clear(self) -> None:
        self.lesson = None
        self.learned.clear()
        self.certificate_button.hide()
        self.status.clear()
        self.status.hide()

    def _handoff(self) -> None:
        if self.lesson and self.lesson.procedure:
            self.handoff_requested.emit(self.lesson.procedure)

    def _again(self) -> None:
        if self.lesson:
            self.again_requested.emit(self.lesson.id)
