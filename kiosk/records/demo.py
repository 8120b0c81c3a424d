"""Synthetic consultations for demos, tests and benchmarks, shaped like a city-hall room's days.

Everything comes from one seeded random generator (seed and kiosk id), so the same call
gives the same rows. Only codes from fixed lists are written; notes are None or one of a
few fixed, harmless sentences. Rows go in with executemany, in large transactions.
"""

from __future__ import annotations

import json
import logging
import random
import uuid
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kiosk.card.check import EXPIRY_BANDS, PIN_STATES
from kiosk.records.card_checks import card_detail
from kiosk.records.events import EventKind
from kiosk.records.store import RecordStore

log = logging.getLogger("kiosk.records")

MODES = ("self", "supporter", "staff")
AGE_BANDS = ("-59", "60s", "70s", "80+", "unknown")
DEVICES = ("iphone", "android", "raku", "feature", "none")
LANGUAGES = ("ja", "ja-easy", "en")
TOPICS = ("basics", "mynumber", "practice", "other")
OUTCOMES = ("solved", "next_time", "referred_city", "referred_carrier", "referred_other")
NOTES = (
    "次回は 写真の 送り方の 続き",
    "暗証番号は 窓口で 確認するよう 案内",
    "ご家族と いっしょに 来る 予定",
    "スマホの 充電が 少なかった",
)
SUPPORTERS = ("supporter-01", "supporter-02", "supporter-03", "supporter-04", "supporter-05")
STAFF = ("staff-01", "staff-02")
EXERCISES: dict[str, tuple[str, ...]] = {
    "tap": ("missed", "held", "moved"),
    "double-tap": ("slow", "missed"),
    "long-press": ("short", "moved"),
    "swipe": ("short", "direction"),
    "drag": ("missed", "dropped"),
    "pinch": ("one-finger", "small", "big"),
    "flick": ("direction", "short"),
    "qwerty": ("wrong-key",),
}
SCREENS = ("LessonScreen", "MenuScreen", "HomeScreen", "HandoffScreen", "PracticeScreen")
PRINT_FAILURES = ("no paper", "printer offline")
# 「カードを かざして 調べる」 at the end of some マイナンバー consultations: most certificates
# have years left, some run out within the year; the long 署名用 PIN is the one forgotten.
CARD_CHECK_SHARE = 0.15
BAND_WEIGHTS = (0.55, 0.25, 0.13, 0.07)  # as EXPIRY_BANDS
PIN_WEIGHTS = ((0.92, 0.05, 0.03), (0.80, 0.10, 0.10), (0.93, 0.04, 0.03))  # auth, sign, kenhojo

OFFSET = "+09:00"  # the room is in Japan: one UTC offset all year
OPEN_HOURS = (9, 10, 11, 12, 13, 14, 15, 16)
HOUR_WEIGHTS = (3.0, 5.0, 5.0, 1.5, 3.0, 4.0, 3.0, 1.5)  # busy mornings, quiet lunch
PER_OPEN_DAY = 35
MAX_SPAN_DAYS = 3 * 365
BATCH = 20_000
CACHE_KIB = -256_000  # negative: KiB, as SQLite counts it

_MYNUMBER_WORDS = ("myn", "mynumber", "certificate", "e-tax", "public-fund", "pin-", "online-application")

CONSULTATION_SQL = (
    "INSERT OR IGNORE INTO consultations (id, kiosk_id, started_at, ended_at, end_reason, mode, "
    "supporter_id, language, age_band, device, outcome, follow_up, note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
EVENT_SQL = (
    "INSERT OR IGNORE INTO events (consultation_id, seq, at, kind, lesson_id, step, procedure_id, detail) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)

Batch = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]  # consultation rows, event rows
_K = {kind: str(kind) for kind in EventKind}


@dataclass(frozen=True)
class _Lesson:
    id: str
    steps: int
    hard: frozenset[int]  # the steps where people get stuck (つまずき), the same on every kiosk
    procedure: str | None
    mynumber: bool


def _lessons(
    lesson_ids: list[str], steps: Mapping[str, int] | None, procedures: Mapping[str, str] | None
) -> list[_Lesson]:
    lessons = []
    for lesson_id in lesson_ids:
        crc = zlib.crc32(lesson_id.encode())
        count = (steps or {}).get(lesson_id) or 5 + crc % 8
        hard = {1 + (crc >> 8) % count, 1 + (crc >> 16) % count} if count > 2 else {count}
        lessons.append(
            _Lesson(
                lesson_id,
                count,
                frozenset(hard),
                (procedures or {}).get(lesson_id),
                any(word in lesson_id for word in _MYNUMBER_WORDS),
            )
        )
    return lessons


def _popularity(lessons: list[_Lesson]) -> list[float]:
    # A few lessons are asked for far more than the rest; which ones is fixed per id.
    ranked = sorted(lessons, key=lambda lesson: zlib.crc32(lesson.id.encode()))
    rank = {lesson.id: i for i, lesson in enumerate(ranked)}
    return [1.0 / (1.0 + 0.4 * rank[lesson.id]) for lesson in lessons]


def _busy_season(day: date) -> bool:
    """Tax filing (mid-Feb to mid-Mar) and the health-insurance card switch (Nov, Dec)."""
    return (2, 10) <= (day.month, day.day) <= (3, 15) or day.month in (11, 12)


def _span(consultations: int) -> int:
    """Calendar days for about PER_OPEN_DAY a day; busier days rather than more than three years."""
    open_days = max(1, -(-consultations // PER_OPEN_DAY))
    return min(MAX_SPAN_DAYS, open_days * 7 // 5 + 7)


def _open_days(start: date, consultations: int) -> tuple[list[date], list[float]]:
    days, weights = [], []
    for offset in range(_span(consultations)):
        day = start + timedelta(days=offset)
        if (day.month, day.day) >= (12, 29) or (day.month, day.day) <= (1, 3):
            continue  # the city hall's New Year closing
        weekday = day.weekday()
        if weekday == 6 or (weekday == 5 and not 8 <= day.day <= 14):
            continue  # open on the second Saturday only
        weight = (1.3, 1.0, 1.0, 1.0, 1.1, 0.6)[weekday]
        days.append(day)
        weights.append(weight * (1.3 if _busy_season(day) else 1.0))
    return days, weights


TRAINING_SHARE = 0.05  # of supporters' sessions: taking the supporter course instead


class _Generator:
    def __init__(
        self,
        rng: random.Random,
        kiosk_id: str,
        lessons: list[_Lesson],
        course: Mapping[str, tuple[int, int]] | None = None,
        cards: random.Random | None = None,
    ) -> None:
        self.rng = rng
        self.cards = cards or random.Random(kiosk_id)
        self.course = dict(course or {})  # course lesson id → (steps, self-check questions)
        self.kiosk_id = kiosk_id
        self.basics = [lesson for lesson in lessons if not lesson.mynumber] or lessons
        self.mynumber = [lesson for lesson in lessons if lesson.mynumber] or lessons
        self.basics_weights = _popularity(self.basics)
        self.mynumber_weights = _popularity(self.mynumber)
        self.consultations: list[tuple[Any, ...]] = []
        self.events: list[tuple[Any, ...]] = []

    def consultation(self, day: str, start_ms: int, season: bool) -> None:
        rng = self.rng
        cid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        mode = rng.choices(MODES, (0.55, 0.40, 0.05))[0]
        assisted = mode != "self"
        old = False
        supporter = age = device = outcome = follow_up = note = None
        if assisted:
            supporter = rng.choice(SUPPORTERS if mode == "supporter" else STAFF)
            if mode == "supporter" and self.course and rng.random() < TRAINING_SHARE:
                self.training(cid, supporter, day, start_ms)
                return
            age = rng.choices(AGE_BANDS, (0.08, 0.22, 0.40, 0.25, 0.05))[0]
            device = rng.choices(DEVICES, (0.30, 0.30, 0.25, 0.08, 0.07))[0]
            old = age == "80+"
        language = rng.choices(LANGUAGES, (0.93, 0.05, 0.02))[0]
        mynumber_share = 0.55 if season else 0.35
        topic = rng.choices(TOPICS, (0.45, mynumber_share, 0.12, 0.08 if assisted else 0.0))[0]

        events = self.events
        seq = 0
        t = start_ms

        def event(
            kind: EventKind,
            lesson_id: str | None = None,
            step: int | None = None,
            procedure_id: str | None = None,
            detail: str | None = None,
            gap: tuple[int, int] = (4_000, 40_000),
        ) -> None:
            nonlocal seq, t
            seq += 1
            t += rng.randint(*gap)
            events.append((cid, seq, self.at(day, t), _K[kind], lesson_id, step, procedure_id, detail))

        if assisted:
            event(EventKind.INTAKE, detail=topic, gap=(500, 5_000))
        else:
            if rng.random() < 0.15:
                event(EventKind.DEVICE_CHOSEN, detail=rng.choice(DEVICES[:3]), gap=(500, 5_000))
            if rng.random() < 0.08:
                event(EventKind.TEXT_SIZE_CHANGED, detail=rng.choice(("large", "xlarge")), gap=(500, 5_000))
            if rng.random() < 0.03:
                event(EventKind.FURIGANA_CHANGED, detail="on", gap=(500, 5_000))

        end_reason = "closed_out" if assisted else "home"
        finished_any = False
        if topic == "practice":
            for _ in range(rng.choices((1, 2, 3), (0.5, 0.3, 0.2))[0]):
                event(EventKind.PRACTICE_RESULT, detail=self.practice(old), gap=(30_000, 180_000))
        elif topic in ("basics", "mynumber"):
            pool, weights = (
                (self.mynumber, self.mynumber_weights)
                if topic == "mynumber"
                else (self.basics, self.basics_weights)
            )
            count = rng.choices((1, 2, 3), (0.70, 0.22, 0.08))[0] if assisted else 1
            for lesson in rng.choices(pool, weights, k=count):
                first = 1
                if not assisted and rng.random() < 0.03 and lesson.steps > 2:
                    first = rng.randint(2, lesson.steps)
                    event(EventKind.RESUMED, lesson.id, first, gap=(2_000, 20_000))
                event(EventKind.LESSON_STARTED, lesson.id, gap=(1_000, 8_000))
                stuck_any = False
                abandoned = False
                for step in range(first, lesson.steps + 1):
                    event(EventKind.STEP_SHOWN, lesson.id, step, gap=(800, 3_000))
                    if rng.random() < 0.10:
                        event(EventKind.READ_ALOUD, detail="LessonScreen", gap=(1_000, 6_000))
                    stuck = 0.28 if step in lesson.hard else 0.03
                    if rng.random() < (stuck * 1.5 if old else stuck):
                        stuck_any = True
                        event(EventKind.DONT_UNDERSTAND, lesson.id, step, gap=(10_000, 60_000))
                        if not assisted and rng.random() < 0.15:
                            event(EventKind.STAFF_CALLED, detail="LessonScreen", gap=(2_000, 15_000))
                    t += rng.randint(8_000, 60_000)
                    if not assisted and rng.random() < (0.10 if stuck_any else 0.015):
                        abandoned = True
                        break
                if abandoned:
                    if rng.random() < 0.5:
                        event(EventKind.IDLE_WARNING, gap=(60_000, 120_000))
                        event(EventKind.IDLE_RESET, gap=(30_000, 30_000))
                        end_reason = "idle_reset"
                    break
                if lesson.procedure and rng.random() < 0.55:
                    event(EventKind.HANDOFF_SHOWN, procedure_id=lesson.procedure)
                    luck = rng.random()
                    if luck < 0.6:
                        event(EventKind.SLIP_PRINTED, procedure_id=lesson.procedure, gap=(3_000, 15_000))
                    elif luck < 0.62:
                        event(
                            EventKind.SLIP_PRINT_FAILED,
                            procedure_id=lesson.procedure,
                            detail=rng.choice(PRINT_FAILURES),
                            gap=(3_000, 15_000),
                        )
                event(EventKind.LESSON_FINISHED, lesson.id, gap=(1_000, 5_000))
                finished_any = True
            if not assisted and finished_any:
                end_reason = "finished"
        elif not assisted or rng.random() < 0.5:
            event(EventKind.STAFF_CALLED, detail=rng.choice(SCREENS))
        if not assisted and end_reason == "home" and rng.random() < 0.08:
            event(EventKind.IDLE_WARNING, gap=(60_000, 120_000))
            event(EventKind.IDLE_RESET, gap=(30_000, 30_000))
            end_reason = "idle_reset"
        if seq == 0:  # every consultation shows at least something
            event(EventKind.STAFF_CALLED, detail="HomeScreen")
        if assisted:
            if topic == "other":
                outcome = rng.choices(OUTCOMES, (0.3, 0.1, 0.3, 0.2, 0.1))[0]
            else:
                outcome = rng.choices(OUTCOMES, (0.62, 0.20, 0.09, 0.06, 0.03))[0]
            follow_up = int(rng.random() < (0.45 if outcome == "next_time" else 0.08))
            note = rng.choice(NOTES) if rng.random() < 0.05 else None
        last = t
        t += rng.randint(2_000, 20_000)
        if topic == "mynumber":
            self.card_check(cid, seq + 1, day, (last + t) // 2)
        self.consultations.append(
            (
                cid,
                self.kiosk_id,
                self.at(day, start_ms),
                self.at(day, t),
                end_reason,
                mode,
                supporter,
                language,
                age,
                device,
                outcome,
                follow_up,
                note,
            )
        )

    def training(self, cid: str, supporter: str, day: str, start_ms: int) -> None:
        """A supporter takes one to three course lessons, answering each self-check."""
        rng = self.rng
        rows: list[tuple[EventKind, str | None, int | None, str | None]] = [
            (EventKind.INTAKE, None, None, "supporter")
        ]
        for lesson_id in rng.sample(sorted(self.course), k=min(len(self.course), rng.randint(1, 3))):
            steps, questions = self.course[lesson_id]
            rows.append((EventKind.LESSON_STARTED, lesson_id, None, None))
            rows += [(EventKind.STEP_SHOWN, lesson_id, step, None) for step in range(1, steps + 1)]
            rows += [
                (EventKind.CHECK_ANSWERED, lesson_id, q, "right" if rng.random() < 0.85 else "wrong")
                for q in range(1, questions + 1)
            ]
            rows.append((EventKind.LESSON_FINISHED, lesson_id, None, None))
        t = start_ms
        for seq, (kind, shown, step, detail) in enumerate(rows, start=1):
            t += rng.randint(3_000, 30_000)
            self.events.append((cid, seq, self.at(day, t), _K[kind], shown, step, None, detail))
        started, ended = self.at(day, start_ms), self.at(day, t)
        no_intake = (None, None, None, None, None)  # age band, device, outcome, follow-up, note
        self.consultations.append(
            (cid, self.kiosk_id, started, ended, "training_ended", "training", supporter, "ja", *no_intake)
        )

    def card_check(self, cid: str, seq: int, day: str, ms: int) -> None:
        """Now and then a card check before leaving, as the kiosk keeps it: categories only.

        It draws from its own generator, so a seed's other rows are the same as before it.
        """
        cards = self.cards
        if cards.random() >= CARD_CHECK_SHARE:
            return
        band = cards.choices(EXPIRY_BANDS, BAND_WEIGHTS)[0]
        auth, sign, kenhojo = (cards.choices(PIN_STATES, weights)[0] for weights in PIN_WEIGHTS)
        detail = card_detail(band, auth, sign, kenhojo)
        self.events.append((cid, seq, self.at(day, ms), _K[EventKind.CARD_CHECKED], None, None, None, detail))

    def take(self) -> Batch:
        batch = (self.consultations, self.events)
        self.consultations, self.events = [], []
        return batch

    def practice(self, old: bool) -> str:
        rng = self.rng
        exercise = rng.choice(tuple(EXERCISES))
        rounds = rng.randint(5, 10)
        finished = rng.random() < 0.85
        successes = rounds if finished else rng.randint(1, rounds - 1)
        not_yet: dict[str, int] = {}
        for _ in range(rng.randint(0, 6 if old else 3)):
            kind = rng.choice(EXERCISES[exercise])
            not_yet[kind] = not_yet.get(kind, 0) + 1
        return json.dumps(
            {
                "exercise": exercise,
                "attempts": successes + sum(not_yet.values()),
                "successes": successes,
                "seconds": round(rng.uniform(20, 240), 1),
                "finished": finished,
                "not_yet": not_yet,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @staticmethod
    def at(day: str, ms: int) -> str:
        seconds, milli = divmod(ms, 1000)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        if hour > 23:  # a very long consultation still ends the same day
            hour, minute, second, milli = 23, 59, 59, 999
        return f"{day}T{hour:02d}:{minute:02d}:{second:02d}.{milli:03d}{OFFSET}"


def make_demo_data(
    store: RecordStore,
    *,
    consultations: int,
    seed: int = 1,
    lesson_ids: list[str],
    start: date | None = None,
    steps: Mapping[str, int] | None = None,
    procedures: Mapping[str, str] | None = None,
    course: Mapping[str, tuple[int, int]] | None = None,
) -> int:
    """Fill the store with `consultations` synthetic ones (and their events); returns how many were added.

    The same seed, kiosk id, start and lessons give the same rows. Without `start`, the days
    end today. `steps` (lesson id → number of steps) and `procedures` (lesson id → procedure
    id) make the lessons look like the real ones; without them steps are made up. `course`
    (supporter-course lesson id → (steps, self-check questions)) adds supporters taking it.
    """
    if consultations < 0:
        raise ValueError("consultations must be 0 or more")
    if not lesson_ids:
        raise ValueError("demo data needs at least one lesson id")
    rng = random.Random(f"{seed}:{store.kiosk_id}")
    if start is None:
        start = date.today() - timedelta(days=_span(consultations) - 1)
    days, weights = _open_days(start, consultations)
    if not days:
        days, weights = [start], [1.0]
    per_day = Counter(rng.choices(range(len(days)), weights, k=consultations))
    cards = random.Random(f"{seed}:{store.kiosk_id}:cards")
    generator = _Generator(rng, store.kiosk_id, _lessons(lesson_ids, steps, procedures), course, cards)
    # The events' indexes are written all over the file: a larger page cache keeps more of
    # them in memory (about 10 % faster for 100,000 consultations).
    cache = store.db.execute("PRAGMA cache_size").fetchone()[0]
    store.db.execute(f"PRAGMA cache_size={CACHE_KIB}")
    try:
        added = _fill(store, _batches(generator, rng, days, per_day))
    finally:
        store.db.execute(f"PRAGMA cache_size={int(cache)}")
    log.info("demo data: %d consultations added (seed %d)", added, seed)
    return added


def _batches(
    generator: _Generator, rng: random.Random, days: list[date], per_day: Counter[int]
) -> Iterator[Batch]:
    for index, day in enumerate(days):
        count = per_day.get(index, 0)
        if not count:
            continue
        text = day.isoformat()
        season = _busy_season(day)
        hours = rng.choices(OPEN_HOURS, HOUR_WEIGHTS, k=count)
        starts = sorted(hour * 3_600_000 + rng.randrange(3_600_000) for hour in hours)
        for start_ms in starts:
            generator.consultation(text, start_ms, season)
        if len(generator.consultations) >= BATCH:
            yield generator.take()
    if generator.consultations:
        yield generator.take()


def _fill(store: RecordStore, batches: Iterator[Batch]) -> int:
    added = 0
    for consultations, events in batches:
        with store.db.atomic():
            added += store.db.conn.executemany(CONSULTATION_SQL, consultations).rowcount
            store.db.conn.executemany(EVENT_SQL, events)
    return added
