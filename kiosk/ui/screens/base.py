"""What every screen tells the window: its title and which navigation it wants."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.retranslate import Retranslating


class Screen(Retranslating):
    # Subclasses set these; the window shows them in the top bar.
    show_back = True
    show_home = True

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


FIT_SLACK = 12  # px kept free: furigana and rounding make real text a little taller than measured


class FittedScreen(Screen):
    """A screen that takes the height the window gives it and fits its texts to it.

    `fit_steps` are tried in order, each one step smaller, until the page fits; the
    window is never pushed taller (特大, long words).
    """

    def fit_steps(self) -> Sequence[Callable[[], None]]:
        return ()

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 0)

    def hasHeightForWidth(self) -> bool:
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()  # the stack's room may have changed while another page was shown

    def fit(self) -> None:
        area = self.parentWidget() or self  # the stack: a page not shown yet has no size of its own
        layout = self.layout()
        if layout is None:
            return
        for step in self.fit_steps():
            step()
            layout.activate()
            width = area.width()
            needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
            if max(needed, layout.totalMinimumSize().height()) + FIT_SLACK <= area.height():
                return
