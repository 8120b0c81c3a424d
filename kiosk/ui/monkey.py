"""Burn-in: seeded random touches through the real screens, recorded exactly as real use is.

Most touches land on a button a person could see; some land anywhere. Now and
then nobody touches for a while: the idle warning comes, and sometimes runs out.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from types import TracebackType

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.ui.main_window import KioskWindow
from kiosk.ui.widgets.overlay import Overlay


def free_released_widgets() -> None:
    """What a running event loop does between touches: free the widgets released with
    deleteLater. Without app.exec() (the monkey, the bench, tests) processEvents() alone
    never frees them, and they pile up."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@dataclass
class MonkeyReport:
    taps: int = 0
    idle_warnings: int = 0
    idle_resets: int = 0
    errors: list[str] = field(default_factory=list)


def _top_layer(window: KioskWindow) -> QWidget:
    overlays = [w for w in window.findChildren(Overlay) if w.isVisible()]
    return overlays[-1] if overlays else window


def _touchable(window: KioskWindow) -> list[QAbstractButton]:
    layer = _top_layer(window)
    return [
        button
        for button in layer.findChildren(QAbstractButton)
        if button.isVisible() and button.isEnabled() and button.width() > 0
    ]


class Monkey:
    def __init__(self, window: KioskWindow, seed: int) -> None:
        self.window = window
        self.rng = random.Random(seed)
        self.report = MonkeyReport()

    def run(self, taps: int) -> MonkeyReport:
        previous = sys.excepthook
        sys.excepthook = self._caught
        try:
            for _ in range(taps):
                self.step()
        finally:
            sys.excepthook = previous
        return self.report

    def step(self) -> None:
        roll = self.rng.random()
        if roll < 0.02 and not self.window.screens.idle_warning.isVisible():
            self._go_idle()
        elif roll < 0.85:
            buttons = _touchable(self.window)
            if buttons:
                target = self.rng.choice(buttons)
                where = QPoint(self.rng.randrange(target.width()), self.rng.randrange(target.height()))
                QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
        else:
            layer = _top_layer(self.window)
            where = QPoint(self.rng.randrange(layer.width()), self.rng.randrange(layer.height()))
            spot = layer.childAt(where) or layer
            QTest.mouseClick(
                spot, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot.mapFrom(layer, where)
            )
        self.report.taps += 1
        QApplication.processEvents()
        free_released_widgets()

    def _go_idle(self) -> None:
        """Nobody touches for a while: the warning, and half the time its full countdown."""
        self.window.idle.watcher.idle.emit()
        if not self.window.screens.idle_warning.isVisible():
            return
        self.report.idle_warnings += 1
        if self.rng.random() < 0.5:
            for _ in range(self.window.screens.idle_warning.seconds):
                self.window.screens.idle_warning.tick()
            self.report.idle_resets += 1

    def _caught(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        self.report.errors.append(f"{kind.__name__}: {value}")
