"""What a flow may ask of the window (show a screen, go back, end the visit), and the base of flows."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject

from kiosk.ui.screen_set import Screens
from kiosk.ui.screens.base import Screen
from kiosk.ui.state import KioskState


class Navigator(Protocol):
    def current(self) -> Screen:
        """The screen in front of the person now."""
        ...

    def show_screen(self, screen: Screen, *, remember: bool = True) -> None:
        """Show `screen`; `remember`: 「戻る」 returns to the one shown before."""
        ...

    def back(self) -> None: ...

    def back_to(self, screen: Screen) -> None:
        """「戻る」 as far as `screen` (home if it is not in the way back)."""
        ...

    def start_from(self, screen: Screen) -> None:
        """Forget the way back: from now on 「戻る」 leads to `screen` at the most."""
        ...

    def home_screen(self) -> Screen: ...

    def end_visit(self, reason: str) -> None:
        """The person has gone: their consultation ends and every screen forgets them."""
        ...

    def refresh_top_bar(self) -> None: ...


class Flow(QObject):
    """A flow: given what the kiosk knows (`state`), its screens and the navigator."""

    def __init__(
        self, state: KioskState, screens: Screens, nav: Navigator, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.state, self.screens, self.nav = state, screens, nav
