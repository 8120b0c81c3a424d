"""A full-window card laid over everything (idle warning, call staff)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.ui.retranslate import Retranslating
from kiosk.ui.widgets.fitting import compact_if_cut, set_compact
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.ruby_text import RubyText


class Overlay(Retranslating):
    """Subclasses set their words in `retranslate()` and call it at the end of their `__init__`."""

    dismissed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.heading = PhraseLabel()
        self.heading.setProperty("role", "hero")
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = RubyText()
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content = QVBoxLayout(self)
        self.content.setContentsMargins(120, 32, 120, 32)
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
        set_compact(self.body, False)
        self.show()
        self.raise_()
        compact_if_cut(self.body)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        compact_if_cut(self.body)
