"""Every screen and every card of the kiosk, built once: the one registry the flows share.

Screens sit in the window's page stack; cards (`Overlay`) are laid over them. Read-aloud,
sign-out, the language switch and the idle reset all walk these same lists.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from kiosk.content.library import LessonLibrary
from kiosk.settings import Settings
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.call_staff import CallStaffCard
from kiosk.ui.screens.card_check import CardCheckScreen
from kiosk.ui.screens.confirm_card import ConfirmCard
from kiosk.ui.screens.device_card import DeviceCard
from kiosk.ui.screens.disaster_home import DisasterHomeScreen
from kiosk.ui.screens.finish import FinishScreen
from kiosk.ui.screens.glossary_card import GlossaryCard
from kiosk.ui.screens.handoff import HandoffScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.idle_warning import IdleWarning
from kiosk.ui.screens.lesson_list import LessonListScreen
from kiosk.ui.screens.menu import MenuScreen
from kiosk.ui.screens.no_speech import NoSpeechCard
from kiosk.ui.screens.note_card import NoteCard
from kiosk.ui.screens.pin_pad import PinPad
from kiosk.ui.screens.player import PlayerScreen
from kiosk.ui.screens.practice import PracticeMenuScreen, PracticeScreen
from kiosk.ui.screens.questions import CLOSE_OUT, INTAKE, QuestionCard
from kiosk.ui.screens.records_info import RecordsInfoCard
from kiosk.ui.screens.resume_pad import ResumePad
from kiosk.ui.screens.review import ReviewScreen
from kiosk.ui.screens.self_check import SelfCheckScreen
from kiosk.ui.screens.staff import StaffScreen
from kiosk.ui.screens.step_list import StepListCard
from kiosk.ui.screens.trouble_card import TroubleCard
from kiosk.ui.screens.troubles import TroublesScreen
from kiosk.ui.staff_call import StaffCall
from kiosk.ui.widgets.overlay import Overlay


class Screens:
    """The screens (for the page stack) and the cards over them (children of `window`)."""

    def __init__(
        self,
        window: QWidget,
        home: HomeScreen,
        library: LessonLibrary,
        settings: Settings,
        calls: StaffCall,
        tick_ms: int,
    ) -> None:
        self.home = home  # built first, on its own: a kiosk starting up paints it before the rest
        self.disaster_home = DisasterHomeScreen()
        self.troubles = TroublesScreen()
        self.menu = MenuScreen()
        self.lesson_list = LessonListScreen()
        self.player = PlayerScreen(library)
        self.self_check = SelfCheckScreen()
        self.finish = FinishScreen()
        self.handoff = HandoffScreen()
        self.practice_menu = PracticeMenuScreen()
        self.practice = PracticeScreen(settings)
        self.staff = StaffScreen()
        self.review = ReviewScreen()
        self.card_check = CardCheckScreen(library.pictures_dir)
        # The cards, bottom to top (a later card covers an earlier one).
        self.call_staff = CallStaffCard(window, calls)
        self.records_info = RecordsInfoCard(window)
        self.no_speech = NoSpeechCard(window)
        self.resume_pad = ResumePad(window)
        self.pin_pad = PinPad(window)
        intake, close_out = (
            QT_TRANSLATE_NOOP("QuestionCard", "相談の はじめに"),
            QT_TRANSLATE_NOOP("QuestionCard", "相談の おわりに"),
        )
        self.intake = QuestionCard(window, str(intake), INTAKE)
        self.close_out = QuestionCard(window, str(close_out), CLOSE_OUT)
        self.step_list = StepListCard(window)
        self.note_card = NoteCard(window)
        self.trouble_card = TroubleCard(window)
        self.glossary_card = GlossaryCard(window)
        self.device_card = DeviceCard(window, library.pictures_dir)
        self.confirm_card = ConfirmCard(window)
        self.idle_warning = IdleWarning(window, seconds=settings.warning_seconds, tick_ms=tick_ms)

    def screens(self) -> list[Screen]:
        """The pages of the stack, in the order they were built."""
        return [value for value in vars(self).values() if isinstance(value, Screen)]

    def cards(self) -> list[Overlay]:
        """Every card laid over the screens, bottom to top."""
        return [value for value in vars(self).values() if isinstance(value, Overlay)]

    def shown_card(self) -> Overlay | None:
        """The topmost card on screen now, if any."""
        return next((card for card in reversed(self.cards()) if card.isVisible()), None)

    def show_in_language(self, library: LessonLibrary) -> None:
        """Every screen and card shows what it holds again, from `library` (another language)."""
        for screen in self.screens():
            screen.show_in_language(library)
        for card in self.cards():
            card.show_in_language(library)

    def clear(self) -> None:
        """The person has gone: every card closes and forgets them, every screen too."""
        for card in self.cards():
            card.clear()
            card.hide()
        for screen in self.screens():
            screen.clear()
