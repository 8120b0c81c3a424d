"""Faults: locked, read-only, full disk, corrupt. The kiosk keeps teaching; nothing is lost once the fault clears."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kiosk.app import open_records
from kiosk.content.lessons import Category
from kiosk.records.recorder import Recorder
from kiosk.records.store import RecordStore, RecordsUnavailable
from kiosk.settings import Settings
from kiosk.ui.main_window import KioskWindow
from tests.helpers.cli import kiosk, start_kiosk

pytestmark = pytest.mark.slow  # full disks, mounts and locks, mostly in kiosk processes

EXPECTED = [
    ("lesson_started", None),
    ("step_shown", 1),
    ("step_shown", 2),
    ("step_shown", 3),
    ("dont_understand", 3),
    ("staff_called", None),
]


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


@contextmanager
def read_only_bind(path: Path) -> Iterator[None]:
    """A real read-only view of `path` (tests run as root, where chmod stops nothing)."""
    _mount("--bind", str(path), str(path))
    try:
        _mount("-o", "remount,bind,ro", str(path))
        yield
    finally:
        subprocess.run(["umount", str(path)], check=True)


def use_the_kiosk(window: KioskWindow) -> str:
    """What a person does: a lesson, three steps, 「わからない」, 係員を呼ぶ, はじめに戻る."""
    window.screens.home.start_button.click()
    consultation = window.state.recorder.consultation_id
    assert consultation
    window.screens.menu.buttons[Category.BASICS].click()
    window.screens.lesson_list.slots[0].click()
    window.screens.player.go_next()
    window.screens.player.go_next()
    window.screens.player.help_button.click()
    window.screens.player.help_card.staff_button.click()
    assert window.screens.call_staff.isVisible(), "the kiosk went on"
    window.screens.call_staff.back_button.click()
    window.top_bar.home_button.click()
    assert window.current() is window.screens.home
    return consultation


def assert_all_recorded(store: RecordStore, consultation: str) -> None:
    events = store.events(consultation)
    assert [(e["kind"], e["step"]) for e in events] == EXPECTED
    assert [e["seq"] for e in events] == list(range(1, len(EXPECTED) + 1))
    rows = [c for c in store.consultations() if c["id"] == consultation]
    assert len(rows) == 1 and rows[0]["end_reason"] == "home"


def _window(qtbot, library, recorder: Recorder) -> KioskWindow:  # type: ignore[no-untyped-def]
    window = KioskWindow(library, Settings(), recorder, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.allow_close()
    window.resize(1920, 1080)
    window.show()
    return window


# ---- faults while the kiosk runs ---------------------------------------------------------

Fault = Callable[[RecordStore], Callable[[], None]]


def locked(store: RecordStore) -> Callable[[], None]:
    other = sqlite3.connect(store.path)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock

    def clear() -> None:
        other.rollback()
        other.close()

    return clear


def read_only(store: RecordStore) -> Callable[[], None]:
    store.db.conn.execute("PRAGMA query_only = ON")  # SQLite refuses every write
    return lambda: store.db.conn.execute("PRAGMA query_only = OFF")


@pytest.mark.linux
@pytest.mark.parametrize("fault", [locked, read_only], ids=["locked", "read-only"])
def test_fault_while_running(qtbot, fonts, library, tmp_path, caplog, fault: Fault) -> None:
    store = RecordStore(tmp_path / "records.sqlite3", kiosk_id="k", busy_timeout_ms=50)
    window = _window(qtbot, library, Recorder(store))
    clear = fault(store)
    consultation = use_the_kiosk(window)
    assert not window.state.recorder.health.writing
    assert window.state.recorder.pending == len(EXPECTED) + 2  # start, events, end
    assert window.state.recorder.retry() is False, "still failing"
    assert any("records cannot be written" in r.message for r in caplog.records), "staff see it in the log"
    clear()
    assert window.state.recorder.retry() is True
    assert window.state.recorder.health.writing
    assert any("records are being written again" in r.message for r in caplog.records)
    assert_all_recorded(store, consultation)
    store.close()


@pytest.mark.linux
def test_full_disk_while_running(qtbot, fonts, library, tmp_path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk))
    store = RecordStore(disk / "records.sqlite3", kiosk_id="k")
    try:
        window = _window(qtbot, library, Recorder(store))
        filler = disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:  # fill the disk to the last byte
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        consultation = use_the_kiosk(window)
        assert not window.state.recorder.health.writing
        assert "full" in window.state.recorder.health.problem
        filler.unlink()
        assert window.state.recorder.retry() is True
        assert_all_recorded(store, consultation)
    finally:
        store.close()
        subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.linux
def test_staff_commands_on_a_full_disk_say_one_line(tmp_path) -> None:
    """Before: `kiosk demo-data` on a full disk printed sqlite3's traceback."""
    disk = tmp_path / "disk"
    disk.mkdir()
    _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk))
    try:
        filled = kiosk("demo-data", "--consultations", "5000", data_dir=disk)
        assert filled.returncode == 1, filled.stdout
        assert "Traceback" not in filled.stderr and len(filled.stderr.strip().splitlines()) == 1
        assert "full" in filled.stderr
        for command in (["bundle", str(disk / "out.bundle")], ["export", "csv", str(disk / "out.csv")]):
            done = kiosk(*command, data_dir=disk)
            assert done.returncode != 0 and "Traceback" not in done.stderr, (command, done.stderr)
    finally:
        subprocess.run(["umount", str(disk)], check=True)


# ---- faults when the kiosk starts ----------------------------------------------------------


@pytest.mark.linux
def test_the_kiosk_starts_on_a_full_disk(tmp_path) -> None:
    """Before: 「データフォルダに書き込めません」 and no kiosk at all. A full disk is no reason
    not to teach: it starts, and what happens waits in memory (staff mode says the disk is full)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk))
    try:
        with (disk / "filler").open("wb") as filler, contextlib.suppress(OSError):
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        process = start_kiosk("run", "--windowed", data_dir=disk)
        try:
            with pytest.raises(subprocess.TimeoutExpired):
                process.wait(timeout=8)  # still running: it started
        finally:
            process.terminate()
            _, errors = process.communicate(timeout=30)
        assert process.returncode == 0, errors
        assert "Traceback" not in errors and "書き込めません" not in errors
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.linux
@pytest.mark.parametrize("what", ["folder", "file"])
def test_read_only_at_start(qtbot, fonts, library, tmp_path, what: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    settings = Settings()
    open_records(data, settings).close()  # an existing database
    target = data if what == "folder" else data / "records.sqlite3"
    with read_only_bind(target):
        with pytest.raises(RecordsUnavailable):
            open_records(data, settings)
        recorder = Recorder(None, reopen=lambda: open_records(data, settings))
        window = _window(qtbot, library, recorder)
        consultation = use_the_kiosk(window)
        assert recorder.retry() is False
        assert recorder.pending == len(EXPECTED) + 2
    assert recorder.retry() is True
    assert recorder.store is not None
    assert_all_recorded(recorder.store, consultation)
    recorder.store.close()


def test_corrupt_file_is_kept_aside_and_a_new_one_started(qtbot, fonts, library, tmp_path, caplog) -> None:
    garbage = b"not a database " * 500
    (tmp_path / "records.sqlite3").write_bytes(garbage)
    store = open_records(tmp_path, Settings())
    kept = list(tmp_path.glob("records.sqlite3.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == garbage
    assert any("corrupt" in r.message and "kept as" in r.message for r in caplog.records)
    window = _window(qtbot, library, Recorder(store))
    consultation = use_the_kiosk(window)
    assert_all_recorded(store, consultation)
    store.close()


def test_buffer_is_bounded_and_keeps_the_oldest(tmp_path) -> None:
    from kiosk.records.events import EventKind

    store = RecordStore(tmp_path / "records.sqlite3", kiosk_id="k")
    recorder = Recorder(store, max_pending=5)
    store.db.conn.execute("PRAGMA query_only = ON")
    for step in range(1, 11):
        recorder.record(EventKind.STEP_SHOWN, lesson_id="power-on", step=step)
    recorder.end("home")
    assert recorder.health.lost == 6  # start + 4 events fill the buffer; the end is always kept
    store.db.conn.execute("PRAGMA query_only = OFF")
    assert recorder.retry()
    assert [e["step"] for e in store.events()] == [1, 2, 3, 4]
    assert store.consultations()[0]["end_reason"] == "home"
    store.close()
