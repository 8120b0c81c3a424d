"""Printing slips: on the configured printer, off the UI thread, with calm failures.

`SlipPrinter.print_slip` blocks and raises `PrintFailed` with a reason for the
log; `BackgroundPrinting` runs it in Qt's thread pool and reports by signal.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QMarginsF, QObject, QRunnable, QSizeF, QThreadPool, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.handoff.render import Printable, SlipTooNarrow, geometry_for, paint_slip
from kiosk.handoff.slip import PaperSpec

log = logging.getLogger("kiosk.handoff")


class PrintFailed(Exception):
    """The slip did not print (no printer, offline, paper out, an error); says why, for staff."""


class SlipPrinter(Protocol):
    def print_slip(self, content: Printable) -> None: ...


class QtSlipPrinter:
    """The system printer named in settings (or the default one), through Qt's print support."""

    def __init__(self, paper: PaperSpec, printer_name: str = "") -> None:
        self.paper = paper
        self.printer_name = printer_name

    def _printer_info(self) -> QPrinterInfo:
        if self.printer_name:
            info = QPrinterInfo.printerInfo(self.printer_name)
            if info.isNull():
                raise PrintFailed(f"printer not found: {self.printer_name}")
        else:
            info = QPrinterInfo.defaultPrinter()
            if info.isNull():
                raise PrintFailed("no printer is set up on this computer")
        if info.state() == QPrinter.PrinterState.Error:
            raise PrintFailed(f"printer {info.printerName()} reports an error (offline or out of paper?)")
        return info

    def print_slip(self, content: Printable) -> None:
        info = self._printer_info()
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        geometry = geometry_for(self.paper, printer.resolution())
        try:
            height_mm = self.paper.height_mm or paint_slip(None, content, geometry) / geometry.dots_per_mm
        except SlipTooNarrow as exc:
            raise PrintFailed(str(exc)) from exc
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QSizeF(self.paper.width_mm, height_mm), QPageSize.Unit.Millimeter, "slip"),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(f"printer {info.printerName()} could not start the job")
        try:
            paint_slip(painter, content, geometry)
        finally:
            painter.end()
        if printer.printerState() == QPrinter.PrinterState.Error:
            raise PrintFailed(f"printer {info.printerName()} failed while printing")


class _Signals(QObject):
    printed = Signal()
    failed = Signal(str)


class _PrintJob(QRunnable):
    def __init__(self, printer: SlipPrinter, content: Printable, signals: _Signals) -> None:
        super().__init__()
        self._printer, self._content, self._signals = printer, content, signals

    def run(self) -> None:
        try:
            self._printer.print_slip(self._content)
        except PrintFailed as exc:
            self._signals.failed.emit(str(exc))
        except Exception as exc:  # a bug in a driver must not take the kiosk down
            log.exception("printing crashed")
            self._signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self._signals.printed.emit()


class BackgroundPrinting(QObject):
    """Prints without making the screen wait; `printed` / `failed(reason)` come back on the UI thread."""

    printed = Signal()
    failed = Signal(str)

    def __init__(self, printer: SlipPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer = printer
        self.busy = False
        self._signals = _Signals(self)
        self._signals.printed.connect(self._done)
        self._signals.failed.connect(self._fail)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def print_slip(self, content: Printable) -> bool:
        if self.busy:
            return False
        self.busy = True
        self._pool.start(_PrintJob(self.printer, content, self._signals))
        return True

    def wait(self, ms: int = 30_000) -> bool:
        return self._pool.waitForDone(ms)

    def _done(self) -> None:
        self.busy = False
        self.printed.emit()

    def _fail(self, reason: str) -> None:
        self.busy = False
        log.error("slip not printed: %s", reason)
        self.failed.emit(reason)
