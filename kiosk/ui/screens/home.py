"""Home / attract screen: what this is, one huge way in, text size and colours."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.settings import TextSize, ThemeName
from kiosk.ui.screens.base import Screen
from kiosk.ui.theme import TEXT_SIZES
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.ruby_text import RubyText


class HomeScreen(Screen):
    show_back = False
    show_home = False

    start_requested = Signal()
    text_size_chosen = Signal(str)
    theme_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        welcome = QLabel(self.tr("デジタル何でも相談室"))
        welcome.setProperty("role", "hero")
        welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        welcome.setWordWrap(True)
        intro = RubyText(
            self.tr("スマホの使い方や、マイナンバーカードの手続きを、ひとつずつ ごあんないします。")
        )
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = BigButton(
            self.tr("画面に さわって ください"),
            self.tr("ここを 指で かるく おすと はじまります"),
            centred=True,
        )
        self.start_button.setProperty("emphasis", "hero")
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(self.start_requested)

        size_label = QLabel(self.tr("文字の大きさ"))
        self.size_buttons: dict[TextSize, QPushButton] = {}
        size_group = QButtonGroup(self)
        names = {"standard": self.tr("標準"), "large": self.tr("大"), "xlarge": self.tr("特大")}
        sizes = QHBoxLayout()
        sizes.setSpacing(24)
        sizes.addWidget(size_label)
        for size in TEXT_SIZES:
            button = QPushButton(names[size])
            button.setCheckable(True)
            button.setAccessibleName(self.tr("文字の大きさ: {0}").format(names[size]))
            button.clicked.connect(lambda _=False, s=size: self.text_size_chosen.emit(s))
            size_group.addButton(button)
            sizes.addWidget(button)
            self.size_buttons[size] = button
        sizes.addStretch(1)
        self.contrast_button = QPushButton(self.tr("見やすい色"))
        self.contrast_button.setAccessibleName(self.tr("見やすい色: 黒地に 黄色い文字"))
        self.contrast_button.setCheckable(True)
        self.contrast_button.clicked.connect(self._toggle_theme)
        sizes.addWidget(self.contrast_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 32)
        layout.setSpacing(24)
        layout.addWidget(welcome)
        layout.addWidget(intro)
        layout.addWidget(self.start_button, 1)
        layout.addLayout(sizes)

    def _toggle_theme(self, checked: bool) -> None:
        self.theme_chosen.emit("high-contrast" if checked else "standard")

    def show_look(self, text_size: TextSize, theme: ThemeName) -> None:
        self.size_buttons[text_size].setChecked(True)
        self.contrast_button.setChecked(theme == "high-contrast")
