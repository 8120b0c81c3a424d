"""「カードを かざして 調べる」: from home (or the My Number lessons) to a calm result.

Offered only when settings name a card reader. The card is read off the screen thread;
an answer for a person who has gone, or who has left the screen, is dropped. A result is
recorded as one `card_checked` event holding categories only; a problem records nothing.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QObject

from kiosk.card.check import CardCheck, today_in_japan
from kiosk.card.reader import CardOpener, pcsc_opener
from kiosk.content.lessons import Category
from kiosk.records.card_checks import detail_of
from kiosk.records.events import EventKind
from kiosk.settings import Settings
from kiosk.ui.card_reading import BackgroundCardCheck
from kiosk.ui.flows.lessons import Lessons
from kiosk.ui.flows.navigator import Flow, Navigator
from kiosk.ui.flows.printing import Printing
from kiosk.ui.home_first import card_check_offered
from kiosk.ui.screen_set import Screens
from kiosk.ui.state import KioskState

log = logging.getLogger("kiosk.ui")


class CardCheckFlow(Flow):
    def __init__(
        self,
        state: KioskState,
        screens: Screens,
        nav: Navigator,
        lessons: Lessons,
        prints: Printing,
        opener: CardOpener | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(state, screens, nav, parent)
        self.lessons, self.prints = lessons, prints
        self._given_opener = opener
        self.reading = BackgroundCardCheck(opener or pcsc_opener(state.settings.card_reader), self)
        self._ticket = 0  # the reading the screen waits for; older answers are dropped
        self._consultation: str | None = None
        self._read_again = False
        screen = screens.card_check
        screens.home.card_check_requested.connect(self.open)
        screens.lesson_list.card_check_requested.connect(self.open)
        screen.read_requested.connect(self.read)
        screen.lesson_requested.connect(lessons.open_lesson)
        screen.print_requested.connect(self.print_slip)
        screen.done_requested.connect(lambda: nav.end_visit("home"))
        self.reading.checked.connect(self._checked)
        self.reading.problem.connect(self._problem)
        self.use_settings(state.settings)

    @property
    def available(self) -> bool:
        return card_check_offered(self.state.settings)

    def use_settings(self, settings: Settings) -> None:
        """A reader named or taken away in settings: the ways in appear or go."""
        if self._given_opener is None:
            self.reading.opener = pcsc_opener(settings.card_reader)
        self.screens.home.show_card_check(self.available)
        self.screens.lesson_list.offer_card_check(Category.MYNUMBER if self.available else None)

    def open(self) -> None:
        if not self.available:
            return
        self.state.recorder.ensure_started()
        self.nav.show_screen(self.screens.card_check)
        self.read()

    def read(self) -> None:
        """Wait for a card and read it; the screen says where to put it meanwhile."""
        self._ticket += 1
        self._consultation = self.state.recorder.consultation_id
        self.screens.card_check.show_waiting()
        if not self.reading.start(self._ticket, self.state.settings.card_wait_seconds):
            self._read_again = True  # a reading for someone who left is still running

    def _current(self, ticket: int) -> bool:
        """Whether an answer is for the person in front of the card screen now."""
        if ticket != self._ticket:
            if self._read_again and self.nav.current() is self.screens.card_check:
                self._read_again = False
                self.read()
            return False
        if self._consultation != self.state.recorder.consultation_id:
            log.info("card answer arrived after the consultation ended")
            return False
        return self.nav.current() is self.screens.card_check

    def _checked(self, ticket: int, result: object) -> None:
        if not self._current(ticket) or not isinstance(result, CardCheck):
            return
        self.state.recorder.record(EventKind.CARD_CHECKED, detail=detail_of(result))
        self.screens.card_check.show_result(result, self.today(), self.state.visit.language)

    def _problem(self, ticket: int, kind: str) -> None:
        if self._current(ticket):
            log.info("card check: %s", kind)
            self.screens.card_check.show_problem(kind)

    def print_slip(self) -> None:
        result = self.screens.card_check.result
        if result is not None:
            self.prints.print_card_slip(result, self.today())

    @staticmethod
    def today() -> date:
        return today_in_japan()
