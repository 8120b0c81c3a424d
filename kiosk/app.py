"""Composition root: builds the services and the window, and runs the kiosk."""

from __future__ import annotations

import functools
import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kiosk import STARTED, last_run
from kiosk.datadir import DATABASE_FILE
from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR
from kiosk.run_options import RunOptions
from kiosk.settings import Settings, load_settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kiosk.content.library import LessonLibrary
    from kiosk.records.recorder import Recorder, Write
    from kiosk.records.store import RecordStore

# The records (sqlite-utils and the kiosk's records modules) are imported where they are
# opened: a kiosk starting up paints its home first and opens its records right after.

log = logging.getLogger("kiosk")

SCREENS = (
    "home",
    "menu",
    "lessons",
    "lesson",
    "help",
    "finish",
    "self-check",
    "troubles",
    "trouble",
    "glossary",
    "device",
    "idle-warning",
    "call-staff",
    "records-info",
    "handoff",
    "resume",
    "practice",
    "pin-pad",
    "intake",
    "supporter-lesson",
    "close-out",
    "staff",
    "review",
    "review-stats",
    "review-cards",
    "review-stumbles",
    "review-course",
    "review-filters",
    "card-check",
    "card-result",
)
SCREEN_BUSY_MS = 250
RETRY_RECORDS_MS = 5000
PREPARE_SPEECH_MS = 2000  # after the home is painted: start-up first, then the voice
EXIT_WINDOW_LOST = 3  # kiosk mode could not bring its window back: the supervisor starts it again
# After a burn-in and a reset, a screen may still hold the widgets of what it showed last
# (the step list of the last lesson, the last keyboard); more than this is a leak.
WIDGET_SLACK = 100


class StartError(Exception):
    """Something outside the program stops the kiosk from starting (message is for a person)."""


@dataclass
class Services:
    settings: Settings
    library: LessonLibrary
    store: RecordStore | None


def build_services(data_dir: Path, *, record: bool = True) -> Services:
    settings, store = settings_and_store(data_dir, record=record)
    return Services(settings, read_library(settings), store)


def read_library(settings: Settings) -> LessonLibrary:
    """The lessons in Japanese, their problems logged. Other languages are read when someone
    first chooses one: the home screen does not wait."""
    from kiosk.content.library import load_library

    library = load_library(
        LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR, settings.url_allowlist, translate_now=False
    )
    for problem in library.problems:
        log.warning("lesson problem: %s", problem)
    return library


def settings_and_store(data_dir: Path, *, record: bool = True) -> tuple[Settings, RecordStore | None]:
    """The city's settings, and the screens' connection to the records (None: not opened)."""
    settings = load_settings(data_dir)
    return settings, screens_store(data_dir, settings) if record else None


def screens_store(data_dir: Path, settings: Settings) -> RecordStore | None:
    """The screens' connection to the records, or None where they cannot be opened now."""
    from kiosk.records.store import RecordsUnavailable

    try:
        return open_for_screens(data_dir, settings)
    except RecordsUnavailable as exc:
        # The kiosk still teaches; what happens waits in memory and is written
        # once the database can be opened (the recorder keeps trying).
        log.error("records unavailable at start, will keep trying: %s", exc)
        return None


def open_for_screens(data_dir: Path, settings: Settings) -> RecordStore:
    """The screen thread's own connection (staff review, PINs): impatient, so that a lock
    held by another program costs a staff action a quarter of a second, not five."""
    from kiosk.records.store import open_store

    return open_store(data_dir / DATABASE_FILE, kiosk_id=settings.kiosk_id, busy_timeout_ms=SCREEN_BUSY_MS)


def open_records(data_dir: Path, settings: Settings, instance: str | None = None) -> RecordStore:
    """Open the store as the kiosk starts: close what a crash left open, apply retention."""
    from kiosk.records.store import RecordsUnavailable, open_store

    store = open_store(data_dir / DATABASE_FILE, kiosk_id=settings.kiosk_id, instance=instance)
    try:
        store.close_interrupted()
        store.purge(settings.retention_days, actor="startup", audit_nothing=False)
    except RecordsUnavailable:
        store.close()
        raise
    return store


def make_recorder(
    data_dir: Path,
    settings: Settings,
    store: RecordStore | None,
    *,
    mode: str = "self",
    on_committed: Callable[[Write], None] | None = None,
) -> Recorder:
    """The running kiosk's recorder: its writes go through one writer thread, which opens
    the store (closing what a crash left open) while this program holds its instance lock."""
    from kiosk.records.instances import Instance
    from kiosk.records.recorder import Recorder
    from kiosk.records.store import RecordStore

    instance = Instance(data_dir / DATABASE_FILE, settings.kiosk_id)
    instance.hold()
    return Recorder(
        store,
        # Only the writer sets a corrupt file aside; this side just tries again.
        reopen=lambda: RecordStore(
            data_dir / DATABASE_FILE, kiosk_id=settings.kiosk_id, busy_timeout_ms=SCREEN_BUSY_MS
        ),
        writer=lambda: open_records(data_dir, settings, instance.id),
        mode=mode,
        on_committed=on_committed,
        instance=instance,
    )


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


def _start_qt() -> QApplication:
    from PySide6.QtWidgets import QApplication

    from kiosk.drawing.fonts import FontMissing, load_fonts

    _route_qt_messages()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("naruto-kiosk")
    try:
        load_fonts(app)
    except FontMissing as exc:
        raise StartError(f"文字のフォントを読み込めません / bundled font missing: {exc}") from None
    return app


def run_monkey(data_dir: Path, *, taps: int, seed: int, trace: bool = False) -> int:
    """`kiosk monkey`: burn-in through the real screens and the real database, offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    services = build_services(data_dir)
    app = _start_qt()
    from kiosk.ui.main_window import KioskWindow
    from kiosk.ui.monkey import Monkey, free_released_widgets

    committed = {"start": 0, "event": 0, "end": 0}

    def on_committed(write: Write) -> None:
        committed[write.kind] += 1
        if trace:
            key = write.row.get("consultation_id") or write.row["id"]
            print(f"committed {write.kind} {key} {write.row.get('seq', '-')}", flush=True)

    recorder = make_recorder(
        data_dir, services.settings, services.store, mode="burn-in", on_committed=on_committed
    )
    # Idle and countdown are driven by the monkey itself, not by the clock.
    window = KioskWindow(services.library, services.settings, recorder, idle_ms=3_600_000, tick_ms=3_600_000)
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    widgets_before = len(app.allWidgets())
    report = Monkey(window, seed).run(taps)
    window.idle.reset()
    free_released_widgets()
    widgets_after = len(app.allWidgets())
    window.allow_close()
    window.close()  # ends the consultation and writes what waits
    left = recorder.pending
    problems = list(report.errors)
    if widgets_after > widgets_before + WIDGET_SLACK:  # screens that let go of widgets must free them
        problems.append(f"widgets piled up: {widgets_before} at the start, {widgets_after} at the end")
    if services.store is None or not recorder.health.writing:
        problems.append(f"records not written: {recorder.health.problem}")
    if left or recorder.health.lost:
        problems.append(f"{left} record(s) still waiting, {recorder.health.lost} lost")
    print(
        f"taps: {report.taps}, consultations: {committed['start']}, events: {committed['event']}, "
        f"idle warnings: {report.idle_warnings}, idle resets: {report.idle_resets}, "
        f"widgets: {widgets_before} → {widgets_after}"
    )
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if recorder.store is not None:
        recorder.store.close()
    return 1 if problems else 0


def run(data_dir: Path, options: RunOptions) -> int:
    _check_display(options)
    previous_end = last_run.previous(data_dir) if options.screenshot is None else None
    reviewing = options.screen.startswith("review")  # a screenshot of the staff review needs the records
    settings = load_settings(data_dir)
    # A kiosk starting up paints its home first; its records are opened and its lessons read
    # right after, with the other screens (at their first use).
    recorder: Recorder | Callable[[], Recorder]
    if options.screenshot is None:
        city = settings  # as settings.toml says (--text-size and --theme change only the look)
        recorder = functools.cache(lambda: make_recorder(data_dir, city, screens_store(data_dir, city)))
    else:
        from kiosk.records.recorder import Recorder

        recorder = Recorder(screens_store(data_dir, settings) if reviewing else None, read_only=True)
    # Qt is imported only here so that the command-line tools start fast without it.
    from PySide6.QtCore import Qt, QTimer

    from kiosk.ui.first_paint import FirstPaint
    from kiosk.ui.keep_shown import KeepShown, record_window_back
    from kiosk.ui.main_window import KioskWindow
    from kiosk.ui.speech_client import SpeechClient

    app = _start_qt()
    if options.text_size or options.theme:
        settings = settings.model_copy(
            update={
                "text_size": options.text_size or settings.text_size,
                "theme": options.theme or settings.theme,
            }
        )
    lessons = functools.cache(lambda: read_library(settings))
    window = KioskWindow(
        lessons if options.screenshot is None else lessons(),
        settings,
        recorder,
        speech=SpeechClient(settings.speech_engine) if options.screenshot is None else None,
        kiosk_mode=not options.windowed and options.screenshot is None,
        data_dir=data_dir,
        home_first=options.screenshot is None,  # the rest is built once the home is painted
    )
    if options.screenshot is not None:
        from kiosk.ui.screenshot import ScreenshotError, render_screen

        try:
            render_screen(window, options)
        except ScreenshotError as exc:
            raise StartError(str(exc)) from None
        return 0
    # Furigana from a worker process: the reading dictionary stays out of this one.
    from kiosk.speech import readings
    from kiosk.speech.readings_worker import ReadingsWorker

    readings_worker = ReadingsWorker()
    readings.use_worker(readings_worker)
    app.aboutToQuit.connect(readings_worker.close)
    last_run.begin(data_dir)

    def on_unexpected(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.critical("unexpected error; returning to home", exc_info=(kind, value, tb))
        try:
            window.idle.reset()
        except Exception:  # the reset itself failed: nothing more to do than log
            log.exception("reset after error failed")

    sys.excepthook = on_unexpected

    def quit_now(*_: object) -> None:
        window.allow_close()
        window.close()  # ends the consultation and writes what waits
        app.quit()

    signal.signal(signal.SIGINT, quit_now)
    signal.signal(signal.SIGTERM, quit_now)
    keep_shown: KeepShown | None = None

    def session_ending(*_: object) -> None:
        # Windows' logoff, update restart or shutdown never sends SIGTERM: it asks each app
        # (WM_QUERYENDSESSION → commitDataRequest), then ends the session and Qt quits.
        log.info("the computer is logging off or shutting down: ending the consultation")
        if keep_shown is not None:
            keep_shown.stop()  # the desktop going away is not a window to bring back
        window.end_for_session()

    app.commitDataRequest.connect(session_ending)
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
        window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        window.showFullScreen()
        keep_shown = KeepShown(window)
        keep_shown.went_away.connect(lambda why: record_window_back(window.state.recorder, why))
        keep_shown.gave_up.connect(lambda _why: app.exit(EXIT_WINDOW_LOST))
        keep_shown.start()
    # A records file that could not be opened at start is tried again (the writer thread
    # retries its own writes; this opens the staff screens' connection).
    retry = QTimer()
    retry.timeout.connect(lambda: window.isVisible() and window.state.recorder.retry())
    retry.start(RETRY_RECORDS_MS)
    alive = QTimer()  # the marker's time says when the kiosk was last alive, should it die
    alive.timeout.connect(lambda: last_run.alive(data_dir))
    alive.start(last_run.ALIVE_EVERY_MS)

    def started() -> None:
        # Logged once the home screen has been painted, then once every screen is built and
        # taps are answered (bench/run.py times start-up by both).
        painted = time.monotonic() - STARTED
        log.info("kiosk home painted %.2f s after start", painted)
        window.build_rest()
        if previous_end is not None:
            window.screens.staff.show_abnormal_end(previous_end.notice(), previous_end.log_tail)
        log.info(
            "kiosk started: %s %dx%d, %d lessons, home painted %.2f s after start, ready %.2f s",
            "windowed" if options.windowed else "full screen",
            window.width(),
            window.height(),
            len(window.state.base_library.lessons),
            painted,
            time.monotonic() - STARTED,
        )
        # The read-aloud worker loads its voice while nobody waits: the first 「よみあげ」 is quick.
        QTimer.singleShot(PREPARE_SPEECH_MS, window.reader.prepare)

    first_paint = FirstPaint(window, started)
    app.installEventFilter(first_paint)
    code = app.exec()
    if window.state.recorder.store is not None:
        window.state.recorder.store.close()
    if code == 0:
        last_run.end(data_dir)
    else:
        # Qt ends its loop with an error when the display goes (X11 or Wayland connection broken),
        # and kiosk mode does when its window cannot be brought back: exit non-zero so that the
        # supervisor (systemd, cage, Windows) starts the kiosk again, and leave the running
        # marker so that staff mode tells of it.
        log.error("the kiosk lost its display or window (code %d); exiting to be started again", code)
    return code
