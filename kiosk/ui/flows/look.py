"""How the screens look for this person: text size, colours, furigana, slow reading."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kiosk.records.events import EventKind
from kiosk.settings import TextSize, ThemeName
from kiosk.ui.screen_set import Screens
from kiosk.ui.state import KioskState
from kiosk.ui.theme import style_sheet
from kiosk.ui.widgets.ruby_text import RubyText


class Look(QObject):
    def __init__(self, state: KioskState, screens: Screens, window: QWidget) -> None:
        super().__init__(window)
        self.state, self.screens, self.window = state, screens, window
        home = screens.home
        home.text_size_chosen.connect(self._choose_text_size)
        home.theme_chosen.connect(self._choose_theme)
        home.furigana_chosen.connect(self._choose_furigana)
        home.slow_chosen.connect(self._choose_slow)

    def apply(self, text_size: TextSize, theme: ThemeName) -> None:
        visit = self.state.visit
        visit.text_size, visit.theme = text_size, theme
        sheet = style_sheet(text_size, theme)
        if sheet != self.window.styleSheet():  # the same sheet again would polish every widget again
            self.window.setStyleSheet(sheet)
        screens = self.screens
        screens.home.show_look(text_size, theme, furigana=visit.furigana, slow=visit.slow_speech)
        for sized in (screens.lesson_list, screens.troubles, screens.practice_menu, screens.player):
            sized.set_text_size(text_size)

    def set_furigana(self, on: bool) -> None:
        self.state.visit.furigana = on
        self.screens.home.show_furigana(on)
        for text in self.window.findChildren(RubyText):
            text.set_furigana(on)

    def _choose_text_size(self, size: TextSize) -> None:
        self.state.recorder.record(EventKind.TEXT_SIZE_CHANGED, detail=size)
        self.apply(size, self.state.visit.theme)

    def _choose_theme(self, theme: ThemeName) -> None:
        self.state.recorder.record(EventKind.THEME_CHANGED, detail=theme)
        self.apply(self.state.visit.text_size, theme)

    def _choose_furigana(self, on: bool) -> None:
        self.state.recorder.record(EventKind.FURIGANA_CHANGED, detail="on" if on else "off")
        self.set_furigana(on)

    def _choose_slow(self, on: bool) -> None:
        self.state.recorder.record(EventKind.READ_ALOUD_CHANGED, detail="slow" if on else "normal")
        self.state.visit.slow_speech = on
