"""`kiosk report monthly YYYY-MM --pdf OUT`: the committee's monthly report (audited)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk.cli.accounts import actor
from kiosk.cli.records import with_store
from kiosk.records.store import RecordStore
from kiosk.settings import Settings


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = commands.add_parser("report", help="reports for the city (staff)")
    report_commands = report.add_subparsers(dest="report_command", required=True, parser_class=type(report))
    monthly = report_commands.add_parser(
        "monthly", help="the month's totals, topics and つまずき as an A4 PDF"
    )
    monthly.add_argument("month", metavar="YYYY-MM")
    monthly.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from kiosk.report.monthly import month_bounds

    try:
        month_bounds(args.month)
    except ValueError:
        print(f"kiosk: not a month: {args.month} (use YYYY-MM)", file=sys.stderr)
        return 2
    return with_store(data_dir, lambda store, settings: _monthly(args, store, settings))


def _monthly(args: argparse.Namespace, store: RecordStore, settings: Settings) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication  # charts are graphics-scene widgets

    from kiosk.content.library import load_library
    from kiosk.content.markup import plain
    from kiosk.drawing.fonts import FontMissing, load_fonts
    from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR
    from kiosk.report.monthly import monthly
    from kiosk.report.pdf import write_monthly_pdf

    app = QGuiApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    try:
        load_fonts(app)
    except FontMissing as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    titles = {
        lesson.id: plain(lesson.title)
        for lesson in load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR).lessons
    }
    report = monthly(store, args.month)
    write_monthly_pdf(report, args.pdf, room=settings.room_name, titles=titles)
    store.audit("report", f"monthly {args.month} consultations={report.consultations}", actor=actor())
    print(args.pdf)
    return 0
