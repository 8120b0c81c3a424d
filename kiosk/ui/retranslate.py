"""Fixed texts that follow the chosen language (Qt's translation system).

A widget with fixed texts sets them in `retranslate()`, which runs once when it is
built and again on every QEvent.LanguageChange (Qt sends one to every widget when
the window's translator changes). Texts that depend on what is shown (a lesson
step, a count) are set where they are shown, through `self.tr()` as well.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget


class Retranslating(QWidget):
    """Base for widgets whose fixed texts come from `self.tr()`: override `retranslate`."""

    def retranslate(self) -> None:
        """Set every fixed text again, through `self.tr()`."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
