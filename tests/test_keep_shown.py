"""Kiosk mode keeps its window on the screen: under a real window manager (openbox on Xvfb) the
window comes back within 2 s after being minimised, unmapped, destroyed or taken out of full
screen, refuses a close request, and a lost display ends the kiosk non-zero for its supervisor."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk import last_run
from kiosk.paths import PROJECT_ROOT
from kiosk.records.events import EventKind
from kiosk.records.recorder import Recorder
from kiosk.records.store import RecordStore
from kiosk.ui.keep_shown import KeepShown, record_window_back
from kiosk.ui.screens.staff import StaffScreen

BACK_WITHIN_S = 2.0
TOOLS = ("Xvfb", "openbox", "xdotool", "wmctrl", "xwininfo", "xprop")


# ---- a real display with a real window manager ---------------------------------------------


def _free_display() -> int:
    # :71-:79 are this test's; a lock file means a server (perhaps another run's) holds it.
    for number in range(71, 80):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    pytest.fail("no free X display among :71-:79")


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Xvfb with openbox on it: (DISPLAY, the Xvfb process)."""
    said = tmp_path / "openbox.txt"
    for tool in TOOLS:
        assert shutil.which(tool), f"{tool} is installed by ./test.sh (see scripts/bootstrap.sh)"
    number = _free_display()
    display = f":{number}"
    env = {**os.environ, "DISPLAY": display}
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    manager: subprocess.Popen[bytes] | None = None
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 30
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert socket.exists(), "Xvfb did not start"
        deadline = time.monotonic() + 30
        while _x("wmctrl", "-m", display=display, check=False).returncode != 0:  # openbox is managing
            assert time.monotonic() < deadline, f"openbox did not start: {said.read_text()[-500:]}"
            if manager is None or manager.poll() is not None:  # (again: seen ending at once, silently)
                with said.open("a") as output:
                    manager = subprocess.Popen(["openbox"], env=env, stdout=output, stderr=output)
            time.sleep(0.1)
        yield display, server
    finally:
        for process in (manager, server):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=10)


def _x(*command: str, display: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=10,
        check=check,
    )


def _start_kiosk(display: str, data_dir: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, KIOSK_DATA_DIR=str(data_dir))
    kiosk = subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "run"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    log = data_dir / "logs" / "kiosk.log"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and kiosk.poll() is None:
        if log.exists() and "kiosk started" in log.read_text(encoding="utf-8"):
            return kiosk
        time.sleep(0.1)
    kiosk.kill()
    pytest.fail(f"kiosk did not start; stderr: {kiosk.communicate()[1][-800:]}")


def _shown(display: str, pid: int) -> str | None:
    """The kiosk's window when it is mapped and fills the screen, else None."""
    found = _x("xdotool", "search", "--onlyvisible", "--pid", str(pid), display=display, check=False)
    for window in found.stdout.split():
        info = _x("xwininfo", "-id", window, display=display, check=False).stdout
        if "IsViewable" in info and "Width: 1920" in info and "Height: 1080" in info:
            state = _x("xprop", "-id", window, "_NET_WM_STATE", display=display, check=False).stdout
            if "_NET_WM_STATE_FULLSCREEN" in state:  # as the window manager sees it
                return window
    return None


def _wait(condition: Callable[[], object], seconds: float) -> float | None:
    """Seconds until `condition()` held, or None if it did not within `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        time.sleep(0.02)
    return None


# What someone (or something) does to the window: (what is recorded, the command; {w} = the window).
TAKEN_AWAY = {
    "minimised": ("minimised", ("xdotool", "windowminimize", "{w}")),
    "unmapped": ("unmapped", ("xdotool", "windowunmap", "{w}")),
    # xdotool 3.2016's windowclose is XDestroyWindow: the window is gone, the process is not.
    "destroyed": ("unmapped", ("xdotool", "windowclose", "{w}")),
    "full screen left": ("not full screen", ("wmctrl", "-i", "-r", "{w}", "-b", "remove,fullscreen")),
}
CLOSE_REQUESTS = {
    "wmctrl -c": ("wmctrl", "-i", "-c", "{w}"),  # _NET_CLOSE_WINDOW: openbox sends WM_DELETE_WINDOW
    "alt+F4": ("xdotool", "key", "--window", "{w}", "alt+F4"),
}


@pytest.mark.slow
@pytest.mark.linux
def test_the_kiosk_window_comes_back_and_refuses_to_close(desktop, tmp_path: Path) -> None:
    display, _server = desktop
    (tmp_path / last_run.MARKER_FILE).write_text("4242\n")  # the last run was killed
    kiosk = _start_kiosk(display, tmp_path)  # ... and this one starts as usual
    assert "the last run ended abnormally" in (tmp_path / last_run.LOG_FILE).read_text(encoding="utf-8")
    times: dict[str, float] = {}
    try:
        assert _wait(lambda: _shown(display, kiosk.pid), 10) is not None, "full screen at start"
        for what, (_why, command) in TAKEN_AWAY.items():
            window = _shown(display, kiosk.pid)
            assert window, f"shown before {what}"
            began = time.monotonic()
            _x(*(part.format(w=window) for part in command), display=display)
            assert _wait(lambda: _shown(display, kiosk.pid) is None, 1.0) is not None, f"{what}: still shown"
            back = _wait(lambda: _shown(display, kiosk.pid) is not None, 5.0)
            assert back is not None, (
                f"{what}: not back; log: {last_run.read_tail(tmp_path / last_run.LOG_FILE)}"
            )
            times[what] = time.monotonic() - began
            assert times[what] < BACK_WITHIN_S, f"{what}: back after {times[what]:.2f} s"
            time.sleep(0.6)  # let the kiosk see it is back before the next one
        for what, command in CLOSE_REQUESTS.items():
            window = _shown(display, kiosk.pid)
            assert window
            _x(*(part.format(w=window) for part in command), display=display)
            # A citizen cannot close the kiosk: the window stays, the kiosk runs.
            assert _wait(lambda: _shown(display, kiosk.pid) is None, 2.0) is None, f"{what}: went away"
            assert kiosk.poll() is None, f"{what}: kiosk ended"
    finally:
        if kiosk.poll() is None:
            kiosk.send_signal(signal.SIGTERM)
        _, err = kiosk.communicate(timeout=30)
    print("back after:", {what: f"{seconds:.2f} s" for what, seconds in times.items()})
    assert kiosk.returncode == 0, err
    assert "Traceback" not in err
    assert not (tmp_path / last_run.MARKER_FILE).exists(), "a clean stop removes the running marker"
    store = RecordStore(tmp_path / "records.sqlite3", kiosk_id="test")
    try:
        audit = [(row["action"], row["actor"], row["detail"]) for row in store.audit_log()]
    finally:
        store.close()
    # No one was at the kiosk: audit lines, no consultation; and none for the clean stop's hide.
    assert audit == [(str(EventKind.WINDOW_RESTORED), "kiosk", why) for why, _ in TAKEN_AWAY.values()], (
        last_run.read_tail(tmp_path / last_run.LOG_FILE)
    )


@pytest.mark.slow
@pytest.mark.linux
def test_a_lost_display_ends_the_kiosk_non_zero_and_is_told_next_time(desktop, tmp_path: Path) -> None:
    display, server = desktop
    kiosk = _start_kiosk(display, tmp_path)
    # Lost while it runs, not while it starts (seen once in a full run on a busy machine).
    assert _wait(lambda: _shown(display, kiosk.pid), 30) is not None, "shown before the display goes"
    server.terminate()
    try:
        kiosk.wait(timeout=10)
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
    _, err = kiosk.communicate()
    assert kiosk.returncode not in (0, None), "the supervisor restarts only a failed kiosk"
    assert "Traceback" not in err
    # Not a clean stop: the next start finds the marker and staff mode tells of it.
    previous = last_run.previous(tmp_path)
    assert previous is not None
    assert previous.notice().startswith("前回は 異常終了しました（")
    # Whichever comes first: Qt's reader thread ends the process at once (exit 1, its warning
    # routed to the log), or the event loop returns and the kiosk says so itself.
    said = ("the kiosk lost its display", "X11 connection broke")
    assert any(words in line for line in previous.log_tail for words in said), previous.log_tail


# ---- the parts, offscreen -------------------------------------------------------------------


def test_an_abnormal_end_is_shown_in_staff_mode_with_the_log(qtbot, tmp_path: Path) -> None:
    (tmp_path / "logs").mkdir()
    lines = [f"2026-12-01 14:0{i},000 INFO kiosk: line {i}" for i in range(20)]
    (tmp_path / "logs" / "kiosk.log").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert last_run.previous(tmp_path) is None, "no marker: nothing to tell"
    last_run.begin(tmp_path)
    marker = tmp_path / last_run.MARKER_FILE
    when = time.mktime((2026, 12, 1, 14, 9, 30, 0, 0, -1))
    os.utime(marker, (when, when))  # last alive then; then the power went

    previous = last_run.previous(tmp_path)
    assert previous is not None
    assert previous.notice() == "前回は 異常終了しました（2026-12-01 14:09 ごろ）"
    assert previous.log_tail == tuple(lines[-last_run.TAIL_LINES :])
    staff = StaffScreen()
    qtbot.addWidget(staff)
    assert not staff.last_end.isVisibleTo(staff), "said only after an abnormal end"
    staff.show_abnormal_end(previous.notice(), previous.log_tail)
    assert staff.last_end.isVisibleTo(staff)
    assert "前回は 異常終了しました（2026-12-01 14:09 ごろ）" in staff.last_end.text()
    assert lines[-1] in staff.last_end.text()

    last_run.begin(tmp_path)  # the next run, stopped cleanly
    last_run.end(tmp_path)
    assert last_run.previous(tmp_path) is None


def test_window_back_is_an_event_of_the_consultation_under_way(store: RecordStore) -> None:
    recorder = Recorder(store)
    record_window_back(recorder, "minimised")  # nobody there: an audit line, no consultation
    assert store.consultations() == []
    assert [(a["action"], a["actor"], a["detail"]) for a in store.audit_log()] == [
        ("window_restored", "kiosk", "minimised")
    ]
    recorder.begin()
    record_window_back(recorder, "unmapped")
    recorder.flush()
    assert [(e["kind"], e["detail"]) for e in store.events()] == [("window_restored", "unmapped")]


def test_a_window_that_will_not_come_back_gives_up(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    class Stubborn(QWidget):
        def showFullScreen(self) -> None:  # a window manager that keeps it minimised
            self.showMinimized()

        def raise_(self) -> None:
            pass  # the offscreen platform cannot (and says so)

    window = Stubborn()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    keep = KeepShown(window, check_ms=10, settle_ms=0, give_up_ms=100)
    keep.check()  # seen on the screen
    window.showMinimized()
    with qtbot.waitSignal(keep.went_away) as went:
        keep.start()
    assert went.args == ["minimised"]
    with qtbot.waitSignal(keep.gave_up, timeout=2000):
        pass
