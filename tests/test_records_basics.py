"""What the foundation records: every event committed at once, and failures never stop the kiosk."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.records.consultation import Consultation
from kiosk.records.events import EventKind
from kiosk.records.store import RecordStore, RecordsUnavailable
from kiosk.ui.screenshot import show_screen


def test_event_is_on_disk_the_moment_it_is_recorded(store) -> None:
    consultation = Consultation(store)
    consultation.record(EventKind.STAFF_CALLED, detail="HomeScreen")
    # A second, independent connection (another process would see the same).
    other = sqlite3.connect(store.path)
    rows = other.execute("select kind, detail from events").fetchall()
    other.close()
    assert rows == [("staff_called", "HomeScreen")]


def test_wal_and_full_sync(store) -> None:
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("pragma synchronous").fetchone()[0] == 2  # FULL


@pytest.mark.parametrize("screen", ["home", "menu", "lessons", "lesson", "help", "finish"])
def test_call_staff_from_every_screen_is_shown_and_recorded(make_window, store, screen: str) -> None:
    window = make_window()
    show_screen(window, screen, "power-on", 1)
    window.top_bar.staff_button.click()
    assert window.call_staff.isVisible()
    assert window.call_staff.heading.text() == "係員が 来ます。"
    events = store.events(window.consultation.id)
    assert events[-1]["kind"] == EventKind.STAFF_CALLED.value
    window.call_staff.back_button.click()
    assert not window.call_staff.isVisible()


def test_unwritable_database_does_not_stop_the_kiosk(make_window, store) -> None:
    window = make_window()
    told: list[str] = []
    window.consultation = Consultation(store, on_unavailable=told.append)
    store.db.conn.execute("PRAGMA query_only = ON")  # SQLite now refuses every write, as on a read-only disk
    window.home.start_button.click()
    window.top_bar.staff_button.click()
    assert window.current() is window.menu
    assert window.call_staff.isVisible(), "the card still comes"
    assert len(told) == 1 and "readonly" in told[0]


def test_corrupt_database_is_a_typed_error(tmp_path) -> None:
    path = tmp_path / "records.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(RecordsUnavailable):
        RecordStore(path, kiosk_id="k")


def test_no_personal_fields_in_schema(store) -> None:
    columns = {c.name for table in ("consultations", "events") for c in store.db[table].columns}
    for forbidden in ("name", "address", "phone", "my_number", "mynumber", "pin", "birthday"):
        assert forbidden not in columns
