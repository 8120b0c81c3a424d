"""Kiosk mode: the window comes back, full screen, when something minimises, hides, unmaps it
or takes it out of full screen (a window manager's key, a stray script, a display change).

A close request (Alt+F4, the window manager's close) is refused by the window itself: the person
at the kiosk keeps their screen, and no supervisor is needed to put it back. Only a window that
cannot be brought back, or a lost display, ends the kiosk, non-zero, for its supervisor.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kiosk.records.recorder import Recorder

log = logging.getLogger("kiosk.ui")

CHECK_MS = 250  # a look four times a second: back well inside 2 s even when its window must be made anew
SETTLE_MS = 500  # a try gets this long to show the window before the next one
GIVE_UP_MS = 10_000
STARTUP_S = 10  # a window not on the screen this long after start is treated as gone
# Watching the window's own events too brings it back at once when Qt hears of the change.
_WATCHED = (QEvent.Type.WindowStateChange, QEvent.Type.Hide, QEvent.Type.Expose)


class KeepShown(QObject):
    """Looks at the window on a timer and on its state changes; brings it back when it is gone.

    One incident (from the window going until it is seen back) is reported once by `went_away`,
    however many tries it takes, so a window manager that fights back does not flood the records.
    """

    went_away = Signal(str)  # why: minimised / hidden / unmapped / not full screen
    came_back = Signal(str)
    # Still gone after `give_up_ms` of trying: a process without a window helps nobody, so the
    # kiosk exits (non-zero) and its supervisor starts it again.
    gave_up = Signal(str)

    def __init__(
        self,
        window: QWidget,
        *,
        check_ms: int = CHECK_MS,
        settle_ms: int = SETTLE_MS,
        give_up_ms: int = GIVE_UP_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settle_s = settle_ms / 1000
        self._give_up_s = give_up_ms / 1000
        self._seen = False  # before the window was first on the screen, "unmapped" is just starting up
        self._incident: str | None = None
        self._gone_at = 0.0  # when this incident began (monotonic seconds)
        self._tried_at = 0.0  # the last try to bring the window back
        self._closing = False  # a close request is being handled
        self._confirming = False  # unmapped: looking again before acting
        self._started_at = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(50)  # let Qt finish the change it is telling us about
        self._soon.timeout.connect(lambda: self.check(again=False))
        window.installEventFilter(self)

    def start(self) -> None:
        self._started_at = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window:
            return False
        kind = event.type()
        if kind == QEvent.Type.Close:
            # A close the window accepts (staff exit, SIGTERM) hides it at once, before the loop
            # runs again; one it refuses (a citizen's Alt+F4) does not.
            self._closing = True
            QTimer.singleShot(0, self._close_refused)
        elif kind == QEvent.Type.Hide and self._closing:
            self.stop()
        elif kind == QEvent.Type.Paint:
            self._seen = True  # painted, so it was on the screen (maybe between two looks)
        elif kind in _WATCHED:
            self._soon.start()
        return False

    def _close_refused(self) -> None:
        self._closing = False

    def problem(self) -> str | None:
        window = self._window
        handle = window.windowHandle()
        exposed = handle is not None and handle.isExposed()
        if not self._seen:
            # Not on the screen yet: starting up, unless that is taking far too long.
            self._seen = exposed or time.monotonic() - self._started_at > STARTUP_S
            return None
        if window.isMinimized():
            return "minimised"
        if not window.isVisible():
            return "hidden"
        if not exposed:
            return "unmapped"
        if not window.isFullScreen():
            return "not full screen"
        return None

    def check(self, *, again: bool = True) -> None:
        """Bring the window back if it is gone; `again`: also when it was already being brought back
        (only the timer tries again, and only once the last try had time to work)."""
        why = self.problem()
        if why is None:
            self._confirming = False
            if self._incident is not None:
                log.warning("kiosk window back on screen (was %s)", self._incident)
                self.came_back.emit(self._incident)
                self._incident = None
            return
        now = time.monotonic()
        if self._incident is None:
            if why == "unmapped" and not self._confirming:
                # A window manager minimising a window unmaps it first and says so a moment
                # later: look again then, to record what really happened.
                self._confirming = True
                self._soon.start()
                return
            self._confirming = False
            self._incident, self._gone_at = why, now
            log.warning("kiosk window %s: bringing it back", why)
            self.went_away.emit(why)
        elif not again or now - self._tried_at < self._settle_s:
            return
        elif now - self._gone_at >= self._give_up_s:
            log.critical("kiosk window %s and could not be brought back: giving up", why)
            self._timer.stop()
            self.gave_up.emit(why)
            return
        self._tried_at = now
        self.bring_back(why)

    def bring_back(self, why: str) -> None:
        """Full screen, raised and active again."""
        window = self._window
        if why == "unmapped":
            # Qt still thinks the window is shown, so showing it again would do nothing; and the
            # window may be gone for good (xdotool windowclose destroys it while the process lives,
            # which left a black screen). Qt makes a new one: a little slower, always works.
            window.hide()
            window.destroy(True, True)
        window.setWindowState(
            (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowFullScreen
        )
        window.showFullScreen()
        window.raise_()
        window.activateWindow()


def record_window_back(recorder: Recorder, why: str) -> None:
    """The window went away: an event of the consultation under way, else an audit line
    (starting a consultation for it would count a visitor who was not there)."""
    from kiosk.records.events import EventKind  # the records are imported after the first paint

    if recorder.started:
        recorder.record(EventKind.WINDOW_RESTORED, detail=why)
        return
    recorder.audit(str(EventKind.WINDOW_RESTORED), why, actor="kiosk")
