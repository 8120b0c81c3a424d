"""The supporter course (サポーター講座) in the records: who finished which lesson, self-check counts.

Progress is kept per supporter account by the `events_course` trigger (training sessions
only); the self-check counts per lesson also include people without an account who
opened the course from the menu. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.records.store import RecordStore


@dataclass
class SupporterProgress:
    supporter_id: str
    finished: dict[str, str] = field(default_factory=dict)  # lesson id → when first finished
    answered: int = 0
    correct: int = 0

    def complete(self, course: list[str]) -> bool:
        return bool(course) and all(lesson in self.finished for lesson in course)


@dataclass(frozen=True)
class CheckCounts:
    lesson_id: str
    answered: int
    correct: int
    finished_by: int  # supporters who finished the lesson


def progress_of(store: RecordStore, supporter_id: str) -> SupporterProgress:
    found = SupporterProgress(supporter_id)
    for row in store.db.execute(
        "SELECT lesson_id, answered, correct, finished_at FROM course_progress WHERE supporter_id = ?",
        [supporter_id],
    ).fetchall():
        lesson_id, answered, correct, finished_at = row
        found.answered += answered
        found.correct += correct
        if finished_at:
            found.finished[lesson_id] = finished_at
    return found


def everyone(store: RecordStore, course: list[str]) -> list[SupporterProgress]:
    """Every supporter with course progress, most lessons finished first."""
    ids = [row[0] for row in store.db.execute("SELECT DISTINCT supporter_id FROM course_progress")]
    found = [progress_of(store, supporter_id) for supporter_id in ids]
    in_course = set(course)
    return sorted(found, key=lambda p: (-len(in_course & p.finished.keys()), p.supporter_id))


def check_counts(store: RecordStore, course: list[str]) -> list[CheckCounts]:
    """Per course lesson: self-check answers and right answers (everyone), supporters who finished it."""
    answers = {
        lesson_id: (answered, correct)
        for lesson_id, answered, correct in store.db.execute(
            "SELECT lesson_id, COUNT(*), SUM(detail = 'right') FROM events "
            "WHERE kind = 'check_answered' GROUP BY lesson_id"
        )
    }
    finished = dict(
        store.db.execute(
            "SELECT lesson_id, COUNT(*) FROM course_progress WHERE finished_at IS NOT NULL GROUP BY lesson_id"
        ).fetchall()
    )
    return [CheckCounts(lesson, *answers.get(lesson, (0, 0)), finished.get(lesson, 0)) for lesson in course]
