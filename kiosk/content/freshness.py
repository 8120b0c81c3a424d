"""Is a lesson's or procedure's content still known to be right? Its `checked_on` date and
its 未確認 (unconfirmed) marks.

Every lesson and procedure says when its facts were last checked against their official
sources (`checked_on`) and where they come from (`sources`, on the file or on a step). A
source that begins with 「未確認」 marks a fact that could not be confirmed. The checker
notes a file not checked for 12 months, and lists each 未確認 mark; staff mode counts the
lessons due for a re-check. Notes, not errors: the lesson still plays.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from kiosk.content.problems import Problem
from kiosk.content.validate import Loaded, field_name

if TYPE_CHECKING:
    from kiosk.content.lessons import Lesson

UNCONFIRMED = "未確認"
RECHECK_MONTHS = 12


def recheck_from(checked_on: date) -> date:
    """The day a check made on `checked_on` is 12 months old (29 February → 28 February)."""
    year = checked_on.year + RECHECK_MONTHS // 12
    try:
        return checked_on.replace(year=year)
    except ValueError:
        return checked_on.replace(year=year, day=28)


def recheck_due(checked_on: date | None, today: date) -> bool:
    return checked_on is None or today >= recheck_from(checked_on)


def lessons_due(lessons: Iterable[Lesson], today: date) -> int:
    """How many lessons are due for a re-check (staff mode shows the count)."""
    return sum(recheck_due(lesson.checked_on, today) for lesson in lessons)


def is_unconfirmed(source: str) -> bool:
    return source.lstrip().startswith(UNCONFIRMED)


def due_message(checked_on: date | None) -> str:
    if checked_on is None:
        return (
            "確かめた日（checked_on）が ありません。公式の ページで 確かめて、日付を 書いて ください "
            "(no checked_on date)"
        )
    return (
        f"{checked_on.isoformat()} に 確かめてから {RECHECK_MONTHS}か月 以上 たちました。"
        "公式の ページで 確かめなおして、checked_on を 新しく して ください "
        f"(re-check due: checked {checked_on})"
    )


def freshness_problems(
    loaded: Loaded[Any],
    checked_on: date | None,
    sources: Sequence[tuple[tuple[str | int, ...], str]],
    today: date,
) -> list[Problem]:
    """The checker's notes: re-check due, and each 未確認 mark with its line."""
    found: list[Problem] = []
    if recheck_due(checked_on, today):
        line = loaded.line_of("checked_on") if checked_on else 1
        found.append(Problem(loaded.file, line, "checked_on", due_message(checked_on), fatal=False))
    for path, source in sources:
        if is_unconfirmed(source):
            found.append(Problem(loaded.file, loaded.line_of(*path), field_name(path), source, fatal=False))
    return found
