"""Category menu: 「何をしますか？」 with one big button per category.

The supporter course is a big button for signed-in supporters and staff; citizens see
it only as a clearly marked entry at the bottom, for people who want to become one.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.lessons import COURSE, Category
from kiosk.ui.screens.base import Screen
from kiosk.ui.texts import category_texts
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.phrase_label import PhraseLabel


class MenuScreen(Screen):
    show_back = True
    show_home = True

    category_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._question = question = PhraseLabel()
        question.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 16)
        layout.setSpacing(16)
        layout.addWidget(question)
        self.buttons: dict[Category, BigButton] = {}
        for category in Category:
            button = BigButton()
            button.clicked.connect(lambda _=False, c=category: self.category_chosen.emit(c.value))
            layout.addWidget(button, 1)
            self.buttons[category] = button
        self.buttons[COURSE].hide()
        self.course_entry = BigButton()
        self.course_entry.clicked.connect(lambda: self.category_chosen.emit(COURSE.value))
        layout.addWidget(self.course_entry)
        self.retranslate()

    def set_helper(self, on: bool) -> None:
        """A supporter or staff member is signed in: the course is one of the big choices."""
        self.buttons[COURSE].setVisible(on)
        self.course_entry.setVisible(not on)

    def retranslate(self) -> None:
        self._question.setText(self.tr("何をしますか？ ひとつ えらんで ください。"))
        for category, button in self.buttons.items():
            button.set_texts(*category_texts(category))
        self.course_entry.set_texts(
            self.tr("サポーターに なりたい 方へ"),
            self.tr("サポーター講座: 教え方や 暗証番号の 守り方を 学べます"),
        )

    def screen_title(self) -> str:
        return self.tr("メニュー")

    def speech_text(self) -> str:
        shown = [b.title() for b in self.buttons.values() if not b.isHidden()]
        if not self.course_entry.isHidden():
            shown.append(self.course_entry.title())
        return "。".join([self._question.text(), *shown])
