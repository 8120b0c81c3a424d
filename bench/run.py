"""The kiosk's speed and memory, each figure side by side with its floor in the same run.

    python bench/run.py [--quick]

Prints a table and writes bench/results.json. --quick (under 3 minutes) uses fewer
runs and taps; the full run is what the README's table comes from. Figures:

- start-up: process start to the home screen painted, `kiosk run` as a kiosk starts it
  (full screen, records open; it logs "kiosk started" after its first paint), against a
  bare PySide6 program that shows one full-screen label (offscreen, a 1920×1080 screen;
  median of runs, on compiled bytecode as installed; target ≤ 1.5×);
- step transition: 「次へ」 to the next step painted, over many steps of every lesson
  (p50 / p95 / max; target p95 ≤ 16.7 ms, max ≤ 100 ms), against a bare full-screen
  window showing the same steps' words (QLabel) and pictures (QSvgWidget);
- UI stalls: the longest gap of a 5 ms timer while read-aloud speaks, a slip prints to
  PDF and a CSV export runs (target ≤ 50 ms), against the same timer with nothing to do;
- UI stalls while recording: the longest gap of the same timer while a tap every 40 ms
  goes through a lesson and its records are written — while another program holds the
  database for 30 s (SQLite exclusive lock), and while every commit takes 50 ms more (a
  slow disk) — against the same taps recording nothing (target ≤ 50 ms; every write must
  then be in the database, in order);
- slip to PDF, median (target ≤ 300 ms), against Qt writing one page with one line;
- memory: RSS at home against the bare program (target ≤ 1.5×); growth over the same N
  seeded monkey taps run three times: caches fill, settle, then what still grows is a
  leak (target ≤ 5 MB / 10,000 taps; its floor is no growth);
- records: events written per second with synchronous=FULL, against raw sqlite3
  inserts, one transaction each, in the same mode (ratio);
- review: `bench/review.py --quick` (its own table).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
RESULTS = ROOT / "bench" / "results.json"
PYTHON = sys.executable

# The floor: one full-screen label. Prints when it was painted (time.time()), then its peak RSS.
BARE = """
import resource, sys, time
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("デジタル何でも相談室")
label.showFullScreen()
app.processEvents()
print(time.time())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
# Offscreen, both programs see one 1920×1080 screen (the platform's default is 800×800).
SCREEN = {"screens": [{"name": "kiosk", "x": 0, "y": 0, "width": 1920, "height": 1080}]}


rows: list[dict[str, object]] = []


def add(name: str, value: float, unit: str, floor: float | None, target: str) -> None:
    """One figure beside its floor (None: none measured; 0: the floor is nothing at all)."""
    ratio = value / floor if floor else None
    rows.append(
        {
            "name": name,
            "value": round(value, 2),
            "unit": unit,
            "floor": None if floor is None else round(floor, 2),
            "ratio": ratio and round(ratio, 2),
            "target": target,
        }
    )
    beside = " " * 28
    if floor is not None:
        beside = f"floor {floor:9.1f} {unit:<5} " + (f"{ratio:5.2f}×" if ratio else "    —")
    print(f"{name:<44} {value:9.1f} {unit:<5} {beside}  target {target}", flush=True)


def offscreen_1080p(scratch: Path) -> dict[str, str]:
    """An environment whose offscreen platform has one 1920×1080 screen."""
    config = scratch / "screen.json"
    config.write_text(json.dumps(SCREEN))
    return {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}


def bare_program(scratch: Path) -> tuple[float, float]:
    """(seconds from process start to its label painted, peak RSS in MB) of the smallest
    PySide6 program: one full-screen label."""
    start = time.time()
    done = subprocess.run(
        [PYTHON, "-c", BARE], capture_output=True, text=True, check=True, env=offscreen_1080p(scratch)
    )
    painted, rss = done.stdout.split()
    return float(painted) - start, float(rss) / 1024


def kiosk_started(scratch: Path) -> float:
    """Seconds from process start to `kiosk run` logging "kiosk started" (its home painted)."""
    log = scratch / "logs" / "kiosk.log"
    log.unlink(missing_ok=True)
    start = time.time()
    kiosk = subprocess.Popen(
        [PYTHON, str(ROOT / "main.py"), "--data-dir", str(scratch), "run"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=offscreen_1080p(scratch),
    )
    try:
        while kiosk.poll() is None:
            line = next((ln for ln in _lines(log) if "kiosk started" in ln), None)
            if line is not None:
                stamp = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").timestamp()
                return stamp - start
            time.sleep(0.002)
        raise SystemExit(f"kiosk run ended before it started: {kiosk.stderr.read()!r}")  # type: ignore[union-attr]
    finally:
        kiosk.terminate()
        kiosk.communicate(timeout=30)


def _lines(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def compile_bytecode() -> None:
    """Write the .pyc files an installed kiosk has (PYTHONDONTWRITEBYTECODE may be set)."""
    import compileall

    compileall.compile_dir(ROOT / "kiosk", quiet=1)


def startup(runs: int) -> None:
    compile_bytecode()
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as scratch:
        kiosk_started(Path(scratch))  # the first start ever makes the records; mornings open them
        for _ in range(runs):
            ours.append(kiosk_started(Path(scratch)))
            bare.append(bare_program(Path(scratch))[0])
    add(
        "start-up to home painted (median)",
        statistics.median(ours) * 1000,
        "ms",
        statistics.median(bare) * 1000,
        "≤ 1.5× bare",
    )


def quiet_offscreen_notes() -> None:
    """The offscreen platform says it cannot pass size hints on every new window: not news."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(f"  qt: {message}", file=sys.stderr)

    qInstallMessageHandler(handler)


def make_window(store_dir: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from kiosk.content.library import load_library
    from kiosk.drawing.fonts import load_fonts
    from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR
    from kiosk.records.recorder import Recorder
    from kiosk.records.store import RecordStore
    from kiosk.settings import Settings
    from kiosk.ui.main_window import KioskWindow

    quiet_offscreen_notes()
    app = QApplication.instance() or QApplication([])
    load_fonts(app)  # type: ignore[arg-type]
    store = RecordStore(store_dir / "records.sqlite3", kiosk_id="bench")
    # As the running kiosk records: through the writer thread, with its own connection.
    recorder = Recorder(store, writer=lambda: RecordStore(store_dir / "records.sqlite3", kiosk_id="bench"))
    window = KioskWindow(
        load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR),
        Settings(),
        recorder,
        idle_ms=3_600_000,
    )
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    return app, window, store


def step_transitions(window, app, steps: int) -> None:  # type: ignore[no-untyped-def]
    times: list[float] = []
    lessons = window.state.library.lessons
    while len(times) < steps:
        for lesson in lessons:
            window.lessons.open_lesson(lesson.id, 0)
            app.processEvents()
            for _ in range(len(lesson.steps) - 1):
                start = time.perf_counter()
                window.screens.player.next_button.click()
                window.repaint()  # painted, not just scheduled
                times.append((time.perf_counter() - start) * 1000)
            if len(times) >= steps:
                break
    window.go_home()
    pictures = window.state.library.pictures_dir
    shown = [(step.text, pictures / step.picture) for lesson in lessons for step in lesson.steps]
    floor = bare_steps(app, shown, len(times))
    times.sort()
    p50, p95 = len(times) // 2, int(len(times) * 0.95)
    add(f"step transition p50 ({len(times)} steps)", times[p50], "ms", floor[p50], "")
    add("step transition p95", times[p95], "ms", floor[p95], "≤ 16.7 ms")
    add("step transition max", times[-1], "ms", floor[-1], "≤ 100 ms")


def bare_steps(app, steps: list[tuple[str, Path]], count: int) -> list[float]:  # type: ignore[no-untyped-def]
    """The floor for a step: a bare full-screen window showing the step's words (QLabel)
    beside its picture (QSvgWidget), painted — what a step shows, without the kiosk."""
    from PySide6.QtSvgWidgets import QSvgWidget
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

    window = QWidget()
    label = QLabel()
    label.setWordWrap(True)
    picture = QSvgWidget()
    layout = QHBoxLayout(window)
    layout.addWidget(label, 1)
    layout.addWidget(picture, 1)
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    times = []
    for text, file in itertools.islice(itertools.cycle(steps), count):
        start = time.perf_counter()
        label.setText(text)
        picture.load(str(file))
        window.repaint()
        times.append((time.perf_counter() - start) * 1000)
    window.close()
    return sorted(times)


def longest_stall(app, action: Callable[[], Callable[[], bool]], seconds: float) -> float:  # type: ignore[no-untyped-def]
    """Start `action` (it returns a 'done?' check) and measure the longest gap between 5 ms ticks."""
    from PySide6.QtCore import QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    done = action()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end and not done():
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    return max(gaps, default=0.0) * 1000


def stalls(window, app, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.handoff.printing import BackgroundPrinting
    from kiosk.handoff.render import write_pdf
    from kiosk.handoff.slip import PAPERS, SlipContent, build_slip
    from kiosk.speech.worker import audio_device_problem
    from kiosk.ui.speech_client import SpeechClient

    # espeak-ng through its worker. With no sound card, ALSA plays to its null device
    # (not paced like a card: synthesis, the heavy part, is the same).
    home = os.environ.get("HOME")
    if audio_device_problem() is not None:
        (store_dir / "home").mkdir(exist_ok=True)
        (store_dir / "home" / ".asoundrc").write_text("pcm.!default { type null }\n")
        os.environ["HOME"] = str(store_dir / "home")  # the speech worker inherits it
        print("  (no sound card: espeak-ng plays to ALSA's null device)")
    speech = SpeechClient("pyttsx3")
    spoken: list[int] = []
    speech.finished.connect(spoken.append)

    def speak() -> Callable[[], bool]:
        window.lessons.open_lesson("mynumber-card", 0)
        speech.speak(window.reader.speech_text())
        return lambda: False

    # The floor: the longest gap of the same timer with nothing else going on.
    idle = longest_stall(app, lambda: lambda: False, 2.0)
    stall = longest_stall(app, speak, 4.0)
    if not spoken or not speech.available:
        print(f"  (speech did not finish: {speech.reason or 'still speaking'})")
    add("UI stall while reading aloud (espeak-ng)", stall, "ms", idle, "≤ 50 ms")
    speech.shutdown()
    if home is not None:
        os.environ["HOME"] = home
    procedure = window.state.library.procedures["mynaportal"]

    class PdfPrinter:  # the real renderer and the kiosk's print thread, with a PDF for paper
        def print_slip(self, content: SlipContent) -> None:
            write_pdf(content, PAPERS["80mm"], store_dir / "slip.pdf")

    printing = BackgroundPrinting(PdfPrinter())
    finished: list[bool] = []
    printing.printed.connect(lambda: finished.append(True))
    printing.failed.connect(lambda _reason: finished.append(True))

    def print_slip() -> Callable[[], bool]:
        printing.print_slip(build_slip(procedure, room_name="相談室", today=date.today()))
        return lambda: bool(finished)

    add("UI stall while a slip prints to PDF", longest_stall(app, print_slip, 10.0), "ms", idle, "≤ 50 ms")
    export: list[subprocess.Popen[bytes]] = []

    def csv_export() -> Callable[[], bool]:
        export.append(
            subprocess.Popen(
                [
                    PYTHON,
                    str(ROOT / "main.py"),
                    "--data-dir",
                    str(store_dir),
                    "export",
                    "csv",
                    str(store_dir / "x.csv"),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        return lambda: export[0].poll() is not None

    add("UI stall while a CSV export runs", longest_stall(app, csv_export, 60.0), "ms", idle, "≤ 50 ms")


HOLD_LOCK = """
import sqlite3, sys
other = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
other.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
"""


def _tapping(window):  # type: ignore[no-untyped-def]
    """A tap every 40 ms in a lesson: 「次へ」 to its last step, then 「もどる」 to its first, and
    again — each tap a step shown and recorded."""
    from PySide6.QtCore import QTimer

    lesson = window.state.library.lessons[0]
    window.lessons.open_lesson(lesson.id, 0)
    taps = [0]
    forward = [True]

    def tap() -> None:
        taps[0] += 1
        if window.screens.player.index >= len(lesson.steps) - 1:
            forward[0] = False
        elif window.screens.player.index == 0:
            forward[0] = True
        if forward[0]:
            window.screens.player.go_next()
        else:
            window.screens.player.go_back()

    timer = QTimer()
    timer.setInterval(40)
    timer.timeout.connect(tap)
    return timer, taps


def _stall_while_tapping(app, window, seconds: float) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    timer, taps = _tapping(window)  # type: ignore[no-untyped-call]

    def start() -> Callable[[], bool]:
        timer.start()
        return lambda: False

    stall = longest_stall(app, start, seconds)
    timer.stop()
    window.go_home()
    return stall, taps[0]


def _all_in_order(database: Path) -> tuple[int, bool]:
    raw = sqlite3.connect(database)
    rows = raw.execute("SELECT consultation_id, seq FROM events ORDER BY id").fetchall()
    raw.close()
    seen: dict[str, int] = {}
    in_order = True
    for consultation, seq in rows:
        in_order = in_order and seq == seen.get(consultation, 0) + 1
        seen[consultation] = seq
    return len(rows), in_order


def record_stalls(app, library, scratch: Path, lock_seconds: float) -> None:  # type: ignore[no-untyped-def]
    from kiosk.app import Services, make_recorder, open_for_screens
    from kiosk.datadir import DATABASE_FILE
    from kiosk.records.recorder import Recorder
    from kiosk.records.store import RecordStore
    from kiosk.settings import Settings
    from kiosk.ui.main_window import KioskWindow

    settings = Settings(kiosk_id="bench")

    def window_with(recorder: Recorder) -> KioskWindow:
        window = KioskWindow(library, settings, recorder, idle_ms=3_600_000)
        window.resize(1920, 1080)
        window.show()
        app.processEvents()
        return window

    def closed(window: KioskWindow) -> None:
        window.allow_close()
        window.close()

    # The floor: the same taps, recording nothing.
    window = window_with(Recorder(None))
    floor, _ = _stall_while_tapping(app, window, 5.0)
    closed(window)

    # Another program holds the database (exclusive lock) while the person taps.
    data = scratch / "locked"
    data.mkdir()
    recorder = make_recorder(data, Services(settings, library, open_for_screens(data, settings)))
    recorder.written(timeout=30)
    window = window_with(recorder)
    holder = subprocess.Popen(
        [PYTHON, "-c", HOLD_LOCK, str(data / DATABASE_FILE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    stall, taps = _stall_while_tapping(app, window, lock_seconds)
    waiting = recorder.pending
    holder.communicate(timeout=30)
    let_go = time.perf_counter()
    recorder.written(timeout=120)
    caught_up = time.perf_counter() - let_go
    closed(window)
    events, in_order = _all_in_order(data / DATABASE_FILE)
    add(
        f"UI stall, database held by another program {lock_seconds:.0f} s",
        stall,
        "ms",
        floor,
        "≤ 50 ms",
    )
    print(
        f"  {taps} taps; {waiting} writes waited; all written {caught_up:.2f} s after the lock went; "
        f"{events} events, {'in order' if in_order else 'OUT OF ORDER'}, lost {recorder.health.lost}"
    )

    # Every commit 50 ms slower (a slow disk), through the same writer thread.
    class SlowCommits(RecordStore):
        def writing(self, action: str):  # type: ignore[no-untyped-def]
            time.sleep(0.05)
            return super().writing(action)

    data = scratch / "slow"
    data.mkdir()
    recorder = Recorder(
        open_for_screens(data, settings),
        writer=lambda: SlowCommits(data / DATABASE_FILE, kiosk_id="bench"),
    )
    window = window_with(recorder)
    stall, taps = _stall_while_tapping(app, window, 5.0)
    recorder.written(timeout=120)
    closed(window)
    events, in_order = _all_in_order(data / DATABASE_FILE)
    add("UI stall, every commit 50 ms slower", stall, "ms", floor, "≤ 50 ms")
    print(f"  {taps} taps; {events} events, {'in order' if in_order else 'OUT OF ORDER'}")
    # For comparison, the way it was: each commit on the screen's thread.
    data = scratch / "slow-on-screen"
    data.mkdir()
    recorder = Recorder(SlowCommits(data / DATABASE_FILE, kiosk_id="bench"))
    window = window_with(recorder)
    stall, taps = _stall_while_tapping(app, window, 5.0)
    closed(window)
    add("  (before: the same, commits on the screen's thread)", stall, "ms", floor, "")


def slip_pdf(runs: int) -> None:
    from kiosk.content.procedures import load_procedures
    from kiosk.handoff.render import write_pdf
    from kiosk.handoff.slip import PAPERS, build_slip
    from kiosk.paths import PROCEDURES_DIR

    procedure = load_procedures(PROCEDURES_DIR)[0]["mynaportal"]
    times, floor = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(runs):
            start = time.perf_counter()
            write_pdf(
                build_slip(procedure, room_name="相談室", today=date.today()),
                PAPERS["80mm"],
                Path(scratch) / "slip.pdf",
            )
            times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            bare_pdf(Path(scratch) / "bare.pdf")
            floor.append((time.perf_counter() - start) * 1000)
    add("slip to PDF (median)", statistics.median(times), "ms", statistics.median(floor), "≤ 300 ms")


def bare_pdf(out: Path) -> None:
    """The floor for a slip: Qt writing one 80 mm page with one line of text."""
    from PySide6.QtCore import QMarginsF, QPointF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(out))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(80, 200), QPageSize.Unit.Millimeter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    painter = QPainter(writer)
    painter.drawText(QPointF(100, 300), "デジタル何でも相談室")
    painter.end()


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory(window, app, taps: int) -> None:  # type: ignore[no-untyped-def]
    """Peak RSS at home, then growth over monkey taps, told apart: caches or a leak.

    New content fills caches bounded by what there is to show (glyphs at each text size,
    furigana readings); a leak grows with every touch whatever it shows. So the same
    seeded taps run three times from the home screen after a reset. The first pass fills
    the caches; the second lets them settle (Qt's glyph caches grow their images by
    doubling, a step behind the glyphs); what the third pass, the very same touches a
    third time, still grows is the leak (target ≤ 5 MB per 10,000 taps). All three are
    reported."""
    from kiosk.ui.monkey import Monkey, free_released_widgets

    window.go_home()
    app.processEvents()
    home = rss_mb()
    with tempfile.TemporaryDirectory() as scratch:
        bare = bare_program(Path(scratch))[1]
    add("RSS at home", home, "MB", bare, "≤ 1.5× bare")
    # The one-off loads first: the reading dictionary (furigana) and every language.
    window.look.set_furigana(True)
    for language in window.language.languages.available:
        window.language.choose(language)
    passes = []
    for _ in range(3):
        window.idle.reset()
        free_released_widgets()
        before = rss_mb()
        report = Monkey(window, seed=7).run(taps)
        window.idle.reset()
        free_released_widgets()
        passes.append(rss_mb() - before)
        if report.errors:
            print(f"  monkey errors: {report.errors[:3]}")
    add(f"RSS after 3 × {taps:,} monkey taps", rss_mb(), "MB", bare, "")
    # Growth has no program to compare with: its floor is no growth at all.
    add(f"RSS growth, first {taps:,} taps (caches fill)", passes[0], "MB", 0.0, "bounded")
    add("RSS growth, the same taps again (settling)", passes[1], "MB", 0.0, "")
    # Fewer taps (--quick) scale a small, noisy difference up: the full run's figure counts.
    leak = "RSS growth per 10,000 taps, third time (leak)" + ("" if taps >= 10_000 else ", rough")
    add(leak, passes[2] * 10_000 / taps, "MB", 0.0, "≤ 5 MB")


def records(events: int) -> None:
    from kiosk.records.store import RecordStore, local_now, stamp

    with tempfile.TemporaryDirectory() as scratch:
        store = RecordStore(Path(scratch) / "records.sqlite3", kiosk_id="bench")
        store.write_start({"id": "c1", "started_at": stamp(local_now()), "mode": "self", "language": "ja"})
        start = time.perf_counter()
        for seq in range(1, events + 1):
            store.write_event(
                {
                    "consultation_id": "c1",
                    "seq": seq,
                    "at": stamp(local_now()),
                    "kind": "step_shown",
                    "lesson_id": "power-on",
                    "step": seq % 9 + 1,
                    "procedure_id": None,
                    "detail": None,
                }
            )
        ours = events / (time.perf_counter() - start)
        store.close()
        raw = sqlite3.connect(Path(scratch) / "raw.sqlite3", isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, consultation_id, seq, at, kind, lesson_id, step)"
        )
        start = time.perf_counter()
        for seq in range(1, events + 1):
            raw.execute("BEGIN")
            raw.execute(
                "INSERT INTO events VALUES (NULL, 'c1', ?, ?, 'step_shown', 'power-on', ?)",
                (seq, stamp(local_now()), seq % 9 + 1),
            )
            raw.execute("COMMIT")
        floor = events / (time.perf_counter() - start)
        raw.close()
    rows.append(
        {
            "name": "events written per second (synchronous=FULL)",
            "value": round(ours),
            "unit": "/s",
            "floor": round(floor),
            "ratio": round(floor / ours, 2),
            "target": "raw sqlite3 / ours",
        }
    )
    print(
        f"{'events written per second (FULL)':<44} {ours:9.0f} /s    raw sqlite3 {floor:7.0f} /s "
        f"(raw is {floor / ours:4.2f}× ours)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs and taps: under 3 minutes")
    parser.add_argument("--no-review", action="store_true", help="leave out bench/review.py")
    args = parser.parse_args()
    quick = args.quick
    began = time.perf_counter()
    print(
        f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{'quick' if quick else 'full'} run"
    )
    startup(3 if quick else 7)
    from PySide6.QtWidgets import QApplication

    from kiosk.drawing.fonts import load_fonts

    app = QApplication.instance() or QApplication([])
    load_fonts(app)  # type: ignore[arg-type]
    slip_pdf(10 if quick else 30)
    records(300 if quick else 2000)
    with tempfile.TemporaryDirectory() as scratch:
        store_dir = Path(scratch)
        subprocess.run(
            [
                PYTHON,
                str(ROOT / "main.py"),
                "--data-dir",
                str(store_dir),
                "demo-data",
                "--consultations",
                "20000" if quick else "100000",
            ],
            check=True,
            capture_output=True,
        )
        app, window, store = make_window(store_dir)
        step_transitions(window, app, 200 if quick else 500)
        stalls(window, app, store_dir)
        record_stalls(app, window.state.library, store_dir, 30.0)
        memory(window, app, 1000 if quick else 10_000)
        window.allow_close()
        window.close()
        store.close()
    RESULTS.write_text(
        json.dumps(
            {
                "machine": f"{platform.machine()} {os.cpu_count()} cores, {platform.platform()}",
                "python": platform.python_version(),
                "quick": quick,
                "figures": rows,
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"written: {RESULTS.relative_to(ROOT)} ({time.perf_counter() - began:.0f} s)")
    if not args.no_review:
        subprocess.run([PYTHON, str(ROOT / "bench" / "review.py"), "--quick"], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
