"""One tap per question: the supporter's intake (4 questions) and close-out (2), as big buttons.

Answers are codes from fixed lists, so nothing a person types ends up in the
records; the words on the buttons are only for the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from kiosk.ui.widgets.overlay import Overlay


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    options: tuple[tuple[str, str], ...]  # (code stored, words shown)


# The words stay Japanese here; the card shows them through translate("QuestionCard", …).

INTAKE = (
    Question(
        "age_band",
        str(QT_TRANSLATE_NOOP("QuestionCard", "年代は？")),
        (
            ("-59", str(QT_TRANSLATE_NOOP("QuestionCard", "59さい まで"))),
            ("60s", str(QT_TRANSLATE_NOOP("QuestionCard", "60代"))),
            ("70s", str(QT_TRANSLATE_NOOP("QuestionCard", "70代"))),
            ("80+", str(QT_TRANSLATE_NOOP("QuestionCard", "80さい から"))),
            ("unknown", str(QT_TRANSLATE_NOOP("QuestionCard", "答えない"))),
        ),
    ),
    Question(
        "device",
        str(QT_TRANSLATE_NOOP("QuestionCard", "お持ちの 電話は？")),
        (
            ("iphone", str(QT_TRANSLATE_NOOP("QuestionCard", "iPhone"))),
            ("android", str(QT_TRANSLATE_NOOP("QuestionCard", "Android"))),
            ("raku", str(QT_TRANSLATE_NOOP("QuestionCard", "らくらくスマホ"))),
            ("feature", str(QT_TRANSLATE_NOOP("QuestionCard", "ガラケー"))),
            ("none", str(QT_TRANSLATE_NOOP("QuestionCard", "持っていない"))),
        ),
    ),
    Question(
        "topic",
        str(QT_TRANSLATE_NOOP("QuestionCard", "ご相談は？")),
        (
            ("basics", str(QT_TRANSLATE_NOOP("QuestionCard", "スマホの 基本"))),
            ("mynumber", str(QT_TRANSLATE_NOOP("QuestionCard", "マイナンバー"))),
            ("practice", str(QT_TRANSLATE_NOOP("QuestionCard", "練習"))),
            ("other", str(QT_TRANSLATE_NOOP("QuestionCard", "その他"))),
        ),
    ),
    Question(
        "language",
        str(QT_TRANSLATE_NOOP("QuestionCard", "ことばは？")),
        (
            ("ja", str(QT_TRANSLATE_NOOP("QuestionCard", "日本語"))),
            ("ja-easy", str(QT_TRANSLATE_NOOP("QuestionCard", "やさしい 日本語"))),
            ("en", str(QT_TRANSLATE_NOOP("QuestionCard", "English"))),
        ),
    ),
)

CLOSE_OUT = (
    Question(
        "outcome",
        str(QT_TRANSLATE_NOOP("QuestionCard", "どう なりましたか？")),
        (
            ("solved", str(QT_TRANSLATE_NOOP("QuestionCard", "解決した"))),
            ("next_time", str(QT_TRANSLATE_NOOP("QuestionCard", "続きは 次回"))),
            ("referred_city", str(QT_TRANSLATE_NOOP("QuestionCard", "市の 窓口へ 案内"))),
            ("referred_carrier", str(QT_TRANSLATE_NOOP("QuestionCard", "携帯ショップへ 案内"))),
            ("referred_other", str(QT_TRANSLATE_NOOP("QuestionCard", "ほかの 窓口へ 案内"))),
        ),
    ),
    Question(
        "follow_up",
        str(QT_TRANSLATE_NOOP("QuestionCard", "あとで 連絡や 確認が いりますか？")),
        (
            ("yes", str(QT_TRANSLATE_NOOP("QuestionCard", "いる"))),
            ("no", str(QT_TRANSLATE_NOOP("QuestionCard", "いらない"))),
        ),
    ),
)


SCROLL_BUTTONS_PX = 160


class QuestionCard(Overlay):
    """A card of one-tap questions under a title (marked with QT_TRANSLATE_NOOP in "QuestionCard")."""

    answered = Signal(dict)

    def __init__(self, parent: QWidget, title: str, questions: tuple[Question, ...]) -> None:
        super().__init__(parent)
        self.questions = questions
        self.answers: dict[str, str] = {}
        self._title = title
        self._asking = False  # a question is on the card (from open until the last answer)
        self.step_label = QLabel()
        self.step_label.setProperty("role", "progress")
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        self.option_buttons: list[QPushButton] = []
        self._columns = 3
        self.content.insertWidget(1, self.step_label)
        self.content.insertLayout(4, self.grid)
        self.cancel_button = self.add_dismiss_button()
        self.cancel_button.setProperty("role", "plain")  # the answers are the main buttons here
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("QuestionCard", self._title))
        self.cancel_button.setText(self.tr("やめる"))
        if self._asking:
            self._ask()  # the question and its answers again, in the language chosen now

    def open(self) -> None:
        self.answers = {}
        self._asking = True
        self._ask()
        super().open()

    def clear(self) -> None:
        self.answers = {}
        self._asking = False

    def choose(self, code: str) -> None:
        question = self.questions[len(self.answers)]
        self.answers[question.key] = code
        if len(self.answers) == len(self.questions):
            self._asking = False
            self.hide()
            self.answered.emit(dict(self.answers))
        else:
            self._ask()

    def button_for(self, code: str) -> QPushButton:
        return next(b for b in self.option_buttons if b.property("code") == code)

    def _ask(self) -> None:
        question = self.questions[len(self.answers)]
        self.step_label.setText(f"{len(self.answers) + 1} / {len(self.questions)}")
        text = QCoreApplication.translate("QuestionCard", question.text)
        self.body.setText(text)
        for button in self.option_buttons:
            self.grid.removeWidget(button)
            button.deleteLater()
        self.option_buttons = []
        options = [
            (code, QCoreApplication.translate("QuestionCard", words)) for code, words in question.options
        ]
        self._columns = 3 if max(len(words) for _, words in options) <= 7 else 2  # long answers: wider
        for code, words in options:
            button = QPushButton(words)
            button.setProperty("code", code)
            button.clicked.connect(lambda _=False, c=code: self.choose(c))
            self.option_buttons.append(button)
        self._place_options()

    def _place_options(self) -> None:
        """The answers in columns, as many as fit their words (fewer on a narrow panel at 特大)."""
        if not self.option_buttons:
            return
        widest = max(button.sizeHint().width() for button in self.option_buttons)
        margins = self.content.contentsMargins()
        # The card's width less its margins and room for the scroll buttons, should they show.
        room = self.width() - 48 - margins.left() - margins.right() - SCROLL_BUTTONS_PX
        spacing = self.grid.horizontalSpacing()
        columns = max(1, min(self._columns, (room + spacing) // (widest + spacing)))
        for button in self.option_buttons:
            self.grid.removeWidget(button)
        for index, button in enumerate(self.option_buttons):
            self.grid.addWidget(button, *divmod(index, columns))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_options()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The text size may have changed while it was hidden: measure once its words are styled.
        QTimer.singleShot(0, self, self._place_options)
