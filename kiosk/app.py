"""Composition root: builds the services and the window, and runs the kiosk."""

from __future__ import annotations

import logging
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from kiosk.content.library import LessonLibrary, load_library
from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR
from kiosk.records.consultation import Consultation
from kiosk.records.store import RecordStore, RecordsUnavailable
from kiosk.settings import Settings, TextSize, ThemeName, load_settings

log = logging.getLogger("kiosk")

SCREENS = ("home", "menu", "lessons", "lesson", "help", "finish", "idle-warning", "call-staff")
DATABASE_FILE = "records.sqlite3"


class StartError(Exception):
    """Something outside the program stops the kiosk from starting (message is for a person)."""


@dataclass
class RunOptions:
    windowed: bool = False
    screenshot: Path | None = None
    screen: str = "home"
    lesson: str | None = None
    step: int = 1
    size: tuple[int, int] = (1920, 1080)
    text_size: TextSize | None = None
    theme: ThemeName | None = None


@dataclass
class Services:
    settings: Settings
    library: LessonLibrary
    store: RecordStore | None


def build_services(data_dir: Path, *, record: bool = True) -> Services:
    settings = load_settings(data_dir)
    library = load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR)
    for problem in library.problems:
        log.warning("lesson problem: %s", problem)
    store = None
    if record:
        try:
            store = RecordStore(data_dir / DATABASE_FILE, kiosk_id=settings.kiosk_id)
        except RecordsUnavailable as exc:
            # The kiosk still teaches; staff see the reason in the log.
            log.error("records unavailable, kiosk runs without recording: %s", exc)
    return Services(settings, library, store)


def _check_display(options: RunOptions) -> None:
    if options.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        raise StartError(
            "画面（ディスプレイ）が見つかりません / no display found: "
            "start the kiosk from the desktop, or use --screenshot FILE to render a screen"
        )


def _route_qt_messages() -> None:
    """Qt's own warnings go to the log file, not onto the console in front of staff."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("kiosk.qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def run(data_dir: Path, options: RunOptions) -> int:
    _check_display(options)
    services = build_services(data_dir, record=options.screenshot is None)
    # Qt is imported only here so that the command-line tools start fast without it.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.fonts import FontMissing, load_fonts
    from kiosk.ui.main_window import KioskWindow
    from kiosk.ui.screenshot import render_screen

    _route_qt_messages()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("naruto-kiosk")
    try:
        load_fonts(app)
    except FontMissing as exc:
        raise StartError(f"文字のフォントを読み込めません / bundled font missing: {exc}") from None
    settings = services.settings
    if options.text_size or options.theme:
        settings = settings.model_copy(
            update={
                "text_size": options.text_size or settings.text_size,
                "theme": options.theme or settings.theme,
            }
        )
    store = services.store
    window = KioskWindow(
        services.library,
        settings,
        lambda: Consultation(store),
        kiosk_mode=not options.windowed and options.screenshot is None,
    )
    if options.screenshot is not None:
        render_screen(window, options)
        return 0

    def on_unexpected(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.critical("unexpected error; returning to home", exc_info=(kind, value, tb))
        try:
            window.reset()
        except Exception:  # the reset itself failed: nothing more to do than log
            log.exception("reset after error failed")

    sys.excepthook = on_unexpected

    def quit_now(*_: object) -> None:
        window.allow_close()
        app.quit()

    signal.signal(signal.SIGINT, quit_now)
    signal.signal(signal.SIGTERM, quit_now)
    heartbeat = QTimer()  # lets Python run its signal handlers while Qt waits
    heartbeat.start(250)
    heartbeat.timeout.connect(lambda: None)

    if options.windowed:
        window.resize(1600, 900)
        window.show()
    else:
        # Fill the screen ourselves too: without a window manager (a bare X kiosk)
        # full-screen is only a hint.
        screen = app.primaryScreen()
        if screen is not None:
            window.setGeometry(screen.geometry())
        window.showFullScreen()
    QTimer.singleShot(
        0,
        lambda: log.info(
            "kiosk started: %s %dx%d, %d lessons",
            "windowed" if options.windowed else "full screen",
            window.width(),
            window.height(),
            len(services.library.lessons),
        ),
    )
    code = app.exec()
    if store is not None:
        store.close()
    return code
