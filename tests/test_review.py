"""Review numbers on a real database, checked against a fixture counted by hand."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kiosk.records.review import Filter, count, page, practice_stumbles, statistics, stumbles
from kiosk.records.store import RecordStore

# id, started_at (local, +09:00), kiosk, mode, age band, device, outcome, follow-up, note, events
# events: (kind, lesson, step, detail)
FIXTURE = [
    (
        "a",
        "2026-10-05T09:10:00+09:00",
        "hall",
        "self",
        None,
        None,
        None,
        0,
        None,
        [
            ("lesson_started", "power-on", None, None),
            ("step_shown", "power-on", 1, None),
            ("step_shown", "power-on", 2, None),
            ("dont_understand", "power-on", 2, None),
            ("step_shown", "power-on", 3, None),
            ("lesson_finished", "power-on", None, None),
            ("handoff_shown", None, None, None),
            ("slip_printed", None, None, None),
        ],
    ),
    (
        "b",
        "2026-10-05T14:30:00+09:00",
        "hall",
        "supporter",
        "80+",
        "raku",
        "next_time",
        1,
        "LINE で つまずき",
        [
            ("intake", None, None, "basics"),
            ("lesson_started", "power-on", None, None),
            ("step_shown", "power-on", 1, None),
            ("step_shown", "power-on", 2, None),
            ("dont_understand", "power-on", 2, None),
            ("dont_understand", "power-on", 2, None),
            ("staff_called", None, None, "PlayerScreen"),
        ],
    ),
    (
        "c",
        "2026-11-02T10:00:00+09:00",
        "centre",
        "supporter",
        "70s",
        "android",
        "solved",
        0,
        None,
        [
            ("intake", None, None, "mynumber"),
            ("lesson_started", "mynaportal-app", None, None),
            ("step_shown", "mynaportal-app", 1, None),
            ("idle_reset", None, None, None),
            ("practice_result", None, None, json.dumps({"exercise": "tap", "attempts": 10, "successes": 8})),
            ("practice_result", None, None, json.dumps({"exercise": "flick", "attempts": 6, "successes": 3})),
        ],
    ),
    (
        "d",
        "2026-11-03T16:45:00+09:00",
        "centre",
        "self",
        None,
        None,
        None,
        0,
        None,
        [
            ("lesson_started", "power-on", None, None),
            ("step_shown", "power-on", 1, None),
            ("practice_result", None, None, json.dumps({"exercise": "tap", "attempts": 4, "successes": 4})),
        ],
    ),
]


@pytest.fixture
def filled(store: RecordStore) -> RecordStore:
    for cid, started, kiosk, mode, age, device, outcome, follow, note, events in FIXTURE:
        store.db.execute(
            "INSERT INTO consultations (id, kiosk_id, started_at, ended_at, mode, language, age_band, device, "
            "outcome, follow_up, note) VALUES (?, ?, ?, ?, ?, 'ja', ?, ?, ?, ?, ?)",
            [cid, kiosk, started, started, mode, age, device, outcome, follow, note],
        )
        for seq, (kind, lesson, step, detail) in enumerate(events, start=1):
            store.write_event(
                {
                    "consultation_id": cid,
                    "seq": seq,
                    "at": started,
                    "kind": kind,
                    "lesson_id": lesson,
                    "step": step,
                    "procedure_id": None,
                    "detail": detail,
                }
            )
    store.db.conn.commit()
    return store


def test_filters(filled: RecordStore) -> None:
    assert count(filled, Filter()) == 4
    assert count(filled, Filter(since=date(2026, 11, 1))) == 2
    assert count(filled, Filter(until=date(2026, 10, 5))) == 2  # inclusive
    assert count(filled, Filter(kiosk="centre", mode="self")) == 1
    assert count(filled, Filter(topic="basics")) == 1
    assert count(filled, Filter(follow_up=True)) == 1 and count(filled, Filter(follow_up=False)) == 3
    assert count(filled, Filter(age_band="80+", device="raku", outcome="next_time")) == 1
    assert count(filled, Filter(note_contains="LINE")) == 1 and count(filled, Filter(note_contains="%")) == 0


def test_pages_come_newest_first_with_their_counts(filled: RecordStore) -> None:
    first = page(filled, Filter(), 0, size=3)
    assert [row["id"] for row in first] == ["d", "c", "b"]
    assert [row["id"] for row in page(filled, Filter(), 1, size=3)] == ["a"]
    b = first[2]
    assert (b["lessons"], b["dont_understand"]) == (1, 2)


def test_statistics(filled: RecordStore) -> None:
    stats = statistics(filled, Filter())
    assert stats.consultations == 4
    assert stats.by["month"] == [("2026-10", 2), ("2026-11", 2)]
    assert stats.by["weekday"] == [("1", 3), ("2", 1)]  # 5 Oct and 2 Nov 2026 are Mondays, 3 Nov a Tuesday
    assert stats.by["hour"] == [("09", 1), ("10", 1), ("14", 1), ("16", 1)]
    assert stats.by["mode"] == [("self", 2), ("supporter", 2)]
    assert stats.by["topic"] == [("basics", 1), ("mynumber", 1)]
    assert stats.by["kiosk"] == [("centre", 2), ("hall", 2)]
    assert (stats.handoffs_shown, stats.slips_printed, stats.staff_calls, stats.idle_resets) == (1, 1, 1, 1)
    assert statistics(filled, Filter(kiosk="hall")).by["outcome"] == [("", 1), ("next_time", 1)]


def test_stumbles(filled: RecordStore) -> None:
    found = {s.lesson_id: s for s in stumbles(filled, Filter())}
    power = found["power-on"]
    assert (power.started, power.finished) == (3, 1)
    assert power.dont_understand == {2: 3}
    assert power.left_at == {2: 1, 1: 1}  # b stopped at step 2, d at step 1
    assert power.worst_step == 2
    assert found["mynaportal-app"].left_at == {1: 1}
    assert stumbles(filled, Filter())[0].lesson_id == "power-on"  # the most trouble first
    practice = practice_stumbles(filled, Filter())
    assert [(p.exercise, p.attempts, p.successes) for p in practice] == [("flick", 6, 3), ("tap", 14, 12)]


def test_review_command_prints_the_figures_and_is_audited(filled: RecordStore, tmp_path) -> None:
    from tests.helpers.cli import kiosk

    done = kiosk("review", "stumbles", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "power-on: started 3, finished 1, 「わからない」 3, left unfinished 2, worst step 2" in done.stdout
    assert "practice flick: 6 attempts, 3 right (50% not yet)" in done.stdout
    stats = kiosk("review", "stats", "--from", "2026-11-01", data_dir=tmp_path)
    assert "consultations: 2" in stats.stdout
    assert [row["action"] for row in filled.audit_log()] == ["review", "review"]


def test_monthly_report_pdf_has_the_totals_and_no_notes(filled: RecordStore, tmp_path) -> None:
    import subprocess

    from tests.helpers.cli import kiosk

    out = tmp_path / "2026-11.pdf"
    done = kiosk("report", "monthly", "2026-11", "--pdf", str(out), data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "相談件数: 2 件（前月 2026-10 は 2 件、+0）" in flat
    assert "ご相談の内容" in flat and "マイナンバー・オンライン手続き" in flat  # the topics chart, in words
    assert "電源の入れ方" in flat  # lesson titles rather than ids
    assert "タップ: 14 回中 12 回 できた" in flat  # practice, by the exercise's name
    assert "LINE で つまずき" not in flat  # notes never leave the records
    assert ("report", "monthly 2026-11 consultations=2") in [
        (r["action"], r["detail"]) for r in filled.audit_log()
    ]
    bad = kiosk("report", "monthly", "2026-13", "--pdf", str(out), data_dir=tmp_path)
    assert bad.returncode == 2 and "not a month" in bad.stderr


def test_events_read_as_japanese_sentences(filled: RecordStore) -> None:
    """Before: the review showed the stored codes, "lesson_started power-on / step_shown power-on 1"."""
    from kiosk.records.event_words import Names, sentence, timeline
    from kiosk.records.events import EventKind

    names = Names(lessons={"text-size": "文字を大きくする"}, exercises={"tap": "タップ"})
    step = {"kind": "step_shown", "lesson_id": "text-size", "step": 1}
    assert sentence(step, names) == "レッスン: 文字を大きくする — 手順 1 を見た"
    assert sentence({"kind": "device_chosen", "detail": "raku"}) == "お使いの電話を えらんだ: らくらくスマホ"
    assert (
        sentence({"kind": "intake", "detail": "mynumber"}) == "ご相談の内容: マイナンバー・オンライン手続き"
    )
    assert sentence({"kind": "idle_reset"}).startswith("操作がないまま")
    practice = {
        "kind": "practice_result",
        "detail": json.dumps({"exercise": "tap", "attempts": 4, "successes": 3}),
    }
    assert sentence(practice, names) == "練習: タップ — 4 回 ためして 3 回 できた（途中まで）"
    assert sentence({"kind": "slip_print_failed", "procedure_id": "x", "detail": "no paper"}).endswith(
        "印刷できなかった（no paper）"
    )
    for kind in EventKind:  # every kind has words: none falls through to its code
        assert kind.value not in sentence({"kind": kind.value, "detail": "on"}, names)
    assert (
        sentence({"kind": "from_a_newer_kiosk", "detail": "x"}) == "from_a_newer_kiosk x"
    )  # shown as stored
    lines = timeline(filled.events("b"))
    assert lines[0] == ("14:30", "ご相談の内容: スマホの基本")
    assert ("14:30", "「係員を呼ぶ」を押した（レッスン）") in lines
