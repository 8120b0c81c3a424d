"""A kiosk starting up shows its home first: the home screen on its own, dressed as the flows
will dress it (look, languages, the card way in), while every other screen waits to be built.

Until the rest is built (`KioskWindow.build_rest`, right after the first paint) a tap cannot
be lost: `TapsWait` builds the rest the moment a press or key arrives, before the press goes on
to the button, so the button's release finds its flow connected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from kiosk.drawing.language import SOURCE, Languages
from kiosk.settings import Settings
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.state import KioskState
from kiosk.ui.theme import style_sheet
from kiosk.ui.widgets.page_stack import PageStack
from kiosk.ui.widgets.top_bar import TopBar

if TYPE_CHECKING:
    from kiosk.card.reader import CardOpener
    from kiosk.handoff.printing import BackgroundPrinting
    from kiosk.ui.speech_client import SpeechClient

FIRST_TOUCHES = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
)


@dataclass
class RestParts:
    """What the window is given for the parts it builds after the home (`build_rest`)."""

    speech: SpeechClient | None
    printing: BackgroundPrinting | None
    card_opener: CardOpener | None
    idle_ms: int
    tick_ms: int
    door_hold_ms: int


class Shell(Protocol):
    """The window as it stands before the rest is built."""

    state: KioskState
    home: HomeScreen
    top_bar: TopBar
    stack: PageStack

    def setStyleSheet(self, styleSheet: str, /) -> None: ...
    def setFocus(self, reason: Qt.FocusReason, /) -> None: ...


def card_check_offered(settings: Settings) -> bool:
    """「カードを かざして 調べる」 is offered only where settings name a card reader."""
    return bool(settings.card_reader.strip())


def offer_languages(home: HomeScreen, languages: Languages) -> None:
    """The home's language buttons: each language in its own words, Japanese chosen."""
    home.set_languages([(code, languages.own_name(code)) for code in languages.available], SOURCE)


def show_home_alone(window: Shell, languages: Languages) -> None:
    """Show `window.home` as the first screen, before any flow exists."""
    visit, home = window.state.visit, window.home
    window.setStyleSheet(style_sheet(visit.text_size, visit.theme))
    offer_languages(home, languages)
    home.show_look(visit.text_size, visit.theme, furigana=visit.furigana, slow=visit.slow_speech)
    home.show_card_check(card_check_offered(window.state.settings))
    window.stack.switch(
        home,
        lambda: window.top_bar.configure(
            home.screen_title(), back=home.show_back, home=home.show_home, info=True
        ),
    )
    window.setFocus(Qt.FocusReason.OtherFocusReason)  # no button starts out looking selected


class TapsWait(QObject):
    """An application event filter: the first press or key in `window` runs `build` first."""

    def __init__(self, window: QWidget, build: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._build = build
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in FIRST_TOUCHES
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._build()
        return False
