"""The kiosk window: the shell and navigator. It lays out the banners, the top bar and the page
stack, builds the screens (`Screens`) and the flows that act on taps (`kiosk/ui/flows/`), and
moves between screens. What a tap does lives in its flow; what a person chose lives in the visit.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.drawing.language import SOURCE, Languages
from kiosk.settings import Settings
from kiosk.ui.hidden_door import HOLD_MS
from kiosk.ui.home_first import RestParts, TapsWait, show_home_alone
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.state import KioskState
from kiosk.ui.visit import Visit
from kiosk.ui.widgets.page_stack import PageStack
from kiosk.ui.widgets.top_bar import TopBar

if TYPE_CHECKING:
    from collections.abc import Callable

    from kiosk.card.reader import CardOpener
    from kiosk.content.library import LessonLibrary
    from kiosk.handoff.printing import BackgroundPrinting
    from kiosk.records.recorder import Recorder
    from kiosk.ui.speech_client import SpeechClient


class KioskWindow(QWidget):
    screen_changed = Signal(object)  # the Screen now shown

    def __init__(
        self,
        library: LessonLibrary | Callable[[], LessonLibrary],
        settings: Settings,
        recorder: Recorder | Callable[[], Recorder],
        *,
        speech: SpeechClient | None = None,
        printing: BackgroundPrinting | None = None,
        kiosk_mode: bool = False,
        idle_ms: int | None = None,
        tick_ms: int = 1000,
        door_hold_ms: int = HOLD_MS,
        data_dir: Path | None = None,
        card_opener: CardOpener | None = None,
        home_first: bool = False,
    ) -> None:
        """`home_first`: build and lay out only the home now; the rest (`build_rest`) once it
        has been painted, or at the first tap, whichever comes first (a kiosk starting up)."""
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if kiosk_mode:
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(self.tr("デジタル何でも相談室"))
        self.kiosk_mode = kiosk_mode
        self._allow_close = not kiosk_mode
        self._history: list[Screen] = []
        self.state = KioskState(
            library, settings, recorder, Visit.fresh(settings), data_dir, disaster=settings.disaster_mode
        )
        idle_ms = idle_ms if idle_ms is not None else settings.idle_seconds * 1000
        self._parts: RestParts | None = RestParts(
            speech, printing, card_opener, idle_ms, tick_ms, door_hold_ms
        )
        # Before any screen is made: a language left installed (by a window this one
        # replaces, as tests do) must not word the new screens.
        self.languages = Languages()
        self.home = HomeScreen()
        self.top_bar = TopBar()
        self.stack = PageStack()
        self.stack.addWidget(self.home)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.stack, 1)
        if home_first and not self.state.disaster:
            show_home_alone(self, self.languages)
            self._taps_wait: TapsWait | None = TapsWait(self, self.build_rest)
        else:
            self._taps_wait = None
            self.build_rest()

    @property
    def ready(self) -> bool:
        """Whether every screen and flow has been built (`build_rest`)."""
        return self._parts is None

    def build_rest(self) -> None:
        """Every other screen and card, and the flows that act on taps; then the home as
        the flows show it. Does nothing once done."""
        parts, self._parts = self._parts, None
        if parts is None:
            return
        if self._taps_wait is not None:
            self._taps_wait.stop()
        # Imported here: a kiosk starting up paints its home before it reads these.
        from kiosk.ui.flows.card_check import CardCheckFlow
        from kiosk.ui.flows.disaster import DisasterMode
        from kiosk.ui.flows.helpers import Helpers
        from kiosk.ui.flows.idle import IdleFlow
        from kiosk.ui.flows.language import LanguageFlow
        from kiosk.ui.flows.lessons import Lessons
        from kiosk.ui.flows.look import Look
        from kiosk.ui.flows.printing import Printing
        from kiosk.ui.flows.read_aloud import ReadAloud
        from kiosk.ui.flows.staff import StaffDesk
        from kiosk.ui.screen_set import Screens
        from kiosk.ui.staff_call import StaffCall

        state = self.state
        # 「係員を呼ぶ」 stays called, across screens and visits, until someone answers.
        self.staff_calls = StaffCall(state.recorder, lambda: self.state.settings, parent=self)
        self.screens = screens = Screens(
            self, self.home, state.base_library, state.settings, self.staff_calls, parts.tick_ms
        )
        for screen in screens.screens():
            if screen is not self.home:
                self.stack.addWidget(screen)

        self.reader = ReadAloud(state, screens, self, self.top_bar, parts.speech, self)
        self.look = Look(state, screens, self)
        self.language = LanguageFlow(state, screens, self, self.look, self.languages)
        self.lessons = Lessons(state, screens, self, self)
        self.prints = Printing(state, screens, self.lessons.course, parts.printing, self)
        self.cards = CardCheckFlow(state, screens, self, self.lessons, self.prints, parts.card_opener, self)
        self.disaster = DisasterMode(state, screens, self, self.lessons, self)
        self.desk = StaffDesk(state, screens, self, self.lessons.course, self.disaster, self)
        self.helpers = Helpers(
            state,
            screens,
            self,
            lessons=self.lessons,
            language=self.language,
            desk=self.desk,
            calls=self.staff_calls,
        )
        self.idle = IdleFlow(
            state,
            screens,
            self,
            idle_ms=parts.idle_ms,
            sign_out=lambda: self.helpers.sign_out("idle", home=False),
            parent=self,
        )
        self._lay_out_bars()
        self._connect(parts.door_hold_ms)
        self.look.apply(state.visit.text_size, state.visit.theme)
        self.show_screen(self.home_screen(), remember=False)

    def _lay_out_bars(self) -> None:
        """The banners and the helpers' bar, above the top bar."""
        from kiosk.ui.staff_call import StaffCallBanner

        self.staff_call_banner = StaffCallBanner(self.staff_calls)
        for index, part in enumerate((self.disaster.banner, self.staff_call_banner, self.helpers.bar)):
            self._layout.insertWidget(index, part)

    def _connect(self, door_hold_ms: int) -> None:
        from kiosk.ui.hidden_door import HiddenDoor

        screens = self.screens
        self.top_bar.back_requested.connect(self.back)
        self.top_bar.home_requested.connect(self.go_home)
        self.top_bar.staff_requested.connect(self.call_for_staff)
        self.top_bar.info_requested.connect(screens.records_info.open)
        for card in screens.cards():  # a card covers the top bar and carries its 「係員を呼ぶ」
            card.call_requested.connect(self.call_for_staff)
        screens.player.staff_requested.connect(self.call_for_staff)
        screens.trouble_card.staff_requested.connect(self.call_for_staff)
        self.screen_changed.connect(self.helpers.screen_shown)
        self.desk.exit_requested.connect(self._exit_now)
        for follower in (self.idle, self.prints, self.cards):
            self.desk.settings_saved.connect(follower.use_settings)
        self.desk.settings_saved.connect(lambda _settings: self.disaster.apply())
        self.door = HiddenDoor(door_hold_ms, self)  # held: the supporters' PIN pad
        self.door.watch(self.top_bar.title)
        self.door.watch(screens.home.welcome)
        self.door.opened.connect(self.helpers.open_pin_pad)

    # ---- navigation (the `Navigator` the flows use) -------------------------------------

    def current(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def show_screen(self, screen: Screen, *, remember: bool = True) -> None:
        """Show `screen` in the stack; `remember`: 「戻る」 returns to the one shown before."""
        self.reader.stop()
        if screen is not self.screens.practice:
            self.screens.practice.leave()
        if remember and self.stack.currentWidget() is not screen:
            self._history.append(self.current())
        self.stack.switch(screen, lambda: self.refresh_top_bar(screen))
        # No button starts out looking selected; keyboard users still Tab from here.
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh_top_bar(self, screen: Screen | None = None) -> None:
        screen = screen or self.current()
        # In 災害モード the usual home is one step away from the shelter's: 「戻る」 leads back.
        back = screen.show_back or (self.state.disaster and screen is self.screens.home)
        self.top_bar.configure(
            screen.screen_title(), back=back, home=screen.show_home, info=screen is self.screens.home
        )
        self.screen_changed.emit(screen)

    def back(self) -> None:
        if self._history:
            screen = self._history.pop()
            self.stack.switch(screen, lambda: self.refresh_top_bar(screen))
        else:
            self.go_home()

    def back_to(self, screen: Screen) -> None:
        while self._history and self._history[-1] is not screen:
            self._history.pop()
        self.back()

    def start_from(self, screen: Screen) -> None:
        self._history = [screen]

    def home_screen(self) -> Screen:
        """Where everyone starts: the shelter's cards in 災害モード, the usual home otherwise."""
        return self.screens.disaster_home if self.state.disaster else self.screens.home

    def go_home(self) -> None:
        """「はじめに戻る」 (top bar or finish screen): this person's visit ends here."""
        self.end_visit("home")

    def end_visit(self, reason: str) -> None:
        """The person has gone: close their consultation, wipe every screen and card, and greet
        the next person as the city set the kiosk up (Japanese, its text size and colours)."""
        self.screens.practice.leave()
        self.reader.stop()
        self.state.recorder.end(reason)
        self.screens.clear()
        self.language.choose(SOURCE)  # while the visit still says what it was in
        self.state.visit = Visit.fresh(self.state.settings)
        self.look.set_furigana(False)
        self.look.apply(self.state.visit.text_size, self.state.visit.theme)
        self._history.clear()
        self.show_screen(self.home_screen(), remember=False)

    def call_for_staff(self) -> None:
        self.staff_calls.call(type(self.current()).__name__)
        self.screens.call_staff.open()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("デジタル何でも相談室"))
        super().changeEvent(event)

    # ---- closing -------------------------------------------------------------------------

    def allow_close(self, allowed: bool = True) -> None:
        """Whether the window may close (a kiosk's may not, until staff exit)."""
        self._allow_close = allowed

    def _exit_now(self) -> None:
        self.allow_close()
        self.close()

    def end_for_session(self) -> None:
        """The computer is logging off, restarting or shutting down (Windows asks every app
        first, and may end it a few seconds later): the consultation ends as `closed` and is
        written now, and the window lets itself be closed so that quitting is not refused
        (a refused close hangs the logoff)."""
        self.build_rest()
        self.allow_close()
        self.idle.watcher.pause()
        self.state.recorder.end("closed")
        self.state.recorder.written(timeout=3.0)  # the session may yet go on: the writer keeps running

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.kiosk_mode:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._allow_close:
            event.ignore()  # a citizen cannot close the kiosk; staff exit comes with supporter mode
            return
        self.build_rest()  # closed while it was starting: everything closes the one way
        self.idle.watcher.pause()
        self.state.recorder.end("closed")
        self.state.recorder.close()
        self.reader.shutdown()
        event.accept()
