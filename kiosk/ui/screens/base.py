"""What every screen tells the window: its title and which navigation it wants."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.ui.retranslate import Retranslating

if TYPE_CHECKING:
    from kiosk.content.library import LessonLibrary


class Screen(Retranslating):
    # Subclasses set these; the window shows them in the top bar.
    show_back = True
    show_home = True
    # Taller than the room (特大, a small panel, a long English text): the page scrolls.
    # Screens that move under the finger (practice) or scroll parts of their own say False.
    scrolls = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)

    def screen_title(self) -> str:
        return ""

    def speech_text(self) -> str:
        """What 「よみあげ」 reads on this screen (lesson text keeps its reading marks)."""
        return ""

    def clear(self) -> None:
        """Forget everything about the person who used this screen."""

    def show_in_language(self, library: LessonLibrary) -> None:
        """Show what this screen holds again, from `library` (the person chose another language)."""
