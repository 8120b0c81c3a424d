"""What citizens need, from the records: filtered pages of consultations, statistics and つまずき.

All counting is done by SQLite (indexes, GROUP BY), so the numbers come back
in well under a second on a year of records and nothing holds the whole table
in memory. No Qt here: the staff screens and the monthly report both use it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from kiosk.records.events import EventKind
from kiosk.records.store import RecordStore

PAGE = 50


@dataclass(frozen=True)
class Filter:
    """Which consultations to look at; None means any. Dates are local and inclusive."""

    since: date | None = None
    until: date | None = None
    kiosk: str | None = None
    mode: str | None = None
    topic: str | None = None  # the supporter's intake answer
    outcome: str | None = None
    age_band: str | None = None
    device: str | None = None
    language: str | None = None
    follow_up: bool | None = None
    note_contains: str | None = None

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
        for column in ("kiosk", "mode", "outcome", "age_band", "device", "language"):
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
        if self.topic is not None:
            parts.append(
                "EXISTS (SELECT 1 FROM events t "
                "WHERE t.consultation_id = c.id AND t.kind = ? AND t.detail = ?)"
            )
            args += [EventKind.INTAKE.value, self.topic]
        return (" AND ".join(parts) or "1"), args


def count(store: RecordStore, chosen: Filter) -> int:
    where, args = chosen.where()
    return int(store.db.execute(f"SELECT COUNT(*) FROM consultations c WHERE {where}", args).fetchone()[0])


def page(store: RecordStore, chosen: Filter, number: int = 0, size: int = PAGE) -> list[dict[str, Any]]:
    """One page of consultations, newest first, with how many lessons and 「わからない」 each had."""
    where, args = chosen.where()
    cursor = store.db.execute(
        f"""
        SELECT c.*,
          (SELECT COUNT(*) FROM events e WHERE e.consultation_id = c.id AND e.kind = 'lesson_started')
            AS lessons,
          (SELECT COUNT(*) FROM events e WHERE e.consultation_id = c.id AND e.kind = 'dont_understand')
            AS dont_understand
        FROM consultations c WHERE {where}
        ORDER BY c.started_at DESC, c.id LIMIT ? OFFSET ?
        """,
        [*args, size, number * size],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


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


# (name, SQL expression over `consultations c`)
GROUPINGS = {
    "month": "substr(c.started_at, 1, 7)",
    "weekday": "strftime('%w', substr(c.started_at, 1, 19))",  # 0 = Sunday
    "hour": "substr(c.started_at, 12, 2)",
    "age_band": "COALESCE(c.age_band, '')",
    "device": "COALESCE(c.device, '')",
    "outcome": "COALESCE(c.outcome, '')",
    "mode": "c.mode",
    "kiosk": "c.kiosk_id",
    "language": "c.language",
}


def statistics(store: RecordStore, chosen: Filter) -> Statistics:
    where, args = chosen.where()
    stats = Statistics(consultations=count(store, chosen))
    for name, expression in GROUPINGS.items():
        rows = store.db.execute(
            f"SELECT {expression} AS k, COUNT(*) FROM consultations c WHERE {where} GROUP BY k ORDER BY k",
            args,
        ).fetchall()
        stats.by[name] = [(str(k), int(n)) for k, n in rows]
    stats.by["topic"] = [
        (str(k), int(n))
        for k, n in store.db.execute(
            f"SELECT e.detail, COUNT(DISTINCT e.consultation_id) FROM events e "
            f"JOIN consultations c ON c.id = e.consultation_id WHERE e.kind = 'intake' AND {where} "
            "GROUP BY e.detail ORDER BY 2 DESC, 1",
            args,
        ).fetchall()
    ]
    kinds = {
        EventKind.HANDOFF_SHOWN: "handoffs_shown",
        EventKind.SLIP_PRINTED: "slips_printed",
        EventKind.STAFF_CALLED: "staff_calls",
        EventKind.IDLE_RESET: "idle_resets",
    }
    for kind, number in store.db.execute(
        f"SELECT e.kind, COUNT(*) FROM events e JOIN consultations c ON c.id = e.consultation_id "
        f"WHERE e.kind IN ({', '.join('?' * len(kinds))}) AND {where} GROUP BY e.kind",
        [*(k.value for k in kinds), *args],
    ).fetchall():
        setattr(stats, kinds[EventKind(kind)], int(number))
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


def stumbles(store: RecordStore, chosen: Filter) -> list[LessonStumbles]:
    """Per lesson: started, finished, 「わからない」 by step, and the step where unfinished runs stopped.

    A run is one consultation's time in one lesson. Sorted with the most trouble first.
    """
    where, args = chosen.where()
    found: dict[str, LessonStumbles] = {}

    def lesson(lesson_id: str) -> LessonStumbles:
        return found.setdefault(lesson_id, LessonStumbles(lesson_id))

    joined = (
        f"FROM events e JOIN consultations c ON c.id = e.consultation_id "
        f"WHERE {where} AND e.lesson_id IS NOT NULL"
    )
    for lesson_id, kind, n in store.db.execute(
        f"SELECT e.lesson_id, e.kind, COUNT(*) {joined} AND e.kind IN ('lesson_started', 'lesson_finished') "
        "GROUP BY e.lesson_id, e.kind",
        args,
    ).fetchall():
        if kind == "lesson_started":
            lesson(lesson_id).started = int(n)
        else:
            lesson(lesson_id).finished = int(n)
    for lesson_id, step, n in store.db.execute(
        f"SELECT e.lesson_id, e.step, COUNT(*) {joined} AND e.kind = 'dont_understand' "
        "GROUP BY e.lesson_id, e.step",
        args,
    ).fetchall():
        lesson(lesson_id).dont_understand[int(step)] = int(n)
    # Unfinished runs: the highest step shown in a consultation's lesson with no lesson_finished after it.
    for lesson_id, step, n in store.db.execute(
        f"""
        SELECT lesson_id, last_step, COUNT(*) FROM (
          SELECT e.consultation_id, e.lesson_id, MAX(e.step) AS last_step,
                 SUM(e.kind = 'lesson_finished') AS done
          {joined} AND e.kind IN ('step_shown', 'lesson_finished')
          GROUP BY e.consultation_id, e.lesson_id
        ) WHERE done = 0 AND last_step IS NOT NULL GROUP BY lesson_id, last_step
        """,
        args,
    ).fetchall():
        lesson(lesson_id).left_at[int(step)] = int(n)
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
    where, args = chosen.where()
    rows = store.db.execute(
        f"""
        SELECT json_extract(e.detail, '$.exercise') AS exercise, COUNT(*),
               SUM(json_extract(e.detail, '$.attempts')), SUM(json_extract(e.detail, '$.successes'))
        FROM events e JOIN consultations c ON c.id = e.consultation_id
        WHERE e.kind = 'practice_result' AND json_valid(e.detail) AND {where}
        GROUP BY exercise
        """,
        args,
    ).fetchall()
    found = [PracticeStumbles(str(x), int(t), int(a or 0), int(s or 0)) for x, t, a, s in rows if x]
    return sorted(found, key=lambda p: (-p.not_yet_rate, p.exercise))
