"""The running kiosk's records go through one writer thread: the screen never waits on the
database, and nothing is lost or reordered while another program holds it, or while every
commit is slow. Several kiosk programs on one database close only what a dead one left open."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

import pytest

from kiosk.app import make_recorder, open_for_screens, open_records
from kiosk.datadir import DATABASE_FILE
from kiosk.records.accounts import Account, Role
from kiosk.records.instances import Instance
from kiosk.records.recorder import Recorder
from kiosk.records.store import RecordStore
from kiosk.settings import Settings
from tests.test_records_faults import EXPECTED, _window, assert_all_recorded, use_the_kiosk

HOLD_LOCK = textwrap.dedent(
    """
    import sqlite3, sys
    other = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
    other.execute("BEGIN EXCLUSIVE")  # in WAL: no other program can write until we let go
    print("locked", flush=True)
    sys.stdin.read()  # held until the test closes our stdin
    """
)


def _running_recorder(data: Path, library: Any, settings: Settings) -> Recorder:
    return make_recorder(data, settings, open_for_screens(data, settings))


@pytest.mark.slow
@pytest.mark.posix
def test_a_program_holding_the_database_never_freezes_the_screen(qtbot, fonts, library, tmp_path) -> None:
    """Before: every tap's commit ran on the screen's thread, and while another program held
    the database the screen froze ~5 s every 5 s. Now the taps go on, their writes wait on the
    writer thread, and all of them are written, in order, once the lock is let go."""
    settings = Settings(kiosk_id="hall")
    recorder = _running_recorder(tmp_path, library, settings)
    assert recorder.written(timeout=30), "the writer opened the database"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path / DATABASE_FILE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        window = _window(qtbot, library, recorder)
        consultation = use_the_kiosk(window)
        qtbot.waitUntil(lambda: not recorder.health.writing, timeout=30_000)
        assert recorder.pending == len(EXPECTED) + 2, "start, events and end all wait"
        assert recorder.health.problem
        window.state.helper = Account("staff-1", Role.STAFF, True, "", None)  # as after a sign-in
        window.desk.open_staff()
        warning = window.screens.staff.records_state
        assert warning.isVisible() and "記録を 書けていません。8 件を" in warning.text(), "staff see it"
    finally:
        holder.communicate(timeout=30)  # closes its stdin: the lock is let go
    assert recorder.written(timeout=60)
    assert recorder.health.writing and recorder.health.lost == 0
    window.desk.open_staff()
    assert not window.screens.staff.records_state.isVisible()
    window.close()
    check = RecordStore(tmp_path / DATABASE_FILE, kiosk_id="hall")
    assert_all_recorded(check, consultation)
    check.close()


class SlowCommits(RecordStore):
    """A test double for a slow disk: every commit takes 50 ms more; it notes the thread."""

    threads: ClassVar[set[str]] = set()

    def writing(self, action: str):  # type: ignore[no-untyped-def,override]
        SlowCommits.threads.add(threading.current_thread().name)
        time.sleep(0.05)
        return super().writing(action)


def test_slow_commits_are_written_by_the_writer_thread_in_order(qtbot, fonts, library, tmp_path) -> None:
    """Before: each write ran on the screen's thread (MainThread), so a 50 ms fsync was a
    50 ms freeze per tap. Now every write, audits and close-outs too, runs on the writer."""
    settings = Settings(kiosk_id="hall")
    SlowCommits.threads = set()
    recorder = Recorder(
        open_for_screens(tmp_path, settings),
        writer=lambda: SlowCommits(tmp_path / DATABASE_FILE, kiosk_id="hall"),
    )
    window = _window(qtbot, library, recorder)
    consultation = use_the_kiosk(window)
    recorder.audit("review", "opened", actor="staff-1")
    assert recorder.pending > 0, "the taps did not wait for the slow commits"
    assert recorder.written(timeout=60)
    assert SlowCommits.threads == {"records-writer"}
    window.close()
    check = RecordStore(tmp_path / DATABASE_FILE, kiosk_id="hall")
    assert_all_recorded(check, consultation)
    assert [row["action"] for row in check.audit_log()] == ["review"]
    check.close()


KIOSK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kiosk.app import Services, make_recorder, open_for_screens
    from kiosk.records.events import EventKind
    from kiosk.settings import Settings

    data, kiosk_id = Path(sys.argv[1]), sys.argv[2]
    settings = Settings(kiosk_id=kiosk_id)
    recorder = make_recorder(data, settings, open_for_screens(data, settings))
    recorder.begin()
    recorder.record(EventKind.STAFF_CALLED)
    assert recorder.written(timeout=30)
    print(recorder.consultation_id, flush=True)
    sys.stdin.read()  # a person is at this kiosk until the test closes our stdin
    recorder.end("home")
    recorder.close()
    """
)


def _start(data: Path, kiosk_id: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-c", KIOSK, str(data), kiosk_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def test_three_kiosks_on_one_database_close_only_what_a_dead_one_left_open(tmp_path, caplog) -> None:
    """Before: a starting kiosk closed as 中断 every open consultation of its kiosk_id — also
    one a second program with the same kiosk_id was writing (its real end then dropped) —
    and said nothing about the second program."""
    hall, hall_id = _start(tmp_path, "hall")  # running, a person at it
    library_kiosk, library_id = _start(tmp_path, "library")  # another kiosk, running
    crashed, crashed_id = _start(tmp_path, "hall")  # the same kiosk_id, then killed
    crashed.kill()
    crashed.communicate(timeout=30)
    settings = Settings(kiosk_id="hall")
    me = Instance(tmp_path / DATABASE_FILE, "hall")
    with caplog.at_level(logging.WARNING, logger="kiosk.records"):
        others = me.hold()
        store = open_records(tmp_path, settings, me.id)
    ends = {row["id"]: row["end_reason"] for row in store.consultations()}
    assert ends == {hall_id: None, library_id: None, crashed_id: "interrupted"}
    assert len(others) == 1 and others[0] in caplog.text, "the second hall program is named"
    for process in (hall, library_kiosk):
        process.communicate(timeout=30)  # the person leaves: the consultation ends
        assert process.returncode == 0
    ends = {row["id"]: row["end_reason"] for row in store.consultations()}
    assert ends == {hall_id: "home", library_id: "home", crashed_id: "interrupted"}, "real ends kept"
    store.close()
    me.release()


def test_a_store_that_fails_at_once_is_reported_not_crashed(monkeypatch) -> None:
    """A full disk at start: the writer thread's first report came before the recorder had
    kept its writer, and the thread died on an AssertionError (seen on a busy machine in
    test_the_kiosk_starts_on_a_full_disk). The thread now starts once the recorder holds it."""
    from kiosk.records.store import RecordsUnavailable

    crashed: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: crashed.append(args.exc_value))

    def full_disk() -> RecordStore:
        raise RecordsUnavailable("database or disk is full")

    for _ in range(50):
        recorder = Recorder(None, writer=full_disk)
        deadline = time.monotonic() + 5
        while recorder.health.writing and time.monotonic() < deadline:
            time.sleep(0.001)
        assert recorder.health.problem == "database or disk is full"
        recorder.close(timeout=0.1)
    assert crashed == []
