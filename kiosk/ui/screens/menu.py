"""Category menu: 「何をしますか？」 with one big button per category."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.content.lessons import Category
from kiosk.ui.screens.base import Screen
from kiosk.ui.texts import category_texts
from kiosk.ui.widgets.big_button import BigButton


class MenuScreen(Screen):
    show_back = True
    show_home = False

    category_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._question = question = QLabel(self.tr("何をしますか？ ひとつ えらんで ください。"))
        question.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 32)
        layout.setSpacing(24)
        layout.addWidget(question)
        self.buttons: dict[Category, BigButton] = {}
        for category in Category:
            title, description = category_texts(category)
            button = BigButton(title, description)
            button.clicked.connect(lambda _=False, c=category: self.category_chosen.emit(c.value))
            layout.addWidget(button, 1)
            self.buttons[category] = button

    def screen_title(self) -> str:
        return self.tr("メニュー")

    def speech_text(self) -> str:
        return "。".join([self._question.text(), *(b.title() for b in self.buttons.values())])
