"""Notices when nobody has touched the kiosk for a while (any window, any widget)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal

_ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, idle_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Precise: a coarse timer may end up to 5 % early (6 s of a 2-minute idle time).
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(idle_ms)
        self._timer.timeout.connect(self.idle)

    def watch(self, target: QObject) -> None:
        target.installEventFilter(self)
        self.restart()

    def set_interval(self, idle_ms: int) -> None:
        self._timer.setInterval(idle_ms)

    def restart(self) -> None:
        self._timer.start()

    def pause(self) -> None:
        self._timer.stop()

    def remaining_ms(self) -> int:
        """How long until idle, unless someone touches the kiosk first (-1 when not watching)."""
        return self._timer.remainingTime()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
