"""Crash-restart to home: `kiosk run` killed, its supervisor starts it again, home painted.

bench/run.py reports it beside its floor. The supervisor here stands in for systemd's
Restart=always with the appliance unit's RestartSec (packaging/linux/naruto-kiosk.service);
offscreen, without cage — tests/test_appliance.py measures the whole thing under cage.
The kill comes a second after home was painted, once the kiosk has settled.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "packaging" / "linux" / "naruto-kiosk.service"
SETTLE_S = 1.0
TIMEOUT_S = 60.0

# The floor: the bare program (one full-screen label) as a supervised program — it appends
# the time its label was painted to the file it is given, then runs until it is killed.
BARE_RUNNING = """
import sys, time
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("デジタル何でも相談室")
label.showFullScreen()
app.processEvents()
with open(sys.argv[1], "a") as out:
    out.write(f"{time.time()}\\n")
app.exec()
"""


def restart_sec(unit: Path = UNIT) -> float:
    """RestartSec= of the appliance's unit, in seconds ("500ms", "1s", "2")."""
    for line in unit.read_text(encoding="utf-8").splitlines():
        key, _, value = line.strip().partition("=")
        if key == "RestartSec":
            for suffix, scale in (("ms", 0.001), ("s", 1.0)):
                if value.endswith(suffix):
                    return float(value.removesuffix(suffix)) * scale
            return float(value)
    return 0.1  # systemd's default


class Supervisor:
    """Restart=always: run the command again `restart_sec` after it ends, until stopped."""

    def __init__(self, argv: list[str], env: dict[str, str], restart_sec: float) -> None:
        self.argv, self.env, self.restart_sec = argv, env, restart_sec
        self.process: subprocess.Popen[bytes] | None = None
        self._groups: list[int] = []
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> Supervisor:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stopped.set()
        # Each start is a session of its own: end what each left (a speech worker, say).
        for group in self._groups:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(group, signal.SIGKILL)
        self._thread.join(timeout=30)

    def _loop(self) -> None:
        while not self._stopped.is_set():
            self.process = subprocess.Popen(
                self.argv,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            self._groups.append(self.process.pid)
            self.process.wait()
            self._stopped.wait(self.restart_sec)

    def kill(self) -> float:
        """SIGKILL the running program; the time (time.time()) it was killed."""
        assert self.process is not None
        killed = time.time()
        os.kill(self.process.pid, signal.SIGKILL)
        return killed


def _wait_for(stamps: Callable[[], list[float]], count: int) -> float:
    """The `count`-th stamp, once there is one."""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        seen = stamps()
        if len(seen) >= count:
            return seen[count - 1]
        time.sleep(0.005)
    raise SystemExit(f"crash-restart: nothing came back within {TIMEOUT_S:.0f} s")


def measure(
    argv: list[str], env: dict[str, str], stamps: Callable[[], list[float]], kills: int
) -> list[float]:
    """Seconds from each kill to the program's next stamp (home painted), `kills` times."""
    times = []
    with Supervisor(argv, env, restart_sec()) as supervisor:
        _wait_for(stamps, 1)
        for kill in range(1, kills + 1):
            time.sleep(SETTLE_S)
            killed = supervisor.kill()
            times.append(_wait_for(stamps, kill + 1) - killed)
    return times


def bare_stamps(file: Path) -> Callable[[], list[float]]:
    def read() -> list[float]:
        return [float(line) for line in file.read_text().split()] if file.exists() else []

    return read
