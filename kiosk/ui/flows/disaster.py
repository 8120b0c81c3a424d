"""災害モード: the shelter's home leads, a banner says so; staff switch it (saved and audited)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel

from kiosk.content.lessons import Category
from kiosk.records.events import EventKind
from kiosk.settings import SettingsError, save_settings
from kiosk.ui.flows.lessons import Lessons
from kiosk.ui.flows.navigator import Flow, Navigator
from kiosk.ui.screen_set import Screens
from kiosk.ui.screens.disaster_home import CARD_LESSONS, CARD_PROCEDURES
from kiosk.ui.state import KioskState

log = logging.getLogger("kiosk.ui")


class DisasterBanner(QLabel):
    """The line across the top while 災害モード is on."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("DisasterBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("災害モード：避難所の ご案内を しています"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class DisasterMode(Flow):
    def __init__(
        self,
        state: KioskState,
        screens: Screens,
        nav: Navigator,
        lessons: Lessons,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(state, screens, nav, parent)
        self.lessons = lessons
        self.banner = DisasterBanner()
        screens.disaster_home.card_chosen.connect(self.open_card)
        screens.disaster_home.usual_requested.connect(lambda: nav.show_screen(screens.home))
        self.apply()

    def apply(self) -> None:
        """Show the mode the kiosk is in now, and tag new consultations with it."""
        on = self.state.disaster
        self.state.recorder.kiosk_mode = "disaster" if on else "normal"
        self.banner.setVisible(on)
        self.screens.disaster_home.show_settings(self.state.settings)
        self.screens.staff.show_disaster(on)

    def switch(self, on: bool) -> None:
        """Staff said 「はい」: saved (when it can be) and audited; the open consultation ends."""
        state = self.state
        if on == state.disaster:
            return
        if state.data_dir is not None:
            try:
                state.settings = save_settings(state.data_dir, {"disaster_mode": on})
            except SettingsError as exc:  # still switched for now; the log and the screen say why
                log.warning("disaster mode not saved: %s", exc)
                self.screens.staff.show_message(self.tr("保存できませんでした。再起動すると 元に 戻ります。"))
        state.audit("disaster_mode", "on" if on else "off")
        state.recorder.end("mode_changed")
        state.disaster = on
        self.apply()
        self.nav.refresh_top_bar()

    def open_card(self, key: str) -> None:
        """A card of the shelter's home: its lessons, or its official page's QR — never a dead end."""
        library = self.state.library
        self.state.recorder.record(EventKind.DISASTER_CARD, detail=key)
        procedure = CARD_PROCEDURES.get(key)
        if procedure and procedure in library.procedures:
            self.lessons.open_handoff(procedure)
            return
        found = [lesson for i in CARD_LESSONS.get(key, ()) if (lesson := library.get(i)) is not None]
        if len(found) == 1:
            self.lessons.open_lesson(found[0].id)
            return
        shown = found or library.in_category(Category.DISASTER)
        if not shown:  # no disaster lessons at all (broken files): the usual menu
            self.nav.show_screen(self.screens.menu)
            return
        self.screens.lesson_list.show_category(Category.DISASTER, shown)
        self.nav.show_screen(self.screens.lesson_list)
