"""A full-window card laid over everything (a trouble's answer, a word, the number pads …).

A card covers the top bar, so it carries the bar's three buttons itself: 「とじる」 to the
screen below, 「よみあげ」 for this card and 「係員を呼ぶ」.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.content.library import LessonLibrary
from kiosk.ui.retranslate import Retranslating
from kiosk.ui.widgets.card_bar import CardBar
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.ruby_text import RubyText
from kiosk.ui.widgets.scroll_page import ScrollPage


class Overlay(Retranslating):
    """Subclasses set their words in `retranslate()` and call it at the end of their `__init__`."""

    dismissed = Signal()
    read_requested = Signal()  # 「よみあげ」 on the card's bar: the window reads the top card
    call_requested = Signal()  # 「係員を呼ぶ」 on the card's bar
    # Which of the bar's buttons a card has (the idle warning has none: any touch answers it).
    has_bar = True
    bar_calls_staff = True

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.bar = CardBar(calls_staff=self.bar_calls_staff)
        self.bar.setVisible(self.has_bar)
        self.bar.close_button.clicked.connect(self.dismiss)
        self.bar.read_button.clicked.connect(self.read_requested)
        self.bar.staff_button.clicked.connect(self.call_requested)
        self.heading = PhraseLabel()
        self.heading.setProperty("role", "hero")
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = RubyText()
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 0)
        outer.setSpacing(0)
        outer.addWidget(self.bar)
        inner = QWidget()
        inner.setObjectName("ScrollContent")
        self.content = QVBoxLayout(inner)
        self.scroll_page = ScrollPage(inner)
        outer.addWidget(self.scroll_page, 1)
        self.content.setContentsMargins(96, 16, 96, 32)
        self.content.setSpacing(28)
        self.content.addStretch(1)
        self.content.addWidget(self.heading)
        self.content.addWidget(self.body)
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Always cover the whole window, whatever size it becomes.
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        return False

    def speech_text(self) -> str:
        return f"{self.heading.text()}。{self.body.source()}"

    def clear(self) -> None:
        """Forget everything about the person who used this card (the visit has ended)."""

    def show_in_language(self, library: LessonLibrary) -> None:
        """An open card shows its words again from `library` (the person chose another language)."""

    def add_dismiss_button(self, text: str = "") -> QPushButton:
        """The one big button that closes the card and returns to the screen below."""
        button = QPushButton(text)
        button.setProperty("role", "primary")
        button.clicked.connect(self.dismiss)
        self.content.addWidget(button)
        self.content.addStretch(1)
        return button

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def open(self) -> None:
        self.setGeometry(self._host.rect())
        self.scroll_page.to_top()
        self.show()
        self.raise_()
