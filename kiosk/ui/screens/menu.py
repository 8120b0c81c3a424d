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
        self._question = question = QLabel()
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
        self.retranslate()

    def retranslate(self) -> None:
        self._question.setText(self.tr("何をしますか？ ひとつ えらんで ください。"))
        for category, button in self.buttons.items():
            button.set_texts(*category_texts(category))

    def screen_title(self) -> str:
        return self.tr("メニュー")

    def speech_text(self) -> str:
        return "。".join([self._question.text(), *(b.title() for b in self.buttons.values())])
