"""The store on disk: every event committed at once, WAL + FULL, no personal fields."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.records.events import EventKind
from kiosk.records.recorder import Recorder
from kiosk.records.store import WAL_LIMIT, RecordsCorrupt, RecordStore
from kiosk.ui.screenshot import show_screen


def test_event_is_on_disk_the_moment_it_is_recorded(store) -> None:
    recorder = Recorder(store)
    recorder.record(EventKind.STAFF_CALLED, detail="HomeScreen")
    # A second, independent connection (another process would see the same).
    other = sqlite3.connect(store.path)
    rows = other.execute("select kind, detail, seq from events").fetchall()
    started = other.execute("select mode, ended_at from consultations").fetchall()
    other.close()
    assert rows == [("staff_called", "HomeScreen", 1)]
    assert started == [("self", None)]


def test_wal_full_sync_and_busy_timeout(store) -> None:
    pragma = store.db.conn.execute
    assert pragma("pragma journal_mode").fetchone()[0] == "wal"
    assert pragma("pragma synchronous").fetchone()[0] == 2  # FULL
    assert pragma("pragma busy_timeout").fetchone()[0] == 5000


def test_connection_stays_on_its_thread(store) -> None:
    import threading

    errors: list[Exception] = []

    def elsewhere() -> None:
        try:
            store.events()
        except sqlite3.ProgrammingError as exc:
            errors.append(exc)

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()
    assert errors and "thread" in str(errors[0])


@pytest.mark.slow
@pytest.mark.parametrize("screen", ["home", "menu", "lessons", "lesson", "help", "finish"])
def test_call_staff_from_every_screen_is_shown_and_recorded(make_window, store, screen: str) -> None:
    window = make_window()
    show_screen(window, screen, "power-on", 1)
    window.top_bar.staff_button.click()
    assert window.screens.call_staff.isVisible()
    assert window.screens.call_staff.heading.text() == "係員を 呼んでいます。"  # no webhook set: no promise
    events = store.events(window.state.recorder.consultation_id)
    assert events[-1]["kind"] == EventKind.STAFF_CALLED.value
    window.screens.call_staff.back_button.click()
    assert not window.screens.call_staff.isVisible()


def test_corrupt_database_is_a_typed_error(tmp_path) -> None:
    path = tmp_path / "records.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(RecordsCorrupt):
        RecordStore(path, kiosk_id="k")


def test_no_personal_fields_in_schema(store) -> None:
    tables = ("consultations", "events", "audit")
    columns = {c.name for table in tables for c in store.db.table(table).columns}
    for forbidden in ("name", "address", "phone", "my_number", "mynumber", "pin", "birthday", "email"):
        assert forbidden not in columns


def test_the_write_ahead_log_stays_small(tmp_path) -> None:
    """Before: SQLite's defaults let the WAL stay at 4 MB and more, which on a small disk
    filled it by itself. A thousand writes later it is never more than WAL_LIMIT."""
    store = RecordStore(tmp_path / "records.sqlite3", kiosk_id="k")
    wal = tmp_path / "records.sqlite3-wal"
    largest = 0
    for _ in range(50):
        recorder = Recorder(store)
        for step in range(1, 21):
            recorder.record(EventKind.STEP_SHOWN, lesson_id="power-on", step=step)
        recorder.end("finished")
        largest = max(largest, wal.stat().st_size)
    assert largest <= WAL_LIMIT
    assert store.check().events == 1000
    store.close()
