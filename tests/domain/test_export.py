"""Staff exports: the Excel CSV (BOM, Japanese headers, local times, formula guard) and open-data counts."""

from __future__ import annotations

import argparse
import csv
import getpass
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import export as cli_export
from kiosk.records.demo import make_demo_data
from kiosk.records.events import EventKind
from kiosk.records.export import (
    events_path,
    guard,
    hidden_cells,
    write_consultations_csv,
    write_opendata_csv,
)
from kiosk.records.store import RecordStore
from kiosk.settings import Settings

BOM = b"\xef\xbb\xbf"
HEADERS = [
    "相談ID", "端末", "開始", "終了", "終わり方", "モード", "サポーター", "言語", "年代",
    "電話の種類", "結果", "要フォロー", "レッスン開始回数", "わからない回数", "手続き案内", "印刷",
]  # fmt: skip


@pytest.fixture(autouse=True)
def japan_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The export computer is in Japan (UTC+9), whatever the test machine's zone."""
    monkeypatch.setenv("TZ", "JST-9")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def consult(
    store: RecordStore,
    cid: str,
    started: str,
    *,
    ended: str | None = None,
    events: tuple[tuple[EventKind, dict[str, Any]], ...] = (),
    outcome: str | None = None,
    follow_up: bool = False,
    note: str = "",
    **start: str,
) -> None:
    store.write_start({"id": cid, "started_at": started, "mode": "supporter", "language": "ja", **start})
    for seq, (kind, fields) in enumerate(events, 1):
        row = {"lesson_id": None, "step": None, "procedure_id": None, "detail": None, **fields}
        store.write_event({"consultation_id": cid, "seq": seq, "at": started, "kind": kind.value, **row})
    if ended:
        store.write_end({"id": cid, "ended_at": ended, "end_reason": "finished"})
    if outcome:
        store.write_outcome(cid, outcome=outcome, follow_up=follow_up, note=note)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture
def april(store: RecordStore) -> RecordStore:
    """Three consultations in April (one stored in UTC), one each side of it."""
    lesson = EventKind.LESSON_STARTED
    consult(
        store,
        "c-1",
        "2025-04-01T10:05:00.000+09:00",
        ended="2025-04-01T10:47:30.000+09:00",
        supporter_id="sato",
        age_band="70s",
        device="android",
        outcome="solved",
        follow_up=True,
        note="LINEの 友だち追加を 練習",
        events=(
            (EventKind.INTAKE, {"detail": "basics"}),
            (lesson, {"lesson_id": "line"}),
            (EventKind.DONT_UNDERSTAND, {"lesson_id": "line", "step": 2}),
            (EventKind.DONT_UNDERSTAND, {"lesson_id": "line", "step": 3}),
            (lesson, {"lesson_id": "line"}),  # the same lesson again is another start
            (lesson, {"lesson_id": "camera"}),
            (EventKind.HANDOFF_SHOWN, {"procedure_id": "mynaportal"}),
            (EventKind.SLIP_PRINTED, {"procedure_id": "mynaportal"}),
        ),
    )
    # Stored in UTC: 01:30 UTC is 10:30 in Japan.
    consult(store, "c-2", "2025-04-15T01:30:00.000+00:00", mode="self")
    consult(store, "c-3", "2025-04-30T23:59:00.000+09:00", ended="2025-05-01T00:10:00.000+09:00")
    consult(store, "c-march", "2025-03-31T23:59:00.000+09:00")
    consult(store, "c-may", "2025-05-01T00:00:00.000+09:00")
    return store


def test_csv_opens_in_excel_with_japanese_headers_and_local_times(april: RecordStore, tmp_path: Path) -> None:
    out = tmp_path / "相談.csv"
    written = write_consultations_csv(april, out, since=None, until=None)

    raw = out.read_bytes()
    assert raw.startswith(BOM)
    assert raw.count(b"\r\n") == 6 and raw.count(b"\n") == 6  # header + 5 rows, all CRLF
    rows = read_csv(out)
    assert list(rows[0]) == HEADERS
    assert written == len(rows) == 5
    assert [r["相談ID"] for r in rows] == ["c-march", "c-1", "c-2", "c-3", "c-may"]
    first = rows[1]
    assert first["開始"] == "2025-04-01 10:05"
    assert first["終了"] == "2025-04-01 10:47"
    assert first["端末"] == "test-kiosk"
    assert (first["サポーター"], first["年代"], first["電話の種類"]) == ("sato", "70s", "android")
    assert (first["結果"], first["要フォロー"], first["終わり方"]) == ("solved", "1", "finished")
    # c-1 started line twice and camera once: three starts
    assert (first["レッスン開始回数"], first["わからない回数"], first["手続き案内"], first["印刷"]) == (
        "3",
        "2",
        "1",
        "1",
    )
    assert rows[2]["開始"] == "2025-04-15 10:30"  # UTC in the database, Japan time in the file
    assert rows[2]["終了"] == "" and rows[2]["レッスン開始回数"] == "0"


def test_notes_only_when_asked(april: RecordStore, tmp_path: Path) -> None:
    without, with_notes = tmp_path / "a.csv", tmp_path / "b.csv"
    write_consultations_csv(april, without, since=None, until=None)
    write_consultations_csv(april, with_notes, since=None, until=None, with_notes=True)

    assert "メモ" not in read_csv(without)[0]
    assert "友だち追加" not in without.read_text(encoding="utf-8-sig")
    rows = read_csv(with_notes)
    assert list(rows[0]) == [*HEADERS[:12], "メモ", *HEADERS[12:]]
    assert rows[1]["メモ"] == "LINEの 友だち追加を 練習"


def test_date_filters_are_inclusive_local_days(april: RecordStore, tmp_path: Path) -> None:
    out = tmp_path / "april.csv"
    written = write_consultations_csv(april, out, since=date(2025, 4, 1), until=date(2025, 4, 30))
    assert written == 3
    assert [r["相談ID"] for r in read_csv(out)] == ["c-1", "c-2", "c-3"]

    # 2025-04-15 01:30 UTC is the 15th in Japan: a one-day range finds it.
    assert write_consultations_csv(april, out, since=date(2025, 4, 15), until=date(2025, 4, 15)) == 1
    assert write_consultations_csv(april, out, since=date(2025, 4, 30), until=None) == 2
    assert write_consultations_csv(april, out, since=None, until=date(2025, 3, 31)) == 1


def test_a_utc_stamp_from_the_day_before_counts_on_the_japanese_day(
    store: RecordStore, tmp_path: Path
) -> None:
    consult(store, "early", "2025-03-31T15:30:00.000+00:00")  # 00:30 on 1 April in Japan
    out = tmp_path / "x.csv"
    assert write_consultations_csv(store, out, since=date(2025, 4, 1), until=date(2025, 4, 1)) == 1
    assert read_csv(out)[0]["開始"] == "2025-04-01 00:30"
    assert write_consultations_csv(store, out, since=date(2025, 3, 31), until=date(2025, 3, 31)) == 0


def test_events_file_when_asked(april: RecordStore, tmp_path: Path) -> None:
    out = tmp_path / "april.csv"
    write_consultations_csv(april, out, since=date(2025, 4, 1), until=date(2025, 4, 30))
    assert not events_path(out).exists()

    write_consultations_csv(april, out, since=date(2025, 4, 1), until=date(2025, 4, 30), with_events=True)
    events_file = tmp_path / "april-events.csv"
    assert events_path(out) == events_file
    assert events_file.read_bytes().startswith(BOM)
    rows = read_csv(events_file)
    assert list(rows[0]) == ["相談ID", "順番", "時刻", "種類", "レッスン", "手順", "手続き", "詳細"]
    assert len(rows) == 8  # c-1's events; c-2 and c-3 have none
    assert [r["順番"] for r in rows] == [str(n) for n in range(1, 9)]
    assert rows[0]["種類"] == "intake" and rows[0]["詳細"] == "basics"
    assert rows[0]["時刻"] == "2025-04-01 10:05"
    assert (rows[2]["種類"], rows[2]["レッスン"], rows[2]["手順"]) == ("dont_understand", "line", "2")
    assert rows[6]["手続き"] == "mynaportal"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ('=HYPERLINK("http://example.com","詳しく")', '\'=HYPERLINK("http://example.com","詳しく")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ふつうの メモ", "ふつうの メモ"),
        ("x=1", "x=1"),
        (3, 3),
        (None, None),
    ],
)
def test_guard(value: object, shown: object) -> None:
    assert guard(value) == shown


def test_formula_cells_are_escaped_in_the_file(store: RecordStore, tmp_path: Path) -> None:
    notes = ['=HYPERLINK("http://example.com","詳しく")', "+1", "-2", "@x"]
    for n, note in enumerate(notes):
        consult(store, f"c-{n}", f"2025-04-0{n + 1}T10:00:00.000+09:00", outcome="solved", note=note)
    # A note loses its surrounding spaces when stored, so tab and CR are tried in other cells.
    consult(
        store,
        "c-9",
        "2025-04-09T10:00:00.000+09:00",
        supporter_id="\tsato",
        events=((EventKind.INTAKE, {"detail": "\rbasics"}),),
    )
    out = tmp_path / "x.csv"
    write_consultations_csv(store, out, since=None, until=None, with_notes=True, with_events=True)

    rows = read_csv(out)
    assert [r["メモ"] for r in rows[:4]] == ["'" + note for note in notes]
    assert rows[4]["サポーター"] == "'\tsato"
    assert read_csv(events_path(out))[0]["詳細"] == "'\rbasics"
    assert rows[4]["レッスン開始回数"] == "0"  # numbers are not touched


# ---- open data --------------------------------------------------------------------------

CATEGORIES = {"line": "basics", "camera": "basics", "e-tax": "mynumber"}


@pytest.fixture
def month(store: RecordStore) -> RecordStore:
    """13 consultations in April 2025, and one each side of it."""
    day = iter(range(1, 29))

    def at() -> str:
        return f"2025-04-{next(day):02d}T10:00:00.000+09:00"

    for n in range(6):
        intake = ((EventKind.INTAKE, {"detail": "basics"}),)
        consult(store, f"a{n}", at(), age_band="70s", outcome="solved", events=intake)
    for n in range(2):
        intake = ((EventKind.INTAKE, {"detail": "mynumber"}),)
        consult(store, f"b{n}", at(), age_band="80+", outcome="next_time", events=intake)
    for n in range(3):  # self-service: no intake, so the first lesson's category counts
        lessons = (
            (EventKind.LESSON_STARTED, {"lesson_id": "e-tax"}),
            (EventKind.LESSON_STARTED, {"lesson_id": "line"}),
        )
        consult(store, f"c{n}", at(), mode="self", events=lessons)
    consult(store, "d", at(), age_band="70s", outcome="solved")  # no events at all: その他
    intake = ((EventKind.INTAKE, {"detail": "practice"}),)
    # 15:30 UTC on 31 March is 00:30 on 1 April in Japan.
    consult(
        store, "e", "2025-03-31T15:30:00.000+00:00", age_band="60s", outcome="referred_city", events=intake
    )
    consult(store, "march", "2025-03-31T23:59:00.000+09:00", age_band="70s", outcome="solved")
    consult(store, "may", "2025-05-01T00:00:00.000+09:00", age_band="70s", outcome="solved")
    return store


def test_opendata_counts_with_small_groups_suppressed(month: RecordStore, tmp_path: Path) -> None:
    out = tmp_path / "opendata.csv"
    written = write_opendata_csv(
        month, out, month="2025-04", settings=Settings(), lesson_categories=CATEGORIES
    )

    assert out.read_bytes().startswith(BOM)
    with out.open(encoding="utf-8-sig", newline="") as file:
        table = list(csv.reader(file))
    assert table[0] == ["全国地方公共団体コード", "都道府県名", "市区町村名", "年月", "区分", "項目", "件数"]
    assert all(row[:4] == ["362026", "徳島県", "鳴門市", "2025-04"] for row in table[1:])
    assert [row[4:] for row in table[1:]] == [
        ["相談内容", "スマホの基本", "6"],
        ["相談内容", "マイナンバー・オンライン手続き", "*"],  # hidden too: 練習 and その他 are 1 each
        ["相談内容", "操作の練習", "*"],
        ["相談内容", "その他", "*"],
        ["年代", "60代", "*"],
        ["年代", "70代", "7"],
        ["年代", "80歳以上", "*"],
        ["年代", "記録なし", "*"],
        ["結果", "解決", "7"],
        ["結果", "次回に継続", "*"],
        ["結果", "市の窓口を案内", "*"],
        ["結果", "記録なし", "*"],
    ]
    assert written == 12


def test_opendata_identity_comes_from_settings(month: RecordStore, tmp_path: Path) -> None:
    out = tmp_path / "opendata.csv"
    sapporo = Settings(opendata_code="011002", opendata_prefecture="北海道", opendata_city="札幌市")
    write_opendata_csv(month, out, month="2025-04", settings=sapporo)
    rows = read_csv(out)
    assert {(r["全国地方公共団体コード"], r["都道府県名"], r["市区町村名"]) for r in rows} == {
        ("011002", "北海道", "札幌市")
    }
    # Without the lesson catalogue, the self-service ones fall to その他 (3 + 1: still suppressed).
    topics = {r["項目"]: r["件数"] for r in rows if r["区分"] == "相談内容"}
    assert topics == {
        "スマホの基本": "6",
        "操作の練習": "*",
        "その他": "*",
        "マイナンバー・オンライン手続き": "*",
    }


def test_opendata_never_publishes_unexpected_text(store: RecordStore, tmp_path: Path) -> None:
    for n in range(5):
        intake = ((EventKind.INTAKE, {"detail": "山田さんの件"}),)
        consult(store, f"x{n}", f"2025-06-0{n + 1}T10:00:00.000+09:00", age_band="odd", events=intake)
    out = tmp_path / "o.csv"
    write_opendata_csv(store, out, month="2025-06", settings=Settings())
    text = out.read_text(encoding="utf-8-sig")
    assert "山田" not in text and "odd" not in text
    assert {(r["区分"], r["項目"], r["件数"]) for r in read_csv(out)} == {
        ("相談内容", "その他", "5"),
        ("年代", "その他", "5"),
        ("結果", "記録なし", "5"),
    }


# ---- the staff command -------------------------------------------------------------------


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kiosk")
    commands = parser.add_subparsers(dest="command")
    cli_export.add_commands(commands)
    return parser.parse_args(argv)


def test_export_command_writes_the_file_and_an_audit_row(
    april: RecordStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "april.csv"
    out.parent.mkdir()
    args = parse("export", "csv", str(out), "--from", "2025-04-01", "--to", "2025-04-30", "--events")
    assert cli_export.run(args, tmp_path) == 0

    assert "3 consultation(s)" in capsys.readouterr().out
    assert len(read_csv(out)) == 3 and (tmp_path / "out" / "april-events.csv").exists()
    audit = april.audit_log()[-1]
    assert audit["action"] == "export"
    assert audit["actor"] == f"cli:{getpass.getuser()}"
    assert audit["detail"] == "kind=csv from=2025-04-01 to=2025-04-30 rows=3 notes=no events=yes"
    assert "LINE" not in audit["detail"]


def test_export_command_records_that_notes_went_out(april: RecordStore, tmp_path: Path) -> None:
    assert cli_export.run(parse("export", "csv", str(tmp_path / "x.csv"), "--notes"), tmp_path) == 0
    assert "notes=yes" in april.audit_log()[-1]["detail"]
    assert "from=- to=- rows=5" in april.audit_log()[-1]["detail"]


def test_opendata_command(month: RecordStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "od.csv"
    assert cli_export.run(parse("export", "opendata", str(out), "--month", "2025-04"), tmp_path) == 0
    assert capsys.readouterr().out.startswith(f"{len(read_csv(out))} row(s)")
    assert read_csv(out)[0]["市区町村名"] == "鳴門市"
    audit = month.audit_log()[-1]
    assert audit["action"] == "export" and audit["detail"].startswith("kind=opendata month=2025-04 rows=")


@pytest.mark.parametrize(
    "argv",
    [
        ("csv", "x.csv", "--from", "2025-13-01"),
        ("csv", "x.csv", "--to", "yesterday"),
        ("csv", "x.csv", "--from", "2025-05-01", "--to", "2025-04-01"),
        ("opendata", "x.csv", "--month", "2025-4"),
        ("opendata", "x.csv", "--month", "2025-13"),
    ],
)
def test_bad_dates_are_one_calm_line(
    store: RecordStore, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    assert cli_export.run(parse("export", *argv), tmp_path) == 2
    err = capsys.readouterr().err
    assert err.startswith("kiosk: ") and err.count("\n") == 1
    assert not (tmp_path / "x.csv").exists()
    assert store.audit_log() == []


def test_no_database_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_export.run(parse("export", "csv", str(tmp_path / "x.csv")), tmp_path) == 1
    assert "no records database" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def test_unwritable_destination_is_exit_1(april: RecordStore, tmp_path: Path) -> None:
    out = tmp_path / "missing-folder" / "x.csv"
    assert cli_export.run(parse("export", "csv", str(out)), tmp_path) == 1
    assert april.audit_log() == []


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("JST-9", ["2025-04-01 10:05", "2025-04-01 10:05", ""]),  # one offset all year: cut as text
        ("CET-1CEST,M3.5.0,M10.5.0/3", ["2025-04-01 03:05", "2025-04-01 03:05", ""]),  # summer time in April
    ],
)
def test_times_are_written_in_the_computers_zone(monkeypatch, zone: str, expected: list[str]) -> None:
    import sqlite3

    from kiosk.records.export import _local_sql

    monkeypatch.setenv("TZ", zone)  # japan_time puts it back afterwards
    time.tzset()
    stamps = ["2025-04-01T10:05:30.000+09:00", "2025-04-01T01:05:30.000+00:00", None]
    con = sqlite3.connect(":memory:")
    assert [con.execute(f"SELECT {_local_sql('?1')}", [stamp]).fetchone()[0] for stamp in stamps] == expected


def test_odd_rows_already_in_a_database_are_unknown_not_a_crash_nor_a_formula(
    store: RecordStore, tmp_path
) -> None:
    """Rows not written by the kiosk (merged from an odd bundle): a stamp that is no date
    crashed `export csv --events` and `review stats`; a text in 要フォロー and a stamp-like
    text reached the CSV unguarded."""
    from kiosk.records.review import Filter, statistics

    consult(store, "good", "2026-04-10T10:00:00.000+09:00", ended="2026-04-10T10:20:00.000+09:00")
    consult(store, "odd", "2026-04-31 banana", events=((EventKind.STAFF_CALLED, {}),))
    consult(store, "formula", "2026-04-11T10:00:00.000+09:00", outcome="solved")
    store.db.execute(
        "UPDATE consultations SET follow_up = '=1+1', ended_at = '2026-13-45T99:99' WHERE id = 'formula'"
    )
    store.db.execute("UPDATE events SET at = '=HYPERLINK(\"x\")' WHERE consultation_id = 'odd'")
    out = tmp_path / "all.csv"
    assert write_consultations_csv(store, out, since=None, until=None, with_events=True) == 3
    rows = {row["相談ID"]: row for row in read_csv(out)}
    assert rows["odd"]["開始"] == "不明" and rows["formula"]["終了"] == "不明"
    assert rows["formula"]["要フォロー"] == "'=1+1"
    assert rows["good"]["開始"] == "2026-04-10 10:00"
    events = read_csv(events_path(out))
    assert next(e for e in events if e["相談ID"] == "odd")["時刻"] == "不明"
    # Counted, not dated: the month's chart has the two good ones, the total all three.
    stats = statistics(store, Filter())
    assert stats.consultations == 3 and sum(n for _, n in stats.by["month"]) == 2


def recovered_cells(table: list[list[str]]) -> list[str]:
    """What someone can work out from a published open-data file: each grouping adds up to
    the month's total, which a grouping with no "*" publishes; every listed cell is at
    least 1. A "*" is recovered when it has one possible value only."""
    groups: dict[str, list[str]] = {}
    for row in table[1:]:
        groups.setdefault(row[4], []).append(row[6])
    totals = {sum(map(int, cells)) for cells in groups.values() if "*" not in cells}
    found = []
    for total in totals:
        for part, cells in groups.items():
            hidden = cells.count("*")
            rest = total - sum(int(c) for c in cells if c != "*")
            if hidden == 1 or (hidden > 1 and rest == hidden):
                found.append(f"{part}: {hidden} hidden cell(s) add up to {rest}")
    return found


@pytest.mark.slow
def test_no_hidden_open_data_cell_can_be_worked_out(tmp_path: Path) -> None:
    """Before: every grouping added up to the same monthly total, so a lone "*" was that total
    less the rest (seen in demo data). Ten demo kiosks, every month of their year."""
    months = 0
    for seed in range(10):
        store = RecordStore(tmp_path / f"{seed}.sqlite3", kiosk_id=f"kiosk-{seed}")
        make_demo_data(
            store,
            consultations=300 * (seed + 1),
            seed=seed,
            lesson_ids=list(CATEGORIES),
            start=date(2025, 1, 6),
        )
        for number in range(1, 13):
            out = tmp_path / f"{seed}-{number}.csv"
            write_opendata_csv(
                store, out, month=f"2025-{number:02d}", settings=Settings(), lesson_categories=CATEGORIES
            )
            with out.open(encoding="utf-8-sig", newline="") as file:
                table = list(csv.reader(file))
            if len(table) > 1:
                months += 1
                assert recovered_cells(table) == [], (seed, number, table)
        store.close()
    assert months > 30


@pytest.mark.parametrize(
    ("counts", "hidden"),
    [
        ({"a": 9, "b": 3}, {"a", "b"}),  # a lone "*" would be the total less 9
        ({"a": 9, "b": 1, "c": 1, "d": 6}, {"b", "c", "d"}),  # 1 + 1: both would be 1
        ({"a": 9, "b": 2, "c": 3}, {"b", "c"}),  # 5 in two cells: 1+4, 2+3, …
        ({"a": 9, "b": 7}, set()),
        ({"a": 1}, {"a"}),  # the whole grouping is under 5: the total is not published
    ],
)
def test_hidden_cells_are_never_alone(counts: dict[str, int], hidden: set[str]) -> None:
    assert hidden_cells(counts) == hidden
