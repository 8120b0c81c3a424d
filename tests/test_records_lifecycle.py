"""When a consultation starts and ends, what start-up tidies, and the staff commands."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from kiosk.app import open_records
from kiosk.content.lessons import Category
from kiosk.records.events import EventKind
from kiosk.records.recorder import Recorder
from kiosk.records.store import RecordStore, local_now, stamp
from kiosk.settings import Settings
from tests.helpers.cli import kiosk


def _consultation(store, consultation_id):  # type: ignore[no-untyped-def]
    return next(c for c in store.consultations() if c["id"] == consultation_id)


def test_starts_at_first_touch_on_home_and_ends_at_finish(make_window, store) -> None:
    window = make_window()
    assert store.consultations() == []
    window.screens.home.start_button.click()
    first = window.state.recorder.consultation_id
    assert first and _consultation(store, first)["ended_at"] is None
    window.screens.menu.buttons[Category.BASICS].click()
    window.screens.lesson_list.slots[0].click()
    for _ in window.screens.player.lesson.steps:
        window.screens.player.go_next()
    assert window.current() is window.screens.finish
    ended = _consultation(store, first)
    assert ended["end_reason"] == "finished" and ended["ended_at"]
    # 「もう一度」 is a new consultation.
    window.screens.finish.again_button.click()
    second = window.state.recorder.consultation_id
    assert second and second != first
    window.top_bar.home_button.click()
    assert _consultation(store, second)["end_reason"] == "home"


def test_changing_text_size_on_home_is_a_first_touch(make_window, store) -> None:
    window = make_window()
    window.screens.home.size_buttons["large"].click()
    consultation = window.state.recorder.consultation_id
    assert [e["kind"] for e in store.events(consultation)] == [EventKind.TEXT_SIZE_CHANGED.value]


def test_records_info_card_from_home(make_window) -> None:
    window = make_window()
    assert window.top_bar.info_button.isVisibleTo(window)
    window.top_bar.info_button.click()
    card = window.screens.records_info
    assert card.isVisible()
    text = card.body.text()
    assert "記録します" in text and "マイナンバー" in text and "記録しません" in text
    card.close_button.click()
    assert not card.isVisible()
    window.screens.home.start_button.click()
    assert not window.top_bar.info_button.isVisibleTo(window)


def test_start_up_closes_consultations_left_open_as_interrupted(tmp_path) -> None:
    settings = Settings()
    store = open_records(tmp_path, settings)
    recorder = Recorder(store)
    recorder.record(EventKind.LESSON_STARTED, lesson_id="power-on")
    recorder.record(EventKind.STEP_SHOWN, lesson_id="power-on", step=1)
    left_open = recorder.consultation_id
    last_event_at = store.events(left_open)[-1]["at"]
    store.close()  # the power goes: nobody calls end()

    again = open_records(tmp_path, settings)
    closed = _consultation(again, left_open)
    assert closed["end_reason"] == "interrupted"
    assert closed["ended_at"] == last_event_at
    assert len(again.consultations()) == 1
    assert again.close_interrupted() == 0
    again.close()


def test_a_starting_kiosk_closes_only_its_own_left_open_consultations(tmp_path) -> None:
    """Three kiosks on one database: before, a starting kiosk closed every open consultation
    as 中断, another kiosk's live one too, whose real end was then dropped."""
    shared = tmp_path / "records.sqlite3"
    hall, library = RecordStore(shared, kiosk_id="hall"), RecordStore(shared, kiosk_id="library")
    at_hall, at_library = Recorder(hall), Recorder(library)
    at_hall.record(EventKind.LESSON_STARTED, lesson_id="power-on")
    at_library.record(EventKind.LESSON_STARTED, lesson_id="line")
    crashed = at_library.consultation_id
    library.close()  # the library kiosk's power goes, its consultation left open
    # The library kiosk comes back, a third kiosk starts: each closes its own only.
    again, shelter = RecordStore(shared, kiosk_id="library"), RecordStore(shared, kiosk_id="shelter")
    assert shelter.close_interrupted() == 0
    assert again.close_interrupted() == 1
    assert _consultation(again, crashed)["end_reason"] == "interrupted"
    live = at_hall.consultation_id
    assert _consultation(hall, live)["ended_at"] is None, "the person at the hall is still there"
    at_hall.end("finished")
    assert _consultation(hall, live)["end_reason"] == "finished"
    for store in (hall, again, shelter):
        store.close()


def test_retention_applied_at_start_up_and_audited(tmp_path) -> None:
    store = open_records(tmp_path, Settings())
    old = datetime.now().astimezone() - timedelta(days=400)
    Recorder(store, clock=lambda: old).record(EventKind.STAFF_CALLED)
    Recorder(store).record(EventKind.STAFF_CALLED)
    store.close()
    store = open_records(tmp_path, Settings(retention_days=365))
    assert len(store.consultations()) == 1
    assert len(store.events()) == 1
    audit = store.audit_log()
    assert [(a["action"], a["actor"]) for a in audit] == [("purge", "startup")]
    assert "consultations=1 events=1" in audit[0]["detail"]
    store.close()


def test_staff_commands(tmp_path) -> None:
    store = open_records(tmp_path, Settings())
    old = local_now() - timedelta(days=40)
    Recorder(store, clock=lambda: old).record(EventKind.STAFF_CALLED)
    recent = Recorder(store)
    recent.record(EventKind.STAFF_CALLED)
    recent.end("home")
    store.close()

    path = kiosk("db", "path", data_dir=tmp_path)
    assert path.stdout.strip() == str(tmp_path / "records.sqlite3")
    check = kiosk("db", "check", data_dir=tmp_path)
    assert check.returncode == 0
    assert check.stdout.splitlines() == ["integrity: ok", "consultations: 2 (1 open)", "events: 2"]

    backup_dir = tmp_path / "backups"
    backup_dir.mkdir()
    backup = kiosk("backup", str(backup_dir), data_dir=tmp_path)
    assert backup.returncode == 0, backup.stderr
    copy = sqlite3.connect(backup.stdout.strip())
    assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert copy.execute("select count(*) from events").fetchone()[0] == 2
    copy.close()

    purge = kiosk("purge", "--older-than", "30", data_dir=tmp_path)
    assert purge.returncode == 0, purge.stderr
    assert purge.stdout.strip() == "deleted 1 consultation(s) and 1 event(s) older than 30 days"
    store = RecordStore(tmp_path / "records.sqlite3", kiosk_id="k")
    assert [(a["action"], a["actor"]) for a in store.audit_log()] == [("purge", "cli")]
    store.close()


def test_a_backup_never_writes_over_a_file_nor_guesses_a_folder(tmp_path) -> None:
    """`kiosk backup` to an existing file wrote over it (exit 0, the file gone); to a folder
    that is not there it said only "unable to open database file"."""
    store = open_records(tmp_path, Settings())
    Recorder(store).record(EventKind.STAFF_CALLED)
    store.close()
    earlier = tmp_path / "earlier.sqlite3"
    earlier.write_bytes(b"an earlier backup")
    refused = kiosk("backup", str(earlier), data_dir=tmp_path)
    assert refused.returncode == 1 and "already exists" in refused.stderr
    assert earlier.read_bytes() == b"an earlier backup"
    missing = kiosk("backup", str(tmp_path / "no" / "such" / "folder"), data_dir=tmp_path)
    assert missing.returncode == 1 and "there is no folder" in missing.stderr
    assert not (tmp_path / "no").exists() and "Traceback" not in missing.stderr
    new = kiosk("backup", str(tmp_path / "new.sqlite3"), data_dir=tmp_path)
    assert new.returncode == 0 and new.stdout.strip() == str(tmp_path / "new.sqlite3")


def test_db_check_fails_on_a_corrupt_file(tmp_path) -> None:
    (tmp_path / "records.sqlite3").write_bytes(b"garbage" * 1000)
    check = kiosk("db", "check", data_dir=tmp_path)
    assert check.returncode == 1
    assert "cannot open the records database" in check.stderr and "Traceback" not in check.stderr


def test_note_refuses_personal_data(store) -> None:
    import pytest

    from kiosk.records.privacy import PersonalDataRefused

    recorder = Recorder(store)
    recorder.begin()
    consultation = recorder.consultation_id
    for bad in ("電話 090-1234-5678", "1234 5678 9012", "taro@example.jp", "〒772-8501", "暗証番号は 1234"):
        with pytest.raises(PersonalDataRefused):
            store.write_outcome(consultation, outcome="solved", note=bad)
    store.write_outcome(consultation, outcome="solved", follow_up=True, note="LINE の写真の送り方を 練習した")
    saved = _consultation(store, consultation)
    assert (saved["outcome"], saved["follow_up"], saved["note"]) == (
        "solved",
        1,
        "LINE の写真の送り方を 練習した",
    )


def test_times_are_local_with_offset(store) -> None:
    recorder = Recorder(store, clock=lambda: datetime(2026, 11, 26, 10, 0).astimezone())
    recorder.record(EventKind.STAFF_CALLED)
    assert store.events()[0]["at"] == stamp(datetime(2026, 11, 26, 10, 0).astimezone())
