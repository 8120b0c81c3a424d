"""What citizens need, from the records: filtered pages of consultations, statistics and つまずき.

All counting is done by SQLite (indexes, GROUP BY), so the numbers come back
in well under a second on a year of records and nothing holds the whole table
in memory. No Qt here: the staff screens and the monthly report both use it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from kiosk.records.schema import STATISTICS_COLUMNS
from kiosk.records.store import RecordStore

PAGE = 50


@dataclass(frozen=True)
class Filter:
    """Which consultations to look at; None means any. Dates are local and inclusive."""

    since: date | None = None
    until: date | None = None
    kiosk: str | None = None
    kiosk_mode: str | None = None  # 'normal' or 'disaster' (災害モード)
    mode: str | None = None
    topic: str | None = None  # the supporter's intake answer
    outcome: str | None = None
    age_band: str | None = None
    device: str | None = None
    language: str | None = None
    follow_up: bool | None = None
    note_contains: str | None = None

    @property
    def period_only(self) -> bool:
        """Only dates are chosen: tables that carry the start time need no join to consultations."""
        return self == Filter(since=self.since, until=self.until)

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition on `consultations c` and its parameters."""
        parts: list[str] = []
        args: list[Any] = []
        if self.since:
            parts.append("c.started_at >= ?")
            args.append(self.since.isoformat())
        if self.until:
            parts.append("c.started_at < ?")
            args.append((self.until + timedelta(days=1)).isoformat())
        for column in ("kiosk", "kiosk_mode", "mode", "outcome", "age_band", "device", "language", "topic"):
            value = getattr(self, column)
            if value is not None:
                parts.append(f"c.{'kiosk_id' if column == 'kiosk' else column} = ?")
                args.append(value)
        if self.follow_up is not None:
            parts.append("COALESCE(c.follow_up, 0) = ?")
            args.append(int(self.follow_up))
        if self.note_contains:
            parts.append("c.note LIKE ? ESCAPE '\\'")
            escaped = self.note_contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            args.append(f"%{escaped}%")
        return (" AND ".join(parts) or "1"), args


def count(store: RecordStore, chosen: Filter) -> int:
    where, args = chosen.where()
    return int(store.db.execute(f"SELECT COUNT(*) FROM consultations c WHERE {where}", args).fetchone()[0])


def page(store: RecordStore, chosen: Filter, number: int = 0, size: int = PAGE) -> list[dict[str, Any]]:
    """One page of consultations, newest first, with how many lessons and 「わからない」 each had."""
    where, args = chosen.where()
    cursor = store.db.execute(
        f"""
        SELECT c.*
        FROM consultations c WHERE {where}
        ORDER BY c.started_at DESC, c.id LIMIT ? OFFSET ?
        """,
        [*args, size, number * size],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def kiosks(store: RecordStore) -> list[str]:
    """The kiosks that have records here (from an index, not a table scan)."""
    return [str(row[0]) for row in store.db.execute("SELECT DISTINCT kiosk_id FROM consultations ORDER BY 1")]


def events_of(store: RecordStore, consultation_id: str) -> list[dict[str, Any]]:
    return store.events(consultation_id)


@dataclass
class Statistics:
    consultations: int = 0
    by: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    handoffs_shown: int = 0
    slips_printed: int = 0
    staff_calls: int = 0
    idle_resets: int = 0


def totals(store: RecordStore, chosen: Filter) -> Statistics:
    """Only the totals (no groupings): one aggregate over the chosen consultations."""
    where, args = chosen.where()
    row = store.db.execute(
        "SELECT COUNT(*), TOTAL(c.handoffs), TOTAL(c.slips), TOTAL(c.staff_calls), TOTAL(c.idle_resets) "
        f"FROM consultations c WHERE {where}",
        args,
    ).fetchone()
    n, handoffs, slips, calls, resets = (int(x) for x in row)
    return Statistics(n, {}, handoffs, slips, calls, resets)


# Groupings read in one pass over the consultations (their summary columns and indexes).
DIMENSIONS = ("kiosk_mode", "mode", "kiosk", "language", "age_band", "device", "outcome", "topic")
_DIMENSION_SQL = ", ".join(f"c.{column.strip()}" for column in STATISTICS_COLUMNS.split(","))


def statistics(store: RecordStore, chosen: Filter) -> Statistics:
    """Counts by each grouping, from two GROUP BY queries instead of one per grouping.

    The first groups by all the coded columns at once (a few thousand rows at most), the
    second by the hour of the start time; Python adds them up per grouping.
    """
    where, args = chosen.where()
    stats = Statistics()
    tallies: dict[str, Counter[str]] = {name: Counter() for name in (*DIMENSIONS, "month", "weekday", "hour")}
    for *keys, n, handoffs, slips, calls, resets in store.db.execute(
        f"SELECT {_DIMENSION_SQL}, COUNT(*), SUM(c.handoffs), SUM(c.slips), SUM(c.staff_calls), "
        f"SUM(c.idle_resets) FROM consultations c WHERE {where} GROUP BY {_DIMENSION_SQL}",
        args,
    ):
        stats.consultations += n
        stats.handoffs_shown += handoffs
        stats.slips_printed += slips
        stats.staff_calls += calls
        stats.idle_resets += resets
        for name, key in zip(DIMENSIONS, keys, strict=True):
            if key is not None or name not in ("mode", "kiosk", "language", "topic"):
                tallies[name]["" if key is None else str(key)] += n
    for hour_key, n in store.db.execute(
        f"SELECT substr(c.started_at, 1, 13), COUNT(*) FROM consultations c WHERE {where} GROUP BY 1", args
    ):
        try:
            day = date.fromisoformat((hour_key or "")[:10])
            int(hour_key[11:13])
        except ValueError:  # not a stamp the kiosk wrote (an odd merged row): counted, not dated
            continue
        tallies["month"][hour_key[:7]] += n
        tallies["weekday"][str(day.isoweekday() % 7)] += n  # 0 = Sunday, as SQLite's %w
        tallies["hour"][hour_key[11:13]] += n
    for name, tally in tallies.items():
        if name == "topic":
            stats.by[name] = sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
        else:
            stats.by[name] = sorted(tally.items())
    return stats


@dataclass
class LessonStumbles:
    lesson_id: str
    started: int = 0
    finished: int = 0
    # step → count, for the steps that had any
    dont_understand: dict[int, int] = field(default_factory=dict)
    left_at: dict[int, int] = field(
        default_factory=dict
    )  # the last step seen when the lesson was not finished

    @property
    def worst_step(self) -> int | None:
        scores: dict[int, int] = defaultdict(int)
        for step, n in (*self.dont_understand.items(), *self.left_at.items()):
            scores[step] += n
        return max(scores, key=lambda s: (scores[s], -s)) if scores else None


def _summary_source(table: str, chosen: Filter) -> tuple[str, list[Any]]:
    """FROM … WHERE … over a summary table `r` (lesson_runs, step_help, practice_runs).

    They carry the consultation's start time, so a period needs no join; other filters
    join the consultations, found through their own indexes.
    """
    if chosen.period_only:
        where, args = chosen.where()
        return f"FROM {table} r WHERE {where.replace('c.started_at', 'r.started_at')}", args
    where, args = chosen.where()
    return f"FROM consultations c JOIN {table} r ON r.consultation_id = c.id WHERE {where}", args


def stumbles(store: RecordStore, chosen: Filter) -> list[LessonStumbles]:
    """Per lesson: started, finished, 「わからない」 by step, and the step where unfinished runs stopped.

    A run is one consultation's time in one lesson (kept in `lesson_runs` as events are
    written; 「わからない」 in `step_help`). Sorted with the most trouble first.
    """
    found: dict[str, LessonStumbles] = {}

    def lesson(lesson_id: str) -> LessonStumbles:
        return found.setdefault(lesson_id, LessonStumbles(lesson_id))

    source, args = _summary_source("lesson_runs", chosen)
    for lesson_id, last_step, finished, runs, started in store.db.execute(
        f"SELECT r.lesson_id, r.last_step, r.finished, COUNT(*), SUM(r.started) {source} "
        "GROUP BY r.lesson_id, r.last_step, r.finished",
        args,
    ):
        this = lesson(lesson_id)
        this.started += int(started)
        this.finished += int(finished) * int(runs)
        if not finished and last_step is not None:
            this.left_at[int(last_step)] = this.left_at.get(int(last_step), 0) + int(runs)
    source, args = _summary_source("step_help", chosen)
    for lesson_id, step, n in store.db.execute(
        f"SELECT r.lesson_id, r.step, SUM(r.asked) {source} GROUP BY r.lesson_id, r.step", args
    ):
        lesson(lesson_id).dont_understand[int(step)] = int(n)
    return sorted(
        found.values(),
        key=lambda s: (-(sum(s.dont_understand.values()) + sum(s.left_at.values())), s.lesson_id),
    )


@dataclass(frozen=True)
class PracticeStumbles:
    exercise: str
    tries: int
    attempts: int
    successes: int

    @property
    def not_yet_rate(self) -> float:
        return 1 - self.successes / self.attempts if self.attempts else 0.0


def practice_stumbles(store: RecordStore, chosen: Filter) -> list[PracticeStumbles]:
    """Which gestures failed most: attempts that were not (yet) right, per exercise."""
    source, args = _summary_source("practice_runs", chosen)
    rows = store.db.execute(
        f"SELECT r.exercise, COUNT(*), SUM(r.attempts), SUM(r.successes) {source} GROUP BY r.exercise", args
    ).fetchall()
    found = [PracticeStumbles(str(x), int(t), int(a or 0), int(s or 0)) for x, t, a, s in rows if x]
    return sorted(found, key=lambda p: (-p.not_yet_rate, p.exercise))


def trouble_counts(store: RecordStore, chosen: Filter) -> list[tuple[str, int]]:
    """How often each trouble of 「こまったことから さがす」 was chosen, most first."""
    where, args = chosen.where()
    return [
        (str(trouble), int(n))
        for trouble, n in store.db.execute(
            "SELECT e.detail, COUNT(*) FROM events e JOIN consultations c ON c.id = e.consultation_id "
            f"WHERE e.kind = 'trouble_chosen' AND {where} GROUP BY e.detail ORDER BY 2 DESC, 1",
            args,
        )
    ]
