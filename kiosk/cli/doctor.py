"""`kiosk doctor` (「点検」): is this PC ready to be a kiosk? ✓ / ⚠ / ✗ with the fix for each ✗.

Exit 0 when nothing failed (⚠ is allowed), 1 otherwise; `--json` for scripts.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.doctor.result import Result, all_well, report_lines, summary
from kiosk.doctor.run import Doctor, json_report

if TYPE_CHECKING:
    from kiosk.qt_looks import QtLooks

EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    doctor = commands.add_parser(
        "doctor", help="「点検」: screen, touch, font, voices, printer, data folder, clock, settings, content"
    )
    doctor.add_argument("--json", action="store_true", help="the results as JSON, for scripts")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    return run_doctor(Doctor(data_dir), as_json=args.json)


def _start_qt() -> None:
    """A Qt application for the screen, font and printer checks; offscreen where there is no display
    (the screen check then says so) rather than Qt ending the process."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    qt_log = logging.getLogger("kiosk.qt")

    def quiet(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        qt_log.debug("%s", message)  # Qt's chatter is not for the clerk's console

    qInstallMessageHandler(quiet)
    QGuiApplication(sys.argv[:1])


def gather(doctor: Doctor, looks: QtLooks | None = None) -> list[Result]:
    """Every check, in the order shown: settings, screen and printer (Qt), then the rest."""
    _start_qt()
    from kiosk.qt_looks import qt_checks

    settings_result, settings = doctor.settings()
    return [settings_result, *qt_checks(settings, looks), *doctor.checks(settings)]


def run_doctor(doctor: Doctor, *, as_json: bool = False, looks: QtLooks | None = None) -> int:
    results = gather(doctor, looks)
    if as_json:
        print(json_report(results))
    else:
        print(f"点検（データフォルダ: {doctor.data_dir}）")
        for line in report_lines(results):
            print(line)
        print(summary(results))
    return EXIT_OK if all_well(results) else EXIT_PROBLEMS
