"""The kiosk's speed and memory, each figure side by side with its floor in the same run.

    python bench/run.py [--quick] [--slow-pc]

Prints a table and writes bench/results.json (bench/results-slow-pc.json with --slow-pc).
The full run is what the README's table comes from; --quick uses fewer runs and taps and
ends in under 4 minutes in either profile (the README gives the times measured). Figures:

- start-up: process start to the home screen painted, `kiosk run` as a kiosk starts it
  (full screen, records open; it logs "kiosk home painted" after its first paint, then
  builds the other screens and logs "kiosk started": both are given), against a
  bare PySide6 program that shows one full-screen label (offscreen, a 1920×1080 screen;
  median of runs, on compiled bytecode as installed; target ≤ 2× bare, moonshot 1.5×);
- crash-restart to home: `kiosk run` killed (SIGKILL) under a supervisor that starts it
  again RestartSec after it ends (systemd's Restart=always, RestartSec from the appliance's
  unit), until the new kiosk logs "kiosk home painted" — against the bare program killed and
  started again by the same supervisor until its label is painted (median of kills);
- step transition: 「次へ」 to the next step painted, over many steps of every lesson
  (p50 / p95 / max; target p95 ≤ 16.7 ms, max ≤ 100 ms), against a bare full-screen
  window showing the same steps' words (QLabel) and pictures (QSvgWidget);
- UI stalls: the longest gap of a 5 ms timer while read-aloud speaks, a slip prints to
  PDF and a CSV export runs (target ≤ 50 ms), against the same timer with nothing to do;
- UI stalls while recording: the longest gap of the same timer while a tap every 40 ms
  goes through a lesson and its records are written — while another program holds the
  database (SQLite exclusive lock; 30 s, less in quick runs), and while every
  commit takes 50 ms more (a slow disk) — against the same taps recording nothing (target
  ≤ 50 ms; every write must then be in the database, in order);
- slip to PDF, median (target ≤ 300 ms), against Qt writing one page with one line;
- memory: RSS of `kiosk run` at home against the bare program's, both fresh processes
  (target ≤ 1.5×); then N seeded monkey taps in three languages run three times in the
  bench's window: caches fill, settle, then what still grows is a leak (RSS after the
  three passes ≤ 250 MB, growth ≤ 1 MB per 10,000 taps after the first pass; its floor
  is no growth);
- records: events written per second with synchronous=FULL, against raw sqlite3
  inserts, one transaction each, in the same mode (ratio);
- review: `bench/review.py --quick` (its own table; not in the slow-PC profile).

--slow-pc runs the same figures, floors included, inside a CPU limit standing for a
cheap kiosk PC: one core and a quota of 30 % of it (bench/slow_pc.py says how; the table's
first line says which mechanism this machine allowed). This script runs itself again as a
child inside the limit, so the kiosk, the bare programs and the in-process parts are all
held by it. Its targets: start-up ≤ 2.5 s, step p95 ≤ 33 ms and max ≤ 100 ms, stalls
≤ 100 ms; crash-restart ≤ 3 s (RestartSec and the 2.5 s start-up). Figures the issue sets
no slow-PC target for (slip, RSS, records) keep this machine's.

Sizes (runs, taps) — quick / full, then the same under --slow-pc, where everything is
about 4–6 times slower (see SIZES): start-up runs 3 / 7 (slow 3 / 5), crash-restart kills
2 / 5 (slow 1 / 3), slip PDFs 10 / 30 (slow 5 / 10), steps 200 / 500 (slow 100 / 300),
consultations for the CSV export 20,000 / 100,000 (slow 2,000 / 20,000), database held
10 s / 30 s (slow 5 s / 30 s), monkey taps per pass 300 / 10,000 (memory is measured in the
normal profile only: it does not depend on the processor). Few
taps scale a small, noisy growth up 30 times or more: the full run's memory figures are
the ones that count (memory is not what the slow-PC profile is for).
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PYTHON = sys.executable

import crash_restart  # noqa: E402
import slow_pc  # noqa: E402


@dataclass(frozen=True)
class Targets:
    startup: str
    crash_restart: str
    step_p95: str
    step_max: str
    stall: str  # reading aloud, printing, exporting, recording


HERE = Targets("≤ 2× bare (moonshot 1.5×)", "≤ 5 s", "≤ 16.7 ms", "≤ 100 ms", "≤ 50 ms")
# A cheap kiosk PC (issue 27). Crash-restart: RestartSec (0.5 s) and the 2.5 s start-up.
SLOW_PC = Targets("≤ 2.5 s", "≤ 3 s", "≤ 33 ms", "≤ 100 ms", "≤ 100 ms")


@dataclass(frozen=True)
class Sizes:
    startup_runs: int
    crash_kills: int
    slip_runs: int
    events: int
    consultations: int
    steps: int
    lock_seconds: float
    tap_seconds: float  # the other spells of a tap every 40 ms (recording stalls)
    taps: int  # monkey taps per pass (three passes)


# Under the slow-PC profile everything takes 4–6 times longer: fewer of each keeps the
# quick run under 4 minutes.
SIZES = {
    (False, True): Sizes(3, 2, 10, 300, 20_000, 200, 10.0, 5.0, 300),
    (False, False): Sizes(7, 5, 30, 2_000, 100_000, 500, 30.0, 5.0, 10_000),
    (True, True): Sizes(3, 1, 5, 300, 2_000, 100, 5.0, 2.0, 45),
    (True, False): Sizes(5, 3, 10, 2_000, 20_000, 300, 30.0, 5.0, 3_000),
}
targets = HERE

# The floor: one full-screen label. Prints when it was painted (time.time()), then its RSS
# in kB — VmRSS, as the kiosk's is read: ru_maxrss would count the bench's own memory, which
# Linux carries over into a child's peak across exec.
BARE = """
import resource, sys, time
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("デジタル何でも相談室")
label.showFullScreen()
app.processEvents()
print(time.time())
try:
    print(next(ln.split()[1] for ln in open("/proc/self/status") if ln.startswith("VmRSS:")))
except OSError:
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


PAINTED = "kiosk home painted"  # the home on screen (the other screens are built next)
STARTED = "kiosk started"  # every screen built: taps are answered from here


def kiosk_started(scratch: Path) -> tuple[float, float, float | None]:
    """Seconds from process start to `kiosk run` logging its home painted, and to its
    "kiosk started" (ready), and its RSS in MB just then (None where /proc cannot tell)."""
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
            lines = _lines(log)
            ready = next((ln for ln in lines if STARTED in ln), None)
            if ready is not None:
                painted = next(ln for ln in lines if PAINTED in ln)
                return log_stamp(painted) - start, log_stamp(ready) - start, process_rss_mb(kiosk.pid)
            time.sleep(0.002)
        raise SystemExit(f"kiosk run ended before it started: {kiosk.stderr.read()!r}")  # type: ignore[union-attr]
    finally:
        kiosk.terminate()
        kiosk.communicate(timeout=30)


def log_stamp(line: str) -> float:
    """The time (time.time()) of a line of the kiosk's log."""
    return datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").timestamp()


def process_rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return next(int(ln.split()[1]) / 1024 for ln in status if ln.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return None


def _lines(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def compile_bytecode() -> None:
    """Write the .pyc files an installed kiosk has (PYTHONDONTWRITEBYTECODE may be set)."""
    import compileall

    compileall.compile_dir(ROOT / "kiosk", quiet=1)


def startup(runs: int) -> tuple[float | None, float]:
    """Start-up beside the bare program's; returns both RSS at home (MB, medians)."""
    compile_bytecode()
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as scratch:
        kiosk_started(Path(scratch))  # the first start ever makes the records; mornings open them
        for _ in range(runs):
            ours.append(kiosk_started(Path(scratch)))
            bare.append(bare_program(Path(scratch)))
    floor = statistics.median(seconds for seconds, _ in bare) * 1000
    add(
        f"start-up to home painted (median of {runs})",
        statistics.median(painted for painted, _, _ in ours) * 1000,
        "ms",
        floor,
        targets.startup,
    )
    add(
        f"start-up to every screen built (median of {runs})",
        statistics.median(ready for _, ready, _ in ours) * 1000,
        "ms",
        floor,
        "none: a tap before it waits for it",
    )
    rss = [mb for _, _, mb in ours if mb is not None]
    return (statistics.median(rss) if rss else None), statistics.median(mb for _, mb in bare)


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
    # As `kiosk run`: furigana from the readings worker, the dictionary out of this process.
    from kiosk.speech import readings
    from kiosk.speech.readings_worker import ReadingsWorker

    readings.use_worker(ReadingsWorker())
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
    add("step transition p95", times[p95], "ms", floor[p95], targets.step_p95)
    add("step transition max", times[-1], "ms", floor[-1], targets.step_max)


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
    add("UI stall while reading aloud (espeak-ng)", stall, "ms", idle, targets.stall)
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

    slip_stall = longest_stall(app, print_slip, 10.0)
    add("UI stall while a slip prints to PDF", slip_stall, "ms", idle, targets.stall)
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

    add("UI stall while a CSV export runs", longest_stall(app, csv_export, 60.0), "ms", idle, targets.stall)


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


def record_stalls(app, library, scratch: Path, lock_seconds: float, tap_seconds: float) -> None:  # type: ignore[no-untyped-def]
    from kiosk.app import make_recorder, open_for_screens
    from kiosk.datadir import DATABASE_FILE
    from kiosk.records.recorder import Recorder
    from kiosk.records.store import RecordStore
    from kiosk.settings import Settings
    from kiosk.ui.main_window import KioskWindow
    from kiosk.ui.monkey import free_released_widgets

    settings = Settings(kiosk_id="bench")

    def window_with(recorder: Recorder) -> KioskWindow:
        window = KioskWindow(library, settings, recorder, idle_ms=3_600_000)
        window.resize(1920, 1080)
        window.show()
        app.processEvents()
        return window

    def closed(window: KioskWindow) -> None:
        # Gone, not just hidden: a closed window still takes every language change and
        # holds its memory, which the memory stage after this would count.
        window.allow_close()
        window.close()
        window.deleteLater()
        free_released_widgets()

    # The floor: the same taps, recording nothing.
    window = window_with(Recorder(None))
    floor, _ = _stall_while_tapping(app, window, tap_seconds)
    closed(window)

    # Another program holds the database (exclusive lock) while the person taps.
    data = scratch / "locked"
    data.mkdir()
    recorder = make_recorder(data, settings, open_for_screens(data, settings))
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
        targets.stall,
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
    stall, taps = _stall_while_tapping(app, window, tap_seconds)
    recorder.written(timeout=120)
    closed(window)
    events, in_order = _all_in_order(data / DATABASE_FILE)
    add("UI stall, every commit 50 ms slower", stall, "ms", floor, targets.stall)
    print(f"  {taps} taps; {events} events, {'in order' if in_order else 'OUT OF ORDER'}")
    # For comparison, the way it was: each commit on the screen's thread.
    data = scratch / "slow-on-screen"
    data.mkdir()
    recorder = Recorder(SlowCommits(data / DATABASE_FILE, kiosk_id="bench"))
    window = window_with(recorder)
    stall, taps = _stall_while_tapping(app, window, tap_seconds)
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


VISIT_TAPS = 100  # monkey taps per visitor; each visitor chooses the next of three languages


def monkey_visits(window, taps: int, languages: list[str]):  # type: ignore[no-untyped-def]
    """`taps` seeded monkey taps as visitors of VISIT_TAPS taps each, one after another:
    nobody there (the idle reset), then the next visitor chooses a language in turn and
    taps. The same seeds every call: the very same touches again. Returns the errors."""
    from kiosk.ui.monkey import Monkey, free_released_widgets

    errors: list[str] = []
    each = max(1, min(VISIT_TAPS, taps // len(languages)))  # every language, however few taps
    for visit in range(max(1, taps // each)):
        window.idle.reset()
        free_released_widgets()
        window.language.choose(languages[visit % len(languages)])
        errors += Monkey(window, seed=7_000 + visit).run(each).errors
    window.idle.reset()
    free_released_widgets()
    return errors


def memory(window, app, taps: int, at_home: tuple[float | None, float]) -> None:  # type: ignore[no-untyped-def]
    """RSS at home (from start-up: `kiosk run` and the bare program, each just painted),
    then growth over monkey taps in three languages, told apart: caches or a leak.

    New content fills caches bounded by what there is to show (glyphs at each text size
    and language, furigana readings); a leak grows with every touch whatever it shows. So
    the same seeded taps run three times, as visitors in Japanese, やさしい日本語 and
    English in turn. The first pass fills the caches; the second lets them settle (Qt's
    glyph caches grow their images by doubling, a step behind the glyphs); what the third
    pass, the very same touches a third time, still grows is the leak (target ≤ 1 MB per
    10,000 taps after the first pass). All three are reported; RSS after them is the
    bench's own process, which has also done the stages before."""
    kiosk, bare = at_home
    if kiosk is not None:
        add("RSS at home (kiosk run, just painted)", kiosk, "MB", bare, "≤ 1.5× bare")
    else:
        print("  (RSS at home: no /proc here to read `kiosk run`'s)")
    window.go_home()
    app.processEvents()
    print(f"  the bench's window at home, before the passes: {rss_mb():.1f} MB")
    # The one-off loads first: the reading dictionary (furigana) and every language.
    window.look.set_furigana(True)
    available = list(window.language.languages.available)
    for language in available:
        window.language.choose(language)
    languages = available[:3]
    passes = []
    for _ in range(3):
        window.idle.reset()
        before = rss_mb()
        errors = monkey_visits(window, taps, languages)  # type: ignore[no-untyped-call]
        passes.append(rss_mb() - before)
        if errors:
            print(f"  monkey errors: {errors[:3]}")
    add(
        f"RSS after 3 × {taps:,} monkey taps ({', '.join(languages)})",
        rss_mb(),
        "MB",
        bare,
        "≤ 250 MB" + ("" if taps >= 10_000 else " at 3 × 10,000"),
    )
    # Growth has no program to compare with: its floor is no growth at all.
    add(f"RSS growth, first {taps:,} taps (caches fill)", passes[0], "MB", 0.0, "bounded")
    add("RSS growth, the same taps again (settling)", passes[1], "MB", 0.0, "")
    # Fewer taps (--quick) scale a small, noisy difference up: the full run's figure counts.
    leak = "RSS growth per 10,000 taps, third time (leak)" + ("" if taps >= 10_000 else ", rough")
    add(leak, passes[2] * 10_000 / taps, "MB", 0.0, "≤ 1 MB")


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


def crash_restarts(kills: int) -> None:
    """Crash-restart to home (bench/crash_restart.py) beside the bare program's, median of kills."""
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch)
        env = offscreen_1080p(data)
        kiosk_argv = [PYTHON, str(ROOT / "main.py"), "--data-dir", str(data), "run"]
        log = data / "logs" / "kiosk.log"

        def home_painted() -> list[float]:
            return [log_stamp(line) for line in _lines(log) if PAINTED in line]

        ours = crash_restart.measure(kiosk_argv, env, home_painted, kills)
        painted = data / "bare-painted"
        bare_argv = [PYTHON, "-c", crash_restart.BARE_RUNNING, str(painted)]
        floor = crash_restart.measure(bare_argv, env, crash_restart.bare_stamps(painted), kills)
    add(
        f"crash-restart to home painted (median of {kills})",
        statistics.median(ours) * 1000,
        "ms",
        statistics.median(floor) * 1000,
        targets.crash_restart,
    )
    print(
        f"  RestartSec {crash_restart.restart_sec():.1f} s on both sides; kiosk "
        + ", ".join(f"{t:.2f}" for t in ours)
        + " s; bare "
        + ", ".join(f"{t:.2f}" for t in floor)
        + " s"
    )


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Times a part of the run: where the minutes go (the quick run must end in 4)."""
    began = time.perf_counter()
    yield
    print(f"  [{name}: {time.perf_counter() - began:.0f} s]", flush=True)


def main() -> int:
    global targets
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs and taps: under 4 minutes")
    parser.add_argument(
        "--slow-pc", action="store_true", help="one core, a 30 %% CPU quota (bench/slow_pc.py)"
    )
    parser.add_argument("--no-review", action="store_true", help="leave out bench/review.py")
    args = parser.parse_args()
    limit = slow_pc.inside()
    if args.slow_pc and limit is None:
        # This script again, as a child inside the limit: everything it starts is held too.
        return slow_pc.run([PYTHON, str(Path(__file__).resolve()), *sys.argv[1:]])
    quick = args.quick
    sizes = SIZES[args.slow_pc, quick]
    targets = SLOW_PC if args.slow_pc else HERE
    results = ROOT / "bench" / ("results-slow-pc.json" if args.slow_pc else "results.json")
    began = time.perf_counter()
    profile = f"slow-PC profile: {limit}" if args.slow_pc else "this machine, no limit"
    print(
        f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{'quick' if quick else 'full'} run; {profile}"
    )
    with stage("start-up"):
        at_home = startup(sizes.startup_runs)
    with stage("crash-restart"):
        crash_restarts(sizes.crash_kills)
    from PySide6.QtWidgets import QApplication

    from kiosk.drawing.fonts import load_fonts

    app = QApplication.instance() or QApplication([])
    load_fonts(app)  # type: ignore[arg-type]
    with stage("slip, records"):
        slip_pdf(sizes.slip_runs)
        records(sizes.events)
    with tempfile.TemporaryDirectory() as scratch:
        store_dir = Path(scratch)
        with stage("demo data"):
            subprocess.run(
                [
                    PYTHON,
                    str(ROOT / "main.py"),
                    "--data-dir",
                    str(store_dir),
                    "demo-data",
                    "--consultations",
                    str(sizes.consultations),
                ],
                check=True,
                capture_output=True,
            )
        app, window, store = make_window(store_dir)
        with stage("steps"):
            step_transitions(window, app, sizes.steps)
        with stage("stalls"):
            stalls(window, app, store_dir)
        with stage("recording stalls"):
            record_stalls(app, window.state.library, store_dir, sizes.lock_seconds, sizes.tap_seconds)
        if args.slow_pc:  # memory does not depend on the processor: the normal run's figures
            print("  [memory: measured in the normal profile only]", flush=True)
        else:
            with stage("memory"):
                memory(window, app, sizes.taps, at_home)
        # Last: its windows and workers must not count in the memory figures above.
        with stage("first sound"):  # read-aloud, both engines (bench/first_sound.py)
            import first_sound

            for found in first_sound.figures(quick):
                add(found["name"], found["value_ms"], "ms", found["floor_ms"], found["target"])
        window.allow_close()
        window.close()
        store.close()
    results.write_text(
        json.dumps(
            {
                "machine": f"{platform.machine()} {os.cpu_count()} cores, {platform.platform()}",
                "python": platform.python_version(),
                "quick": quick,
                "profile": profile,
                "figures": rows,
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"written: {results.relative_to(ROOT)} ({time.perf_counter() - began:.0f} s)")
    if not args.no_review and not args.slow_pc:
        subprocess.run([PYTHON, str(ROOT / "bench" / "review.py"), "--quick"], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
