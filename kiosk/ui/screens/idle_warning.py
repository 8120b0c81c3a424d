"""「まだ続けますか？」 with a visible countdown and one big 「つづける」.

The tick length is injected so tests count 30 "seconds" in milliseconds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk.ui.widgets.overlay import Overlay


class _HeroButton(QPushButton):
    """「つづける」 in the hero size, never shorter than its words: the theme's min-height
    becomes a fixed minimum, and a card taller than a short panel (特大 at 1366×768) was
    squeezed to it, cutting the words' lower half."""

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.setMinimumHeight(self.sizeHint().height())
        return handled


class IdleWarning(Overlay):
    extended = Signal()
    expired = Signal()
    has_bar = False  # any touch on the warning answers it

    def __init__(self, parent: QWidget, *, seconds: int, tick_ms: int = 1000) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self.remaining = seconds
        self.count = QLabel()
        self.count.setProperty("role", "countdown")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content.insertWidget(2, self.count)
        self.continue_button = _HeroButton()
        self.continue_button.setProperty("role", "primary")
        self.continue_button.setProperty("emphasis", "hero")
        self.continue_button.clicked.connect(self.extend)
        # Under the count, before the words: in view without scrolling on a short panel at 特大.
        self.content.insertWidget(3, self.continue_button)
        self.content.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("まだ 続けますか？"))
        self.continue_button.setText(self.tr("つづける"))
        self._update_text()

    def start(self) -> None:
        self.remaining = self.seconds
        self._update_text()
        self.open()
        self._timer.start()

    def clear(self) -> None:
        self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()
        self.hide()

    def extend(self) -> None:
        self.stop()
        self.extended.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A touch anywhere on the warning means someone is still here.
        self.extend()

    def tick(self) -> None:
        """One second passes (the timer calls this; burn-in runs call it to skip the wait)."""
        self._tick()

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.stop()
            self.expired.emit()
            return
        self._update_text()

    def _update_text(self) -> None:
        self.count.setText(self.tr("{0} 秒").format(self.remaining))
        self.count.setAccessibleName(self.tr("のこり {0} 秒").format(self.remaining))
        self.body.setText(
            self.tr(
                "あと {0} 秒で、はじめの画面に 戻ります。\n続けるときは「つづける」を おしてください。"
            ).format(self.remaining)
        )
