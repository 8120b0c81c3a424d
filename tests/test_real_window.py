"""The start command on a real X11 display (Xvfb): the window opens, full screen, and stops cleanly."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow  # Xvfb and a kiosk process for each window mode


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is installed by ./test.sh (Debian package xvfb)"
    number = 90 + os.getpid() % 50
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 20
    while not socket.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert socket.exists(), "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def _start(display: str, data_dir: Path, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, KIOSK_DATA_DIR=str(data_dir))
    return subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "run", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _wait_for_log(data_dir: Path, text: str, process: subprocess.Popen[str]) -> str:
    log = data_dir / "logs" / "kiosk.log"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if log.exists() and text in log.read_text(encoding="utf-8"):
            return log.read_text(encoding="utf-8")
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    _, err = process.communicate()
    pytest.fail(f"kiosk did not report {text!r}; stderr: {err[-800:]}")


@pytest.mark.linux
@pytest.mark.parametrize(
    ("args", "shown"), [((), "full screen 1920x1080"), (("--windowed",), "windowed 1600x900")]
)
def test_kiosk_opens_on_a_real_display_and_stops_on_sigterm(display, tmp_path, args, shown) -> None:
    kiosk = _start(display, tmp_path, *args)
    try:
        log = _wait_for_log(tmp_path, "kiosk started", kiosk)
        assert re.search(
            rf"kiosk started: {shown}, \d+ lessons, home painted \d+\.\d\d s after start, ready \d+\.\d\d s",
            log,
        )
        assert log.index("kiosk home painted") < log.index("kiosk started"), "the home first, then the rest"
        assert "lesson problem" not in log
        assert kiosk.poll() is None, "still running"
    finally:
        if kiosk.poll() is None:
            kiosk.send_signal(signal.SIGTERM)
        _, err = kiosk.communicate(timeout=30)
    assert kiosk.returncode == 0, err
    assert "Traceback" not in err
    assert (tmp_path / "records.sqlite3").is_file()
