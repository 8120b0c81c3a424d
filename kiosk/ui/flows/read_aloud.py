"""「よみあげ」: read what is in front of the person (an open card, or the screen), stop on a second tap."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from kiosk.records.events import EventKind
from kiosk.ui.flows.navigator import Flow, Navigator
from kiosk.ui.screen_set import Screens
from kiosk.ui.speech_client import SpeechClient
from kiosk.ui.state import KioskState
from kiosk.ui.widgets.top_bar import TopBar


class ReadAloud(Flow):
    def __init__(
        self,
        state: KioskState,
        screens: Screens,
        nav: Navigator,
        top_bar: TopBar,
        speech: SpeechClient | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(state, screens, nav, parent)
        self.top_bar, self.speech = top_bar, speech
        top_bar.read_requested.connect(self.read_aloud)
        for card in screens.cards():  # a card covers the top bar and carries its 「よみあげ」
            card.read_requested.connect(self.read_aloud)
        screens.player.step_shown.connect(self._step_shown)
        if speech is not None:
            speech.started.connect(lambda _id: self._show_reading(True))
            speech.finished.connect(lambda _id: self._show_reading(False))
            speech.unavailable.connect(lambda _reason: screens.no_speech.open())
            speech.no_voice.connect(lambda _reason: screens.no_speech.open(no_voice=True))

    def speech_text(self) -> str:
        """What is in front of the person now: an open card, or the screen."""
        card = self.screens.shown_card()
        return card.speech_text() if card is not None else self.nav.current().speech_text()

    def read_aloud(self) -> None:
        """「よみあげ」: read this screen; pressed again while reading, stop."""
        if self.speech is None:
            self.screens.no_speech.open()
            return
        if self.speech.speaking is not None:
            self.stop()
            return
        self.state.recorder.record(EventKind.READ_ALOUD, detail=type(self.nav.current()).__name__)
        self.speech.speak(
            self.speech_text(),
            slow=self.state.visit.slow_speech,
            volume=self.state.settings.speech_volume,
            language=self.state.visit.language,
        )

    def prepare(self) -> None:
        """Start the read-aloud worker now, so that 「よみあげ」 finds its voice loaded."""
        if self.speech is not None:
            self.speech.prepare()

    def stop(self) -> None:
        if self.speech is not None:
            self.speech.stop()
        self._show_reading(False)

    def _show_reading(self, reading: bool) -> None:
        self.top_bar.show_reading(reading)
        for card in self.screens.cards():
            card.bar.show_reading(reading)

    def _step_shown(self, lesson_id: str, step: int) -> None:
        self.stop()
        if self.state.settings.auto_read and self.speech is not None and self.speech.available:
            # After the screen has changed (opening a lesson shows the step first).
            QTimer.singleShot(0, lambda: self._auto_read(lesson_id, step))

    def _auto_read(self, lesson_id: str, step: int) -> None:
        player = self.screens.player
        lesson = player.lesson
        if self.nav.current() is player and lesson and lesson.id == lesson_id and player.index + 1 == step:
            self.read_aloud()

    def shutdown(self) -> None:
        """The kiosk is closing: the speech worker ends with it."""
        if self.speech is not None:
            self.speech.shutdown()
