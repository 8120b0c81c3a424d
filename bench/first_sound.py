"""Time to first sound for read-aloud: the tap on 「よみあげ」 to the first samples handed to ALSA.

    python bench/first_sound.py [--quick]

For each engine (espeak-ng through pyttsx3, Open JTalk) the kiosk window is built with its
speech client, a lesson step is shown and 「よみあげ」 is clicked. The clock starts just
before the click and stops when `aplay` — the kiosk's real player, playing to ALSA's null
device when the machine has no sound card — makes its first `snd_pcm_writei` call: a
small library preloaded into aplay (compiled here with `cc`) writes a CLOCK_MONOTONIC
timestamp then. Without a C compiler a stand-in reading stdin stamps its first bytes
instead (said in the output; it starts slower than aplay).

- first tap after start: the kiosk starts its worker 2 s after the home is painted, so
  the first tap finds it loaded (the bench starts it and waits for it, then taps);
- within 2 s of start: the tap comes before that worker exists (it starts then);
- warm: the worker already running (median of runs), each after the previous one ended;
- right after 「とめる」: stopping ends the worker process; a tap at once waits for a new one;
- a moment after 「とめる」: the new worker the kiosk starts 1.5 s after a stop has loaded;
- floor: the engine alone, in this process or its own command, handing the same first
  piece to the same player: `espeak-ng --stdout KANA | aplay` for espeak-ng, pyopenjtalk
  synthesis of the kiosk's first piece written to aplay for Open JTalk (median of runs).

Open JTalk also gets a figure for its first voiced sample (first samples + the silence
the voice begins with), which is what the person hears first.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET = "≤ 150 ms (≤ 400 ms slow PC)"
ENGINES = {"pyttsx3": "espeak-ng (pyttsx3)", "openjtalk": "Open JTalk"}
LESSON = "power-on"

# Preloaded into aplay: stamps its first snd_pcm_writei (samples handed to the device).
SHIM = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

typedef long (*writei_t)(void *, const void *, unsigned long);
static int stamped;

long snd_pcm_writei(void *pcm, const void *buffer, unsigned long frames) {
    static writei_t real;
    if (!real) real = (writei_t)dlsym(RTLD_NEXT, "snd_pcm_writei");
    if (!stamped && frames > 0) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        stamped = 1;
        const char *path = getenv("FIRST_SOUND_STAMPS");
        if (path) {
            char line[64];
            int n = snprintf(line, sizeof line, "%ld.%09ld\n", (long)now.tv_sec, now.tv_nsec);
            int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
            if (fd >= 0) { if (write(fd, line, n) < 0) {} close(fd); }
        }
    }
    return real(pcm, buffer, frames);
}
"""
# Without a compiler: stamps the first bytes on stdin, then drains it.
STAND_IN = """
import os, sys, time
first = None
while os.read(0, 1 << 16):
    if first is None:
        first = time.monotonic()
        with open(os.environ["FIRST_SOUND_STAMPS"], "a") as out:
            out.write(f"{first}\\n")
"""


class Stamps:
    """The player's first-sample timestamps, one line per utterance."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.write_text("")

    def count(self) -> int:
        return len(self.path.read_text().split())

    def last(self) -> float:
        return float(self.path.read_text().split()[-1])


RAW = ["-q", "-t", "raw", "-f", "S16_LE", "-c", "1", "-r", "{rate}", "-"]  # the kiosk's aplay arguments


def _player(scratch: Path, stamps: Stamps) -> tuple[list[str], list[str], str]:
    """The player (program with its environment), the arguments that make it read the kiosk's
    raw PCM ({rate}: the sample rate), and how it stamps."""
    aplay = shutil.which("aplay")
    cc = shutil.which("cc") or shutil.which("gcc")
    env = ["env", f"FIRST_SOUND_STAMPS={stamps.path}"]
    if aplay and cc:
        (scratch / "stamp.c").write_text(SHIM)
        shim = scratch / "stamp.so"
        built = subprocess.run(
            [cc, "-O2", "-shared", "-fPIC", "-o", str(shim), str(scratch / "stamp.c"), "-ldl"],
            capture_output=True,
            text=True,
            check=False,
        )
        if built.returncode == 0:
            return [*env, f"LD_PRELOAD={shim}", aplay], RAW, "aplay's first snd_pcm_writei"
    (scratch / "stand_in.py").write_text(STAND_IN)
    stand_in = [*env, sys.executable, "-I", "-S", str(scratch / "stand_in.py")]
    return stand_in, [], "a stand-in's first bytes on stdin (it starts slower than aplay)"


@contextlib.contextmanager
def _environment(changes: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _null_sound(scratch: Path) -> dict[str, str]:
    """No sound card: ALSA's default device is its null device (not paced like a card)."""
    from kiosk.speech.worker import audio_device_problem

    if audio_device_problem() is None:
        return {}
    home = scratch / "home"
    home.mkdir(exist_ok=True)
    (home / ".asoundrc").write_text("pcm.!default { type null }\n")
    return {"HOME": str(home)}


def _wait(app: Any, done: Callable[[], bool], timeout_s: float = 120.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.001)
    return True


def _window(store_dir: Path, speech: Any) -> tuple[Any, Any]:
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from kiosk.content.library import load_library
    from kiosk.drawing.fonts import load_fonts
    from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR
    from kiosk.records.recorder import Recorder
    from kiosk.records.store import RecordStore
    from kiosk.settings import Settings
    from kiosk.ui.main_window import KioskWindow

    def quiet(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:  # offscreen has no window manager: not news
            print(f"  qt: {message}", file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication.instance() or QApplication([])
    load_fonts(app)  # type: ignore[arg-type]
    recorder = Recorder(RecordStore(store_dir / "records.sqlite3", kiosk_id="bench"))
    library = load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR)
    window = KioskWindow(library, Settings(), recorder, speech=speech, idle_ms=3_600_000)
    window.resize(1920, 1080)
    window.show()
    window.screens.home.start_button.click()
    window.lessons.open_lesson(LESSON)
    window.screens.device_card.choices[""].click()  # 「わからない」: the step itself is shown
    app.processEvents()
    return app, window


def kiosk_figures(engine: str, runs: int, scratch: Path, stamps: Stamps) -> dict[str, Any]:
    """Tap to first samples: cold, warm (median), after a stop; and the text read."""
    from kiosk.ui.speech_client import SpeechClient

    speech = SpeechClient(engine, start_timeout_ms=600_000, hang_base_ms=600_000)
    events: list[dict[str, Any]] = []
    speech.worker_event.connect(events.append)
    app, window = _window(scratch, speech)
    button = window.top_bar.read_button

    def tap(then_stop: bool = False) -> float:
        before = stamps.count()
        began = time.monotonic()
        button.click()
        if not _wait(app, lambda: stamps.count() > before or not speech.available):
            raise RuntimeError(f"{engine}: no sound within 120 s")
        if not speech.available:
            raise RuntimeError(f"{engine}: {speech.reason}")
        first = (stamps.last() - began) * 1000
        if then_stop:
            button.click()  # 「とめる」
        elif not _wait(app, lambda: speech.speaking is None):
            raise RuntimeError(f"{engine}: did not finish")
        return first

    def readied() -> int:
        return sum(e.get("event") == "ready" for e in events)

    def tap_when_ready(start: Callable[[], None]) -> float:
        """`start` ends or starts a worker; the tap comes once its successor has loaded."""
        before = readied()
        start()
        if not _wait(app, lambda: readied() > before):
            raise RuntimeError(f"{engine}: no worker started ahead within 120 s")
        return tap()

    cold = tap()
    warm = statistics.median(tap() for _ in range(runs))
    after_stop, after_stop_later = [], []
    for _ in range(max(1, runs // 2)):
        tap(then_stop=True)
        after_stop.append(tap())
        after_stop_later.append(tap_when_ready(lambda: tap(then_stop=True) and None))
    speech.shutdown()
    ahead = tap_when_ready(speech.prepare)  # as the kiosk does 2 s after its home is painted
    fed = next(e["fed"] for e in events if e.get("event") == "started")
    speech.shutdown()
    window.allow_close()
    window.close()
    return {
        "cold": cold,
        "ahead": ahead,
        "warm": warm,
        "after_stop": statistics.median(after_stop),
        "after_stop_later": statistics.median(after_stop_later),
        "fed": fed,
    }


def floor_espeak(kana: str, runs: int, player: list[str], stamps: Stamps) -> float:
    """`espeak-ng --stdout KANA | aplay` (a WAV on stdout: aplay reads its header)."""
    from kiosk.speech.engines import Pyttsx3Engine
    from kiosk.speech.playback import sentences

    first = sentences(kana)[0]
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        raise RuntimeError("espeak-ng not found")
    times = []
    for _ in range(runs):
        before = stamps.count()
        began = time.monotonic()
        synth = subprocess.Popen(
            [espeak, "-v", "ja", "-s", str(Pyttsx3Engine.WORDS_PER_MINUTE["normal"]), "--stdout", first],
            stdout=subprocess.PIPE,
        )
        play = subprocess.Popen([*player, "-q"], stdin=synth.stdout)
        assert synth.stdout is not None
        synth.stdout.close()
        play.wait()
        synth.wait()
        if stamps.count() == before:
            raise RuntimeError("the espeak-ng floor played nothing")
        times.append((stamps.last() - began) * 1000)
    return statistics.median(times)


def floor_openjtalk(text: str, runs: int, stamps: Stamps) -> tuple[float, float]:
    """pyopenjtalk.tts of the kiosk's first piece, written to the player started beside it.

    Also: the silence the kiosk's first piece begins with (ms), for the first voiced sample.
    """
    import numpy

    from kiosk.speech.engines import OpenJTalkEngine
    from kiosk.speech.playback import PipePlayer, sentences
    from kiosk.speech.readings import _analyzer

    jtalk = _analyzer()
    first = sentences(text)[0]
    jtalk.tts(first)  # loaded and warm, as in a running worker
    times = []
    for _ in range(runs):
        before = stamps.count()
        began = time.monotonic()
        player = PipePlayer(OpenJTalkEngine.SAMPLE_RATE)
        samples, _rate = jtalk.tts(first)
        player.write(samples.clip(-32768, 32767).astype("<i2").tobytes())
        player.finish()
        if stamps.count() == before:
            raise RuntimeError("the Open JTalk floor played nothing")
        times.append((stamps.last() - began) * 1000)
    engine = OpenJTalkEngine()
    pcm = numpy.frombuffer(engine.piece(first, first=True, rate="normal", volume=1.0), "<i2")
    loud = (abs(pcm.astype("i4")) > engine.SILENT).nonzero()[0]
    return statistics.median(times), (int(loud[0]) if len(loud) else 0) / engine.SAMPLE_RATE * 1000


def figures(quick: bool) -> list[dict[str, Any]]:
    """Rows {name, value_ms, floor_ms, target} for each engine: cold, warm, after a stop."""
    runs = 3 if quick else 10
    rows: list[dict[str, Any]] = []

    def row(name: str, value: float, floor: float | None, target: str = TARGET) -> None:
        rows.append(
            {
                "name": name,
                "value_ms": round(value, 1),
                "floor_ms": None if floor is None else round(floor, 1),
                "target": target,
            }
        )

    with tempfile.TemporaryDirectory(prefix="first-sound-") as folder:
        scratch = Path(folder)
        stamps = Stamps(scratch / "stamps")
        player, raw, how = _player(scratch, stamps)
        print(f"  (first sound: {how})", flush=True)
        changes = {"KIOSK_SPEECH_PLAYER": shlex.join([*player, *raw]), **_null_sound(scratch)}
        with _environment(changes):
            for engine, label in ENGINES.items():
                (scratch / engine).mkdir()
                got = kiosk_figures(engine, runs, scratch / engine, stamps)
                if engine == "pyttsx3":
                    floor = floor_espeak(got["fed"], runs, player, stamps)
                    voiced = None
                else:
                    floor, lead_ms = floor_openjtalk(got["fed"], runs, stamps)
                    voiced = got["warm"] + lead_ms
                row(f"first sound, {label}, warm", got["warm"], floor)
                if voiced is not None:
                    row(f"first voice heard, {label}, warm", voiced, None, "(first sound + lead-in)")
                row(f"first sound, {label}, first tap after start", got["ahead"], floor)
                row(f"first sound, {label}, a moment after 「とめる」", got["after_stop_later"], floor)
                row(f"first sound, {label}, right after 「とめる」 (worker starts)", got["after_stop"], floor)
                row(f"first sound, {label}, within 2 s of start (worker starts)", got["cold"], floor)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="3 runs of each, not 10")
    args = parser.parse_args()
    for found in figures(args.quick):
        floor = found["floor_ms"]
        beside = f"floor {floor:7.1f} ms {found['value_ms'] / floor:5.2f}×" if floor else " " * 24
        print(f"{found['name']:<52} {found['value_ms']:8.1f} ms  {beside}  target {found['target']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
