"""The staff door: a long press (3 s) on a heading a citizen has no reason to hold.

Nothing shows that the door is there; volunteers and staff are told where it
is. Pressing and letting go sooner does nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

HOLD_MS = 3000
_DOWN = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
_UP = (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel, QEvent.Type.Leave)


class HiddenDoor(QObject):
    opened = Signal()

    def __init__(self, hold_ms: int = HOLD_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self.opened)

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _DOWN:
            self._timer.start()
        elif event.type() in _UP:
            self._timer.stop()
        return False
