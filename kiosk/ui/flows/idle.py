"""Nobody has touched the kiosk for a while: a warning, then the reset that wipes every screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from kiosk.records.events import EventKind
from kiosk.settings import Settings
from kiosk.ui.flows.navigator import Flow, Navigator
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.screen_set import Screens
from kiosk.ui.state import KioskState


class IdleFlow(Flow):
    def __init__(
        self,
        state: KioskState,
        screens: Screens,
        nav: Navigator,
        *,
        idle_ms: int,
        sign_out: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(state, screens, nav, parent)
        self._sign_out = sign_out
        self.watcher = IdleWatcher(idle_ms, self)
        self.watcher.idle.connect(self._on_idle)
        screens.idle_warning.extended.connect(self._on_extended)
        screens.idle_warning.expired.connect(self.reset)
        app = QApplication.instance()
        assert app is not None
        self.watcher.watch(app)

    def use_settings(self, settings: Settings) -> None:
        self.watcher.set_interval(settings.idle_seconds * 1000)
        self.screens.idle_warning.seconds = settings.warning_seconds

    def reset(self) -> None:
        """Idle timeout: end this person's consultation and wipe every screen."""
        recorder = self.state.recorder
        self.screens.practice.leave()
        if recorder.started:
            recorder.record(EventKind.IDLE_RESET)
        recorder.end("idle_reset")
        self._sign_out()
        self.screens.idle_warning.stop()
        self.nav.end_visit("idle_reset")
        self.watcher.restart()

    def _on_idle(self) -> None:
        at_home = self.nav.current() in (self.screens.home, self.screens.disaster_home)
        if at_home and not self.state.recorder.started:  # nobody here
            self.watcher.restart()
            return
        self.state.recorder.record(EventKind.IDLE_WARNING)
        self.screens.idle_warning.start()

    def _on_extended(self) -> None:
        self.state.recorder.record(EventKind.IDLE_EXTENDED)
        self.watcher.restart()
