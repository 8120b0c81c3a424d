"""Staff exports of the consultation records: a CSV for Excel and the city's monthly open-data counts.

Files are UTF-8 with a BOM and CRLF line ends, so Excel on Japanese Windows opens
them without garbling. Rows are streamed from SQLite cursors, never loaded whole.
"""

from __future__ import annotations

import csv
import itertools
import logging
import operator
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from kiosk.records.events import EventKind
from kiosk.records.labels import AGE_LABELS, NOT_RECORDED, OUTCOME_LABELS, TOPIC_LABELS
from kiosk.records.store import RecordStore, RecordsUnavailable
from kiosk.settings import Settings

log = logging.getLogger("kiosk.records")

ENCODING = "utf-8-sig"  # the BOM tells Excel the file is UTF-8, not Shift_JIS

CONSULTATION_HEADERS = (
    "相談ID",
    "端末",
    "開始",
    "終了",
    "終わり方",
    "モード",
    "サポーター",
    "言語",
    "年代",
    "電話の種類",
    "結果",
    "要フォロー",
    "メモ",
    "レッスン開始回数",
    "わからない回数",
    "手続き案内",
    "印刷",
)
NOTE_HEADER = "メモ"
EVENT_HEADERS = ("相談ID", "順番", "時刻", "種類", "レッスン", "手順", "手続き", "詳細")
OPENDATA_HEADERS = ("全国地方公共団体コード", "都道府県名", "市区町村名", "年月", "区分", "項目", "件数")

# Open data: any count below this is written as "*", so that a group of one or two
# people (say, the only 90-year-old who came in a month) cannot be singled out.
SUPPRESS_BELOW = 5
SUPPRESSED = "*"

# Open data shows words, never stored codes; a code not listed here becomes その他, so
# nothing unexpected (or typed) can ever reach the published file.
OTHER = "その他"
TOPIC, AGE, OUTCOME = "相談内容", "年代", "結果"

# Characters that make Excel (or LibreOffice) read a cell as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard(value: Any) -> Any:
    """A text cell that Excel would run as a formula gets a leading ' (shown as text, not run).

    Covers =, +, -, @, tab and CR (OWASP's CSV-injection list). Numbers and empty cells
    are left as they are, so counts stay numbers.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def local_time(stamp: str | None) -> str:
    """A stored timestamp as local time, `YYYY-MM-DD HH:MM` (empty when there is none)."""
    if not stamp:
        return ""
    try:
        return f"{_local(stamp):%Y-%m-%d %H:%M}"
    except (ValueError, IndexError):  # not a stamp the kiosk wrote (a row from an odd bundle)
        return UNKNOWN


def _local(stamp: str) -> datetime:
    """A stored stamp in this computer's time zone.

    Stamps are `YYYY-MM-DDTHH:MM:SS.fff+09:00`; converting each hour once (and adding
    the minutes) keeps a million-row export quick. Any other form is parsed in full.
    """
    offset = stamp[-6:]
    if len(stamp) >= 22 and stamp[13] == ":" and offset[0] in "+-" and offset[3] == ":":
        hour = _local_hour(f"{stamp[:13]}:00{offset}")
        return hour + timedelta(minutes=int(stamp[14:16]), seconds=int(stamp[17:19]))
    return datetime.fromisoformat(stamp).astimezone()


@lru_cache(maxsize=8192)
def _local_hour(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp).astimezone()


def write_consultations_csv(
    store: RecordStore,
    out: Path,
    *,
    since: date | None,
    until: date | None,
    with_notes: bool = False,
    with_events: bool = False,
) -> int:
    """One row per consultation started between `since` and `until` (inclusive local dates).

    With `with_events`, also `<out stem>-events.csv`, one row per event. Returns the
    number of consultation rows written.
    """
    headers = [h for h in CONSULTATION_HEADERS if with_notes or h != NOTE_HEADER]
    low, high = _bounds(since, until)
    # SQLite does the per-cell work (local time, the exact day range, formula escapes), so a
    # million rows stream from the cursor straight into the CSV writer.
    text = [_guarded_sql(f"c.{column}") for column in ("end_reason", "mode", "supporter_id", "language")]
    coded = [_guarded_sql(f"c.{column}") for column in ("age_band", "device", "outcome")]
    query = (
        f"SELECT {_guarded_sql('c.id')}, {_guarded_sql('c.kiosk_id')}, {_local_sql('c.started_at')}, "
        f"{_local_sql('c.ended_at')}, {', '.join(text)}, {', '.join(coded)}, {_guarded_sql('c.follow_up')}, "
        + (f"{_guarded_sql('c.note')}, " if with_notes else "")
        + "c.lessons, c.dont_understand, c.handoffs, c.slips "  # kept by the schema's triggers
        "FROM consultations c WHERE c.started_at >= :low AND c.started_at < :high "
        "AND (:since IS NULL OR date(c.started_at, 'localtime') >= :since) "
        "AND (:until IS NULL OR date(c.started_at, 'localtime') <= :until) "
        "ORDER BY c.started_at, c.id"
    )
    params = {
        "low": low,
        "high": high,
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
    }
    written = _write(out, headers, _cursor(store, query, params), guarded=True)
    if with_events:
        _write_events(store, events_path(out), since=since, until=until, low=low, high=high)
    log.info("exported %d consultation(s)%s", written, " with events" if with_events else "")
    return written


def events_path(out: Path) -> Path:
    """Where the events file of `out` goes: next to it, `<stem>-events.csv`."""
    return out.with_name(f"{out.stem}-events.csv")


def _write_events(
    store: RecordStore, out: Path, *, since: date | None, until: date | None, low: str, high: str
) -> int:
    query = (
        "SELECT c.id, c.started_at, e.seq, e.at, e.kind, e.lesson_id, e.step, e.procedure_id, e.detail "
        "FROM consultations c JOIN events e ON e.consultation_id = c.id "
        "WHERE c.started_at >= :low AND c.started_at < :high "
        "ORDER BY c.started_at, c.id, e.seq, e.id"
    )

    def rows() -> Iterator[list[Any]]:
        for row in _select(store, query, {"low": low, "high": high}):
            if _within(row[1], since, until):
                yield [row[0], row[2], local_time(row[3]), *row[4:9]]

    return _write(out, EVENT_HEADERS, rows())


def write_opendata_csv(
    store: RecordStore,
    out: Path,
    *,
    month: str,
    settings: Settings,
    lesson_categories: Mapping[str, str] | None = None,
) -> int:
    """The month's counts by 相談内容, 年代 and 結果, in the 自治体標準オープンデータセット style.

    `month` is `YYYY-MM` (local time). 相談内容 is the intake's topic, else the category
    of the first lesson started (looked up in `lesson_categories`, lesson id → category),
    else その他. Counts below SUPPRESS_BELOW are written as "*", with as many more as keep
    each "*" from being worked out by subtraction (`hidden_cells`). Returns the rows written.
    """
    first = date.fromisoformat(f"{month}-01")
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    low, high = _bounds(first, last)
    categories = lesson_categories or {}
    query = (
        "SELECT c.started_at, c.age_band, c.outcome, "
        "(SELECT detail FROM events WHERE consultation_id = c.id AND kind = :intake "
        " ORDER BY seq, id LIMIT 1), "
        "(SELECT lesson_id FROM events WHERE consultation_id = c.id AND kind = :lesson "
        " ORDER BY seq, id LIMIT 1) "
        "FROM consultations c WHERE c.started_at >= :low AND c.started_at < :high"
    )
    params = {
        "intake": EventKind.INTAKE.value,
        "lesson": EventKind.LESSON_STARTED.value,
        "low": low,
        "high": high,
    }
    counts: Counter[tuple[str, str]] = Counter()
    for started_at, age_band, outcome, topic, lesson_id in _select(store, query, params):
        if not _within(started_at, first, last):
            continue
        code = topic or categories.get(lesson_id or "") or "other"
        counts[TOPIC, TOPIC_LABELS.get(code, OTHER)] += 1
        counts[AGE, _label(AGE_LABELS, age_band)] += 1
        counts[OUTCOME, _label(OUTCOME_LABELS, outcome)] += 1

    identity = [settings.opendata_code, settings.opendata_prefecture, settings.opendata_city, month]
    rows = []
    for part, labels in ((TOPIC, TOPIC_LABELS), (AGE, AGE_LABELS), (OUTCOME, OUTCOME_LABELS)):
        items = _ordered(labels.values(), (i for p, i in counts if p == part))
        hidden = hidden_cells({item: counts[part, item] for item in items})
        for item in items:
            rows.append([*identity, part, item, SUPPRESSED if item in hidden else counts[part, item]])
    return _write(out, OPENDATA_HEADERS, rows)


def hidden_cells(counts: Mapping[str, int]) -> set[str]:
    """The cells of one grouping written as "*": each under SUPPRESS_BELOW, and as many more
    (the smallest first) as keep every "*" from being worked out.

    Every grouping adds up to the month's total, which a grouping with no "*" publishes. A
    lone "*" is then that total less the rest; two or more whose sum equals their number
    are all 1. So a grouping hides none, or at least two cells whose sum is more than their
    number: each "*" (at least 1, as only items that occurred are listed) then has more
    than one possible value.
    """
    hidden = {item for item, n in counts.items() if n < SUPPRESS_BELOW}
    shown = sorted((n, item) for item, n in counts.items() if item not in hidden)
    while hidden and shown and (len(hidden) < 2 or sum(counts[item] for item in hidden) <= len(hidden)):
        hidden.add(shown.pop(0)[1])
    return hidden


def _label(labels: Mapping[str, str], code: str | None) -> str:
    return NOT_RECORDED if not code else labels.get(code, OTHER)


def _ordered(known: Iterable[str], seen: Iterable[str]) -> list[str]:
    """The items that occurred: known ones in their fixed order, then 記録なし and その他."""
    present = set(seen)
    order = [*known, NOT_RECORDED, OTHER]
    return [item for item in dict.fromkeys(order) if item in present]


# ---- shared --------------------------------------------------------------------------


def _bounds(since: date | None, until: date | None) -> tuple[str, str]:
    """A text range on started_at sure to hold every wanted row (rows are then checked exactly).

    A stamp's text is in its own UTC offset, which may differ from this computer's by up
    to a day, so the range is a day wider on each side.
    """
    low = (since - timedelta(days=1)).isoformat() if since else ""
    high = (until + timedelta(days=2)).isoformat() if until else "9999"
    return low, high


def _within(stamp: str, since: date | None, until: date | None) -> bool:
    try:
        day = _local(stamp).date()
    except (ValueError, IndexError, TypeError):  # not a stamp the kiosk wrote: in no dated range
        return since is None and until is None
    return (since is None or day >= since) and (until is None or day <= until)


def _cursor(store: RecordStore, query: str, params: Mapping[str, Any]) -> sqlite3.Cursor:
    """The query's cursor, for the CSV writer to read; a database fault becomes RecordsUnavailable."""
    try:
        return store.db.conn.execute(query, params)
    except sqlite3.Error as exc:
        raise RecordsUnavailable(f"export failed: {exc}") from exc


def _select(store: RecordStore, query: str, params: Mapping[str, Any]) -> Iterator[Sequence[Any]]:
    """Rows one at a time from a cursor; a database fault becomes RecordsUnavailable."""
    try:
        yield from store.db.conn.execute(query, params)
    except sqlite3.Error as exc:
        raise RecordsUnavailable(f"export failed: {exc}") from exc


def _write(out: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, guarded: bool = False) -> int:
    """Write a CSV for Excel; the file appears only when complete (no half files on a fault).

    `guarded` rows were escaped by `_guarded_sql` already; others go through `guard` here.
    Rows are counted by `zip` with a counter, so a cursor's rows reach the CSV writer
    without a Python call per row.
    """
    if not guarded:
        rows = ([guard(cell) for cell in row] for row in rows)
    counter = itertools.count()
    try:
        with _replacing(out) as file:
            writer = csv.writer(file, lineterminator="\r\n")
            writer.writerow(headers)
            writer.writerows(map(operator.itemgetter(1), zip(counter, rows, strict=False)))
    except sqlite3.Error as exc:
        raise RecordsUnavailable(f"export failed: {exc}") from exc
    return next(counter) - 1  # zip takes one more number before it finds the rows are done


def _guarded_sql(column: str) -> str:
    """`guard` in SQL: a text starting with =, +, -, @, tab or CR gets a leading '."""
    return f"CASE WHEN unicode({column}) IN ({_STARTS_SQL}) THEN '''' || {column} ELSE {column} END"


_STARTS_SQL = ", ".join(str(ord(c)) for c in _FORMULA_STARTS)


def _local_sql(column: str) -> str:
    """A stored stamp as this computer's local `YYYY-MM-DD HH:MM`, by SQLite (empty when none).

    Where this computer's zone has one UTC offset all year (Japan), a stamp already in
    that offset is cut as text; anything else goes through SQLite's 'localtime'.
    """
    converted = f"strftime('%Y-%m-%d %H:%M', {column}, 'localtime')"
    fixed = _fixed_offset()
    local = converted
    if fixed is not None:
        cut = f"substr({column}, 1, 10) || ' ' || substr({column}, 12, 5)"
        local = f"CASE WHEN substr({column}, -6) = '{fixed}' THEN {cut} ELSE {converted} END"
    # Only a stamp that looks like one is cut as text; anything else (a row merged from an
    # odd bundle, "=HYPERLINK(…)+09:00") is 不明, never the text itself.
    return (
        f"CASE WHEN {column} IS NULL OR {column} = '' THEN '' "
        f"WHEN {column} GLOB '{_STAMP_GLOB}' THEN COALESCE({local}, '{UNKNOWN}') ELSE '{UNKNOWN}' END"
    )


_STAMP_GLOB = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]*"
UNKNOWN = "不明"  # a stored value that is not what the kiosk writes (shown, never trusted)


def _fixed_offset() -> str | None:
    """This computer's UTC offset as `+09:00` if it is the same in January and July, else None."""
    year = datetime.now().year
    offsets = {datetime(year, month, 1).astimezone().strftime("%z") for month in (1, 7)}
    if len(offsets) != 1:
        return None
    offset = offsets.pop()
    return f"{offset[:3]}:{offset[3:5]}"


@contextmanager
def _replacing(out: Path) -> Iterator[TextIO]:
    partial = out.with_name(out.name + ".partial")
    try:
        with partial.open("w", encoding=ENCODING, newline="") as file:
            yield file
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
