"""The review's summaries (per consultation and per lesson run) always equal a recount of the events.

Triggers keep them as the kiosk, demo data and merges write events; the migration fills
them for records written before it existed. Each is checked against SQL over the events.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.paths import LESSONS_DIR
from kiosk.records.bundle import merge_bundles, write_bundle
from kiosk.records.demo import make_demo_data
from kiosk.records.schema import COUNTERS, backfill_course, backfill_summaries
from kiosk.records.store import RecordStore

LESSON_IDS = sorted(path.stem for path in LESSONS_DIR.glob("*.yaml"))


Rows = list[tuple[object, ...]]


def _summaries(store: RecordStore) -> tuple[Rows, Rows, Rows, Rows]:
    columns = ", ".join(COUNTERS)
    return (
        store.db.execute(f"SELECT id, topic, {columns} FROM consultations ORDER BY id").fetchall(),
        store.db.execute("SELECT * FROM lesson_runs ORDER BY consultation_id, lesson_id").fetchall(),
        store.db.execute(
            "SELECT consultation_id, lesson_id, step, started_at, asked FROM step_help ORDER BY 1, 2, 3"
        ).fetchall(),
        store.db.execute(
            "SELECT consultation_id, started_at, exercise, attempts, successes FROM practice_runs ORDER BY 1, id"
        ).fetchall(),
    )


def _recounted(store: RecordStore) -> tuple[Rows, Rows, Rows, Rows]:
    """The same figures, counted the slow way from the events."""
    counts = ", ".join(
        f"(SELECT COUNT(*) FROM events e WHERE e.consultation_id = c.id AND e.kind = '{kind}')"
        for kind in COUNTERS.values()
    )
    per_consultation = store.db.execute(
        "SELECT c.id, (SELECT detail FROM events e WHERE e.consultation_id = c.id AND e.kind = 'intake' "
        f"ORDER BY e.id LIMIT 1), {counts} FROM consultations c ORDER BY c.id"
    ).fetchall()
    runs = store.db.execute(
        """
        SELECT e.consultation_id, e.lesson_id, c.started_at, SUM(e.kind = 'lesson_started'),
               MAX(CASE WHEN e.kind = 'step_shown' THEN e.step END), SUM(e.kind = 'lesson_finished')
        FROM events e JOIN consultations c ON c.id = e.consultation_id
        WHERE e.lesson_id IS NOT NULL AND e.kind IN ('lesson_started', 'step_shown', 'lesson_finished')
        GROUP BY e.consultation_id, e.lesson_id ORDER BY 1, 2
        """
    ).fetchall()
    help_asked = store.db.execute(
        """
        SELECT e.consultation_id, e.lesson_id, e.step, c.started_at, COUNT(*)
        FROM events e JOIN consultations c ON c.id = e.consultation_id
        WHERE e.kind = 'dont_understand' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        """
    ).fetchall()
    practice = store.db.execute(
        """
        SELECT e.consultation_id, c.started_at, json_extract(e.detail, '$.exercise'),
               json_extract(e.detail, '$.attempts'), json_extract(e.detail, '$.successes')
        FROM events e JOIN consultations c ON c.id = e.consultation_id
        WHERE e.kind = 'practice_result' ORDER BY 1, e.id
        """
    ).fetchall()
    return per_consultation, runs, help_asked, practice


def test_summaries_follow_every_event_written(tmp_path: Path) -> None:
    store = RecordStore(tmp_path / "records.sqlite3", kiosk_id="hall")
    make_demo_data(store, consultations=400, seed=3, lesson_ids=LESSON_IDS, start=date(2026, 1, 5))
    summaries = _summaries(store)
    assert summaries == _recounted(store)
    assert any(row[1] for row in summaries[0]), "some consultations have a topic"
    assert sum(row[5] for row in summaries[1]) > 0, "some lessons were finished"
    assert summaries[2] and summaries[3], "some 「わからない」 and some practice"
    store.close()


def test_summaries_hold_after_merging_bundles(tmp_path: Path) -> None:
    bundles = []
    for n in (1, 2):
        store = RecordStore(tmp_path / f"k{n}" / "records.sqlite3", kiosk_id=f"k{n}")
        make_demo_data(store, consultations=150, seed=n, lesson_ids=LESSON_IDS, start=date(2026, 1, 5))
        bundles.append(tmp_path / f"k{n}.bundle")
        write_bundle(store, bundles[-1])
        store.close()
    central = RecordStore(tmp_path / "central" / "records.sqlite3", kiosk_id="central")
    merge_bundles(central, bundles)
    merge_bundles(central, bundles)  # twice: nothing is counted again
    assert _summaries(central) == _recounted(central)
    assert len(_summaries(central)[0]) == 300
    central.close()


def test_the_migration_fills_summaries_for_older_records(tmp_path: Path) -> None:
    store = RecordStore(tmp_path / "records.sqlite3", kiosk_id="hall")
    make_demo_data(store, consultations=200, seed=5, lesson_ids=LESSON_IDS, start=date(2026, 1, 5))
    expected = _summaries(store)
    with store.db.atomic():  # as a database from before the summaries looked
        store.db.execute(f"UPDATE consultations SET topic = NULL, {', '.join(f'{c} = 0' for c in COUNTERS)}")
        for summary in ("lesson_runs", "step_help", "practice_runs"):
            store.db.execute(f"DELETE FROM {summary}")
    assert _summaries(store) != expected
    with store.db.atomic():
        backfill_summaries(store.db)
    assert _summaries(store) == expected
    store.close()


def test_purging_old_consultations_takes_their_lesson_runs_too(tmp_path: Path) -> None:
    store = RecordStore(tmp_path / "records.sqlite3", kiosk_id="hall")
    make_demo_data(store, consultations=300, seed=4, lesson_ids=LESSON_IDS, start=date(2025, 1, 6))
    cutoff = store.db.execute("SELECT started_at FROM consultations ORDER BY started_at LIMIT 1 OFFSET 150")
    middle = datetime.fromisoformat(cutoff.fetchone()[0])
    consultations, _events = store.purge(0, actor="test", now=middle)
    assert consultations == 150
    assert _summaries(store) == _recounted(store)
    assert store.check().ok
    store.close()


@pytest.mark.slow
def test_course_progress_is_recounted_from_the_events(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Demo supporters taking the course: the trigger-kept progress equals a count of the events."""
    store = RecordStore(tmp_path / "records.sqlite3", kiosk_id="k")
    try:
        course_lessons = {"supporter-a": (5, 4), "supporter-b": (6, 3)}
        make_demo_data(store, consultations=4000, seed=3, lesson_ids=["a", "b"], course=course_lessons)
        kept = store.db.execute(
            "SELECT supporter_id, lesson_id, answered, correct, finished_at IS NOT NULL FROM course_progress "
            "ORDER BY 1, 2"
        ).fetchall()
        assert kept, "demo supporters took the course"
        counted = store.db.execute(
            """
            SELECT c.supporter_id, e.lesson_id, SUM(e.kind = 'check_answered'),
                   SUM(e.kind = 'check_answered' AND e.detail = 'right'), MAX(e.kind = 'lesson_finished')
            FROM events e JOIN consultations c ON c.id = e.consultation_id
            WHERE c.mode = 'training' AND e.kind IN ('check_answered', 'lesson_finished')
            GROUP BY 1, 2 ORDER BY 1, 2
            """
        ).fetchall()
        assert kept == counted
        store.db.execute("DELETE FROM course_progress")  # as before m008: filled again from the events
        backfill_course(store.db)
        again = store.db.execute(
            "SELECT supporter_id, lesson_id, answered, correct, finished_at IS NOT NULL FROM course_progress "
            "ORDER BY 1, 2"
        ).fetchall()
        assert again == kept
    finally:
        store.close()
