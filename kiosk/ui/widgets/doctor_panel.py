"""「点検」 on the staff screen: a button, then the list of ✓ / ⚠ / ✗ with what to do.

The Qt checks (screen, touch, font, printer) run on the UI thread; the rest (voices,
disk, records, content) in a worker thread, reported back by signal. Staff texts are
standard Japanese, set directly (as on the rest of the staff screen).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.doctor.result import Result, Status, crashed, report_lines, summary
from kiosk.doctor.run import Doctor
from kiosk.qt_looks import QtLooks, qt_checks
from kiosk.settings import Settings

Audit = Callable[[str, str], None]


def _no_audit(_action: str, _detail: str) -> None:
    pass


@dataclass
class DoctorContext:
    """What one 「点検」 needs from the kiosk: the checks, what Qt looks at, and the audit."""

    doctor: Doctor
    looks: QtLooks | None = None
    audit: Audit = _no_audit


class _Signals(QObject):
    done = Signal(list)


class _Job(QRunnable):
    def __init__(self, doctor: Doctor, settings: Settings, signals: _Signals) -> None:
        super().__init__()
        self._doctor, self._settings, self._signals = doctor, settings, signals

    def run(self) -> None:
        try:
            results = self._doctor.checks(self._settings)
        except Exception as exc:  # each check is guarded; this is for a bug around them
            results = [crashed("doctor", "点検", exc)]
        self._signals.done.emit(results)


class DoctorPanel(QWidget):
    finished = Signal(list)  # the results, once shown

    def __init__(self, context: Callable[[], DoctorContext | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.busy = False
        self._first: list[Result] = []
        self._audit: Audit = _no_audit
        self.button = QPushButton("点検（この パソコンの 準備を 調べる）")
        self.button.clicked.connect(self.run)
        self.results = QLabel()
        self.results.setWordWrap(True)
        self.results.setTextFormat(Qt.TextFormat.PlainText)  # a path or a message may hold a '<'
        self.results.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.results.hide()
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.button)
        layout.addWidget(self.results)

    def run(self) -> None:
        if self.busy:
            return
        context = self.context()
        self.results.show()
        if context is None:
            self.results.setText("この 画面からは 点検できません。「kiosk doctor」を 使って ください。")
            return
        self.busy = True
        self.button.setEnabled(False)
        self.results.setText("点検しています。1 分ほど お待ち ください。")
        settings_result, settings = context.doctor.settings()
        self._first = [settings_result, *qt_checks(settings, context.looks)]
        self._audit = context.audit
        self._pool.start(_Job(context.doctor, settings, self._signals))

    def wait(self, ms: int = 120_000) -> bool:
        return self._pool.waitForDone(ms)

    def _done(self, rest: list[Result]) -> None:
        results = [*self._first, *rest]
        self.busy = False
        self.button.setEnabled(True)
        self.results.setText("\n".join([summary(results), *report_lines(results)]))
        counts = {status: sum(r.status is status for r in results) for status in Status}
        self._audit("doctor", " ".join(f"{status.value}={n}" for status, n in counts.items()))
        self.finished.emit(results)

    def clear(self) -> None:
        if not self.busy:
            self.results.clear()
            self.results.hide()
