"""Self-check at the end of a course lesson: one question at a time, big answer buttons.

After any answer the screen says which answer is right and explains why; it never
says 「不正解」 and never shows a score. The window records each answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.content.lessons import CheckQuestion, Lesson
from kiosk.content.library import LessonLibrary
from kiosk.content.markup import plain
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.ruby_text import RubyText

MAX_CHOICES = 4


class SelfCheckScreen(Screen):
    show_back = False  # the lesson is behind; 「ホーム」 leaves
    show_home = True

    answered = Signal(str, int, bool)  # lesson id, question number (from 1), right
    finished = Signal(str)  # lesson id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson: Lesson | None = None
        self.index = 0
        self.chosen: int | None = None  # the answer given to the question shown, if any
        self.intro = PhraseLabel()
        self.intro.setWordWrap(True)
        self.question = RubyText(role="title")
        self.choices: list[BigButton] = []
        self.verdict = PhraseLabel()
        self.verdict.setProperty("role", "title")
        self.verdict.setWordWrap(True)
        self.explanation = RubyText()
        self.explanation.setObjectName("Card")
        self.explanation.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.explanation.setMargin(24)
        self.next_button = QPushButton()
        self.next_button.setProperty("role", "primary")
        self.next_button.clicked.connect(self.go_next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 24)
        layout.setSpacing(20)
        layout.addWidget(self.intro)
        layout.addWidget(self.question)
        for number in range(MAX_CHOICES):
            button = BigButton()
            margins = button.layout()
            assert margins is not None
            margins.setContentsMargins(32, 12, 32, 12)  # room for two-line answers at 特大
            button.clicked.connect(lambda _=False, n=number: self.answer(n))
            layout.addWidget(button)
            self.choices.append(button)
        layout.addWidget(self.verdict)
        layout.addWidget(self.explanation)
        layout.addStretch(1)
        layout.addWidget(self.next_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("確かめ問題です。あてはまる ものを ひとつ えらんで ください。"))
        self._show()

    def screen_title(self) -> str:
        if self.lesson is None or not self.lesson.check:
            return self.tr("確かめ問題")
        return self.tr("確かめ問題 {0} / {1}").format(self.index + 1, len(self.lesson.check))

    def speech_text(self) -> str:
        current = self.current()
        if current is None:
            return ""
        if self.chosen is None:
            return "。".join(
                [self.intro.text(), current.question]
                + [f"{n}、{choice}" for n, choice in enumerate(current.choices, start=1)]
            )
        return "。".join([self.verdict.text(), current.explanation])

    def current(self) -> CheckQuestion | None:
        if self.lesson is None or not 0 <= self.index < len(self.lesson.check):
            return None
        return self.lesson.check[self.index]

    def start(self, lesson: Lesson) -> None:
        self.lesson, self.index, self.chosen = lesson, 0, None
        self._show()

    def show_in_language(self, library: LessonLibrary) -> None:
        """The same question (and answer, if given) in the language just chosen."""
        if self.lesson is not None:
            self.lesson = library.get(self.lesson.id) or self.lesson
            self._show()

    def answer(self, choice: int) -> None:
        current = self.current()
        if self.lesson is None or current is None or self.chosen is not None:
            return
        if choice >= len(current.choices):
            return
        self.chosen = choice
        self.answered.emit(self.lesson.id, self.index + 1, choice == current.right)
        self._show()

    def go_next(self) -> None:
        if self.lesson is None or self.chosen is None:
            return
        if self.index + 1 < len(self.lesson.check):
            self.index += 1
            self.chosen = None
            self._show()
        else:
            self.finished.emit(self.lesson.id)

    def clear(self) -> None:
        self.lesson, self.index, self.chosen = None, 0, None
        self._show()

    def _show(self) -> None:
        self._fill()

    def _fill(self) -> None:
        current = self.current()
        asking = current is not None and self.chosen is None
        self.intro.setVisible(asking)
        self.question.setText(current.question if current else "")
        for number, button in enumerate(self.choices):
            shown = asking and current is not None and number < len(current.choices)
            button.setVisible(shown)
            if shown and current is not None:
                button.set_texts(f"{number + 1}.  {plain(current.choices[number])}")
        answered = current is not None and self.chosen is not None
        self.verdict.setVisible(answered)
        self.explanation.setVisible(answered)
        self.next_button.setVisible(answered)
        if current is None or self.chosen is None:
            return
        if self.chosen == current.right:
            self.verdict.setText(self.tr("◯ そのとおりです。"))
        else:
            self.verdict.setText(
                self.tr("正しい 答えは「{0}」です。").format(plain(current.choices[current.right]))
            )
        self.explanation.setText(current.explanation)
        last = self.lesson is not None and self.index + 1 >= len(self.lesson.check)
        self.next_button.setText(self.tr("おわる") if last else self.tr("次の 問題へ"))
