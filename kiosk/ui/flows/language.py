"""The person's language: fixed texts follow Qt's translator, every screen and card shows what
it holds again from the library in that language (`Screens.show_in_language`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

from kiosk.content.translations import EASY_JAPANESE
from kiosk.drawing.language import Languages
from kiosk.records.events import EventKind
from kiosk.ui.flows.look import Look
from kiosk.ui.flows.navigator import Flow, Navigator
from kiosk.ui.home_first import offer_languages
from kiosk.ui.screen_set import Screens
from kiosk.ui.state import KioskState


class LanguageFlow(Flow):
    def __init__(
        self, state: KioskState, screens: Screens, nav: Navigator, look: Look, languages: Languages
    ) -> None:
        super().__init__(state, screens, nav, look)
        self.look = look
        self.languages = languages
        state.recorder.language_of = lambda: state.visit.language
        offer_languages(screens.home, languages)
        screens.home.language_chosen.connect(self.choose)

    def choose(self, language: str) -> None:
        """Everything on screen in `language` from now on, for this person (the next visit: Japanese)."""
        used = self.languages.use(language)
        self.screens.home.show_language(used)
        if used == self.state.visit.language:
            return
        self.state.visit.language = used
        # Qt posts LanguageChange to every widget: they retranslate now, not at the next turn of the loop.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        if self.state.recorder.started:
            self.state.recorder.record(EventKind.LANGUAGE_CHANGED, detail=used)
        if used == EASY_JAPANESE:  # its readers get furigana from the start (they may turn it off)
            self.look.set_furigana(True)
        self.screens.show_in_language(self.state.library)
        self.nav.refresh_top_bar()
