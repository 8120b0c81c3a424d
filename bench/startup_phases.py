"""Where start-up time goes: `kiosk run` and the bare program, phase by phase.

    python bench/startup_phases.py [--runs N]

Each run is a fresh process (cold imports, compiled bytecode), doing what `kiosk run`
does up to its home screen painted, with a clock between the steps; the bare PySide6
program is timed the same way. Prints the median of each phase, side by side.
bench/run.py gives the total.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from run import PYTHON, compile_bytecode, offscreen_1080p  # noqa: E402

# Both programs print one JSON object: {phase: wall-clock seconds (time.time()) at its end}.
KIOSK = """
import time
marks = {"python started": time.time()}
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from PySide6.QtWidgets import QApplication
marks["Qt imported"] = time.time()
from kiosk.app import _start_qt, make_recorder, read_library, screens_store
from kiosk.settings import load_settings
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.speech_client import SpeechClient
marks["kiosk imported"] = time.time()
data = Path(sys.argv[1])
settings = load_settings(data)
marks["settings read"] = time.time()
app = _start_qt()
marks["application and fonts"] = time.time()
window = KioskWindow(
    lambda: read_library(settings),
    settings,
    lambda: make_recorder(data, settings, screens_store(data, settings)),
    speech=SpeechClient(settings.speech_engine),
    kiosk_mode=True,
    home_first=True,
)
marks["window built (the home alone)"] = time.time()
window.showFullScreen()
app.processEvents()
marks["shown and painted"] = time.time()
window.build_rest()
app.processEvents()
marks["records opened, lessons read, other screens built (ready)"] = time.time()
print(json.dumps(marks))
"""

BARE = """
import time
marks = {"python started": time.time()}
import json, sys
from PySide6.QtWidgets import QApplication, QLabel
marks["Qt imported"] = time.time()
app = QApplication([])
marks["application and fonts"] = time.time()
label = QLabel("デジタル何でも相談室")
marks["window built (the home alone)"] = time.time()
label.showFullScreen()
app.processEvents()
marks["shown and painted"] = time.time()
print(json.dumps(marks))
"""

PHASES = (
    "python started",
    "Qt imported",
    "kiosk imported",
    "settings read",
    "application and fonts",
    "window built (the home alone)",
    "shown and painted",
    "records opened, lessons read, other screens built (ready)",
)


def one_run(program: str, scratch: Path) -> dict[str, float]:
    """Milliseconds spent in each phase (a phase the program lacks counts 0)."""
    launched = time.time()
    done = subprocess.run(
        [PYTHON, "-c", program, str(scratch), str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
        env=offscreen_1080p(scratch),
    )
    marks = json.loads(done.stdout.strip().splitlines()[-1])
    spent: dict[str, float] = {}
    previous = launched
    for phase in PHASES:
        if phase in marks:
            spent[phase] = (marks[phase] - previous) * 1000
            previous = marks[phase]
        else:
            spent[phase] = 0.0
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    compile_bytecode()
    kiosk: list[dict[str, float]] = []
    bare: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as scratch:
        one_run(KIOSK, Path(scratch))  # the first start ever makes the records; mornings open them
        for _ in range(args.runs):
            kiosk.append(one_run(KIOSK, Path(scratch)))
            bare.append(one_run(BARE, Path(scratch)))
    print(f"{'phase (median of ' + str(args.runs) + ' runs, ms)':<62} {'kiosk':>8} {'bare':>8}")
    totals = [0.0, 0.0]
    for phase in PHASES:
        if phase == PHASES[-1]:
            print(f"{'home painted (sum of medians)':<62} {totals[0]:8.1f} {totals[1]:8.1f}")
        ours = statistics.median(run[phase] for run in kiosk)
        floor = statistics.median(run[phase] for run in bare)
        totals[0] += ours
        totals[1] += floor
        print(f"{'until ' + phase:<62} {ours:8.1f} {floor:8.1f}")
    print(f"{'sum of medians':<62} {totals[0]:8.1f} {totals[1]:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
