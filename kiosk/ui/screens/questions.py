"""One tap per question: the supporter's intake (4 questions) and close-out (2), as big buttons.

Answers are codes from fixed lists, so nothing a person types ends up in the
records; the words on the buttons are only for the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from kiosk.ui.widgets.overlay import Overlay


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    options: tuple[tuple[str, str], ...]  # (code stored, words shown)


INTAKE = (
    Question(
        "age_band",
        "年代は？",
        (
            ("-59", "59さい まで"),
            ("60s", "60代"),
            ("70s", "70代"),
            ("80+", "80さい から"),
            ("unknown", "答えない"),
        ),
    ),
    Question(
        "device",
        "お持ちの 電話は？",
        (
            ("iphone", "iPhone"),
            ("android", "Android"),
            ("raku", "らくらくスマホ"),
            ("feature", "ガラケー"),
            ("none", "持っていない"),
        ),
    ),
    Question(
        "topic",
        "ご相談は？",
        (
            ("basics", "スマホの 基本"),
            ("mynumber", "マイナンバー"),
            ("practice", "練習"),
            ("other", "その他"),
        ),
    ),
    Question("language", "ことばは？", (("ja", "日本語"), ("ja-easy", "やさしい 日本語"), ("en", "English"))),
)

CLOSE_OUT = (
    Question(
        "outcome",
        "どう なりましたか？",
        (
            ("solved", "解決した"),
            ("next_time", "続きは 次回"),
            ("referred_city", "市の 窓口へ 案内"),
            ("referred_carrier", "携帯ショップへ 案内"),
            ("referred_other", "ほかの 窓口へ 案内"),
        ),
    ),
    Question("follow_up", "あとで 連絡や 確認が いりますか？", (("yes", "いる"), ("no", "いらない"))),
)


class QuestionCard(Overlay):
    answered = Signal(dict)

    def __init__(self, parent: QWidget, title: str, questions: tuple[Question, ...], note: str = "") -> None:
        super().__init__(parent)
        self.questions = questions
        self.answers: dict[str, str] = {}
        self.heading.setText(title)
        self.note = note
        self.step_label = QLabel()
        self.step_label.setProperty("role", "progress")
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        self.option_buttons: list[QPushButton] = []
        self.content.insertWidget(1, self.step_label)
        self.content.insertLayout(4, self.grid)
        self.cancel_button = self.add_dismiss_button(self.tr("やめる"))
        self.cancel_button.setProperty("role", "plain")  # the answers are the main buttons here

    def open(self) -> None:
        self.answers = {}
        self._ask()
        super().open()

    def choose(self, code: str) -> None:
        question = self.questions[len(self.answers)]
        self.answers[question.key] = code
        if len(self.answers) == len(self.questions):
            self.hide()
            self.answered.emit(dict(self.answers))
        else:
            self._ask()

    def button_for(self, code: str) -> QPushButton:
        return next(b for b in self.option_buttons if b.property("code") == code)

    def _ask(self) -> None:
        question = self.questions[len(self.answers)]
        self.step_label.setText(f"{len(self.answers) + 1} / {len(self.questions)}")
        self.body.setText(question.text + (f"\n{self.note}" if self.note else ""))
        for button in self.option_buttons:
            self.grid.removeWidget(button)
            button.deleteLater()
        self.option_buttons = []
        columns = (
            3 if max(len(words) for _, words in question.options) <= 7 else 2
        )  # long answers: wider buttons
        for index, (code, words) in enumerate(question.options):
            button = QPushButton(words)
            button.setProperty("code", code)
            button.clicked.connect(lambda _=False, c=code: self.choose(c))
            self.grid.addWidget(button, *divmod(index, columns))
            self.option_buttons.append(button)
