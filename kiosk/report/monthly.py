"""The month in numbers, and the month before for comparison (no Qt, no personal data)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kiosk.records import review
from kiosk.records.card_checks import CardMonth, card_checks
from kiosk.records.store import RecordStore

TOP = 10


@dataclass(frozen=True)
class Monthly:
    month: str  # YYYY-MM
    previous: str
    consultations: int
    previous_consultations: int
    stats: review.Statistics
    stumbles: list[review.LessonStumbles]
    practice: list[review.PracticeStumbles]
    cards: CardMonth  # 「カードを かざして 調べる」: the month's checks by expiry band and PIN


def month_bounds(month: str) -> tuple[date, date]:
    """First and last day of YYYY-MM; ValueError for anything else."""
    first = date.fromisoformat(f"{month}-01")
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def monthly(store: RecordStore, month: str) -> Monthly:
    first, last = month_bounds(month)
    before_last = first - timedelta(days=1)
    before_first = before_last.replace(day=1)
    this = review.Filter(since=first, until=last)
    before = review.Filter(since=before_first, until=before_last)
    return Monthly(
        month=month,
        previous=f"{before_first:%Y-%m}",
        consultations=review.count(store, this),
        previous_consultations=review.count(store, before),
        stats=review.statistics(store, this),
        stumbles=review.stumbles(store, this)[:TOP],
        practice=review.practice_stumbles(store, this),
        cards=_cards(store, this, month),
    )


def _cards(store: RecordStore, chosen: review.Filter, month: str) -> CardMonth:
    # The month's consultations, and of their checks those made in the month (not one at
    # midnight on its last day that went on into the next).
    return next((found for found in card_checks(store, chosen) if found.month == month), CardMonth(month))
