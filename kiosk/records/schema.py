"""Schema of the consultation store, as sqlite-utils migrations (one transaction each)."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("kiosk.records")


@MIGRATIONS()
def m001_consultations_and_events(db: Database) -> None:
    db.table("consultations").create(
        {
            "id": str,
            "kiosk_id": str,
            "started_at": str,
            "ended_at": str,
            "end_reason": str,
            "mode": str,
            "supporter_id": str,
            "language": str,
            "age_band": str,
            "device": str,
            "outcome": str,
            "follow_up": int,
            "note": str,
        },
        pk="id",
        not_null={"kiosk_id", "started_at", "mode", "language"},
    )
    db.table("events").create(
        {
            "id": int,
            "consultation_id": str,
            "at": str,
            "kind": str,
            "lesson_id": str,
            "step": int,
            "procedure_id": str,
            "detail": str,
        },
        pk="id",
        not_null={"consultation_id", "at", "kind"},
        foreign_keys=[("consultation_id", "consultations", "id")],
    )
    db.table("events").create_index(["consultation_id"])
    db.table("events").create_index(["kind", "lesson_id"])


@MIGRATIONS()
def m002_event_sequence_and_audit(db: Database) -> None:
    # Events carry their place in the consultation, so a retried write after a
    # fault can never store the same event twice.
    db.table("events").add_column("seq", int)
    db.execute(
        "CREATE UNIQUE INDEX idx_events_consultation_seq ON events (consultation_id, seq) "
        "WHERE seq IS NOT NULL"
    )
    db.table("consultations").create_index(["started_at"])
    db.table("audit").create(
        {"id": int, "at": str, "action": str, "actor": str, "detail": str},
        pk="id",
        not_null={"at", "action", "actor"},
    )


@MIGRATIONS()
def m003_accounts(db: Database) -> None:
    # Supporter and staff accounts for the PIN pad. Only a salted scrypt hash of
    # the PIN is kept ("scrypt$N$r$p$salt$hash", so the cost can change later).
    db.table("accounts").create(
        {
            "name": str,
            "role": str,
            "pin_hash": str,
            "active": int,
            "created_at": str,
            "updated_at": str,
            "last_login": str,
        },
        pk="name",
        not_null={"role", "pin_hash", "active", "created_at", "updated_at"},
    )
    # Wrong tries in a row and the lock they caused, per key ("pad" or an account
    # name): kept here so that a restart does not reset them.
    db.table("lockouts").create(
        {"key": str, "failures": int, "locks": int, "locked_until": str},
        pk="key",
        not_null={"failures", "locks"},
        defaults={"failures": 0, "locks": 0},
    )


@MIGRATIONS()
def m004_review_indexes(db: Database) -> None:
    # The staff review counts events by kind and lesson, and finds each consultation's
    # intake and runs through a lesson, without reading the whole events table.
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_events_kind_consultation "
        "ON events (kind, consultation_id, lesson_id, step)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS idx_events_kind_lesson_step ON events (kind, lesson_id, step)")


# Counted per consultation by the triggers below, so statistics read one row per
# consultation instead of joining millions of events. Column → the event kind it counts.
COUNTERS = {
    "lessons": "lesson_started",
    "dont_understand": "dont_understand",
    "handoffs": "handoff_shown",
    "slips": "slip_printed",
    "staff_calls": "staff_called",
    "idle_resets": "idle_reset",
}
_COUNTED = ", ".join(f"'{kind}'" for kind in COUNTERS.values())
# Columns the staff review filters by; each gets an index with the start time.
# Filtered columns indexed by m005 (kiosk_mode by m009).
FILTERED = ("kiosk_id", "mode", "language", "age_band", "device", "outcome", "topic", "follow_up")


@MIGRATIONS()
def m005_review_summaries(db: Database) -> None:
    # Summaries kept by triggers, so every writer (the kiosk, merge, demo data) keeps them
    # right and the staff review reads them instead of counting events:
    # - per consultation: its topic (the first intake answer) and counts of some events;
    # - per run through a lesson (one consultation in one lesson): the furthest step
    #   shown and whether it was finished.
    db.execute("ALTER TABLE consultations ADD COLUMN topic TEXT")
    for column in COUNTERS:
        db.execute(f"ALTER TABLE consultations ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """
        CREATE TABLE lesson_runs (
          consultation_id TEXT NOT NULL REFERENCES consultations(id),
          lesson_id TEXT NOT NULL,
          started_at TEXT NOT NULL,
          started INTEGER NOT NULL DEFAULT 0,
          last_step INTEGER,
          finished INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (consultation_id, lesson_id)
        )
        """
    )
    sets = ", ".join(f"{column} = {column} + (NEW.kind = '{kind}')" for column, kind in COUNTERS.items())
    db.execute(
        f"""
        CREATE TRIGGER events_count AFTER INSERT ON events
        WHEN NEW.kind IN ({_COUNTED}, 'intake') BEGIN
          UPDATE consultations SET {sets},
            topic = CASE WHEN NEW.kind = 'intake' THEN COALESCE(topic, NEW.detail) ELSE topic END
          WHERE id = NEW.consultation_id;
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER events_lesson_run AFTER INSERT ON events
        WHEN NEW.lesson_id IS NOT NULL
          AND NEW.kind IN ('lesson_started', 'step_shown', 'lesson_finished') BEGIN
          INSERT INTO lesson_runs (consultation_id, lesson_id, started_at, started, last_step, finished)
          SELECT NEW.consultation_id, NEW.lesson_id, c.started_at, NEW.kind = 'lesson_started',
                 CASE WHEN NEW.kind = 'step_shown' THEN NEW.step END, NEW.kind = 'lesson_finished'
          FROM consultations c WHERE c.id = NEW.consultation_id
          ON CONFLICT (consultation_id, lesson_id) DO UPDATE SET
            started = started + excluded.started,
            last_step = MAX(COALESCE(last_step, excluded.last_step), COALESCE(excluded.last_step, last_step)),
            finished = finished + excluded.finished;
        END
        """
    )
    _backfill_counters_and_runs(db)
    for column in FILTERED:
        # with the id too, so a join from a filtered set never reads the table itself
        db.execute(f"CREATE INDEX idx_consultations_{column} ON consultations ({column}, started_at, id)")
    db.execute("CREATE INDEX idx_lesson_runs_started_at ON lesson_runs (started_at)")
    db.execute("CREATE INDEX idx_events_kind_at ON events (kind, at, lesson_id, step)")


def backfill_summaries(db: Database) -> None:
    """Every summary, recounted from the events as the triggers would have kept them (on empty summaries)."""
    _backfill_counters_and_runs(db)
    _backfill_help_and_practice(db)
    backfill_course(db)


def _backfill_counters_and_runs(db: Database) -> None:
    """Summaries of the events written before m005, kept as its triggers keep them."""
    sums = ", ".join(f"SUM(kind = '{kind}') AS {column}" for column, kind in COUNTERS.items())
    db.execute(
        f"""
        UPDATE consultations SET {", ".join(f"{column} = per.{column}" for column in COUNTERS)},
          topic = per.topic
        FROM (
          SELECT consultation_id, {sums},
                 (SELECT detail FROM events f WHERE f.consultation_id = e.consultation_id
                  AND f.kind = 'intake' ORDER BY f.id LIMIT 1) AS topic
          FROM events e WHERE kind IN ({_COUNTED}, 'intake') GROUP BY consultation_id
        ) AS per
        WHERE per.consultation_id = consultations.id
        """
    )
    db.execute(
        """
        INSERT INTO lesson_runs (consultation_id, lesson_id, started_at, started, last_step, finished)
        SELECT e.consultation_id, e.lesson_id, c.started_at, SUM(e.kind = 'lesson_started'),
               MAX(CASE WHEN e.kind = 'step_shown' THEN e.step END), SUM(e.kind = 'lesson_finished')
        FROM events e JOIN consultations c ON c.id = e.consultation_id
        WHERE e.lesson_id IS NOT NULL AND e.kind IN ('lesson_started', 'step_shown', 'lesson_finished')
        GROUP BY e.consultation_id, e.lesson_id
        """
    )


@MIGRATIONS()
def m006_step_and_practice_summaries(db: Database) -> None:
    # 「わからない」 per step and practice results, kept like lesson_runs (one row per
    # consultation and step / per practice round), so つまずき never joins the events; and
    # covering indexes so statistics and つまずき read indexes in order, without sorting.
    db.execute(
        """
        CREATE TABLE step_help (
          consultation_id TEXT NOT NULL REFERENCES consultations(id),
          lesson_id TEXT NOT NULL,
          step INTEGER NOT NULL,
          started_at TEXT NOT NULL,
          asked INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (consultation_id, lesson_id, step)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE practice_runs (
          id INTEGER PRIMARY KEY,
          consultation_id TEXT NOT NULL REFERENCES consultations(id),
          started_at TEXT NOT NULL,
          exercise TEXT NOT NULL,
          attempts INTEGER NOT NULL,
          successes INTEGER NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TRIGGER events_step_help AFTER INSERT ON events
        WHEN NEW.kind = 'dont_understand' AND NEW.lesson_id IS NOT NULL AND NEW.step IS NOT NULL BEGIN
          INSERT INTO step_help (consultation_id, lesson_id, step, started_at, asked)
          SELECT NEW.consultation_id, NEW.lesson_id, NEW.step, c.started_at, 1
          FROM consultations c WHERE c.id = NEW.consultation_id
          ON CONFLICT (consultation_id, lesson_id, step) DO UPDATE SET asked = asked + 1;
        END
        """
    )
    db.execute(
        f"""
        CREATE TRIGGER events_practice AFTER INSERT ON events
        WHEN NEW.kind = 'practice_result' AND json_valid(NEW.detail)
          AND json_extract(NEW.detail, '$.exercise') IS NOT NULL BEGIN
          INSERT INTO practice_runs (consultation_id, started_at, exercise, attempts, successes)
          SELECT NEW.consultation_id, c.started_at, {_PRACTICE_VALUES.format(e="NEW")}
          FROM consultations c WHERE c.id = NEW.consultation_id;
        END
        """
    )
    _backfill_help_and_practice(db)
    # Each summary is covered three ways: all of it in order (no filter), by period, and by
    # consultation (for joins from consultations chosen by their own indexes).
    for table, columns in (
        ("step_help", "lesson_id, step, asked"),
        ("practice_runs", "exercise, attempts, successes"),
        ("lesson_runs", "lesson_id, last_step, finished, started"),
    ):
        db.execute(f"CREATE INDEX idx_{table}_all ON {table} ({columns})")
        db.execute(f"CREATE INDEX idx_{table}_period ON {table} (started_at, {columns})")
        db.execute(f"CREATE INDEX idx_{table}_consultation ON {table} (consultation_id, {columns})")
    db.execute("DROP INDEX idx_lesson_runs_started_at")
    db.execute(
        f"CREATE INDEX idx_consultations_statistics ON consultations ({_M006_STATISTICS}, {_STATISTICS_SUMS})"
    )
    db.execute("CREATE INDEX idx_consultations_hour ON consultations (substr(started_at, 1, 13))")


# The coded columns statistics group by, in the order of their covering index (m009 on).
STATISTICS_COLUMNS = "kiosk_mode, mode, kiosk_id, language, age_band, device, outcome, topic"
_M006_STATISTICS = "mode, kiosk_id, language, age_band, device, outcome, topic"
_STATISTICS_SUMS = ", ".join(c for c in COUNTERS if c not in ("lessons", "dont_understand"))
_PRACTICE_VALUES = (
    "json_extract({e}.detail, '$.exercise'), COALESCE(json_extract({e}.detail, '$.attempts'), 0), "
    "COALESCE(json_extract({e}.detail, '$.successes'), 0)"
)


def _backfill_help_and_practice(db: Database) -> None:
    db.execute(
        """
        INSERT INTO step_help (consultation_id, lesson_id, step, started_at, asked)
        SELECT e.consultation_id, e.lesson_id, e.step, c.started_at, COUNT(*)
        FROM events e JOIN consultations c ON c.id = e.consultation_id
        WHERE e.kind = 'dont_understand' AND e.lesson_id IS NOT NULL AND e.step IS NOT NULL
        GROUP BY e.consultation_id, e.lesson_id, e.step
        """
    )
    db.execute(
        f"""
        INSERT INTO practice_runs (consultation_id, started_at, exercise, attempts, successes)
        SELECT e.consultation_id, c.started_at, {_PRACTICE_VALUES.format(e="e")}
        FROM events e JOIN consultations c ON c.id = e.consultation_id
        WHERE e.kind = 'practice_result' AND json_valid(e.detail)
          AND json_extract(e.detail, '$.exercise') IS NOT NULL
        ORDER BY e.id
        """
    )


@MIGRATIONS()
def m007_language_follows_the_person(db: Database) -> None:
    # A person may change the language during a consultation: it keeps the last one chosen.
    db.execute(
        """
        CREATE TRIGGER events_language AFTER INSERT ON events
        WHEN NEW.kind = 'language_changed' AND NEW.detail IS NOT NULL BEGIN
          UPDATE consultations SET language = NEW.detail WHERE id = NEW.consultation_id;
        END
        """
    )


# A supporter's way through the course (サポーター講座), kept per supporter account and
# lesson. It follows the events of training sessions (mode 'training', a supporter_id),
# so merged bundles count too; it is the supporter's own record, so purging old
# consultations leaves it.
_COURSE_VALUES = """
  c.supporter_id, NEW.lesson_id, NEW.kind = 'check_answered',
  NEW.kind = 'check_answered' AND NEW.detail = 'right',
  CASE WHEN NEW.kind = 'lesson_finished' THEN NEW.at END
"""


@MIGRATIONS()
def m008_course_progress(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE course_progress (
          supporter_id TEXT NOT NULL,
          lesson_id TEXT NOT NULL,
          answered INTEGER NOT NULL DEFAULT 0,
          correct INTEGER NOT NULL DEFAULT 0,
          finished_at TEXT,
          PRIMARY KEY (supporter_id, lesson_id)
        )
        """
    )
    db.execute(
        f"""
        CREATE TRIGGER events_course AFTER INSERT ON events
        WHEN NEW.lesson_id IS NOT NULL AND NEW.kind IN ('check_answered', 'lesson_finished') BEGIN
          INSERT INTO course_progress (supporter_id, lesson_id, answered, correct, finished_at)
          SELECT {_COURSE_VALUES}
          FROM consultations c
          WHERE c.id = NEW.consultation_id AND c.mode = 'training' AND c.supporter_id IS NOT NULL
          ON CONFLICT (supporter_id, lesson_id) DO UPDATE SET
            answered = answered + excluded.answered,
            correct = correct + excluded.correct,
            finished_at = COALESCE(finished_at, excluded.finished_at);
        END
        """
    )
    backfill_course(db)


def backfill_course(db: Database) -> None:
    """Course progress counted from the training sessions' events (on an empty table)."""
    db.execute(
        """
        INSERT INTO course_progress (supporter_id, lesson_id, answered, correct, finished_at)
        SELECT c.supporter_id, e.lesson_id, SUM(e.kind = 'check_answered'),
               SUM(e.kind = 'check_answered' AND e.detail = 'right'),
               MIN(CASE WHEN e.kind = 'lesson_finished' THEN e.at END)
        FROM events e JOIN consultations c ON c.id = e.consultation_id
        WHERE e.lesson_id IS NOT NULL AND e.kind IN ('check_answered', 'lesson_finished')
          AND c.mode = 'training' AND c.supporter_id IS NOT NULL
        GROUP BY c.supporter_id, e.lesson_id
        """
    )


@MIGRATIONS()
def m009_kiosk_mode(db: Database) -> None:
    # 災害モード: every consultation says whether the kiosk served as a shelter information
    # point ('disaster') or as usual ('normal'), so shelter use can be reported separately.
    db.execute("ALTER TABLE consultations ADD COLUMN kiosk_mode TEXT NOT NULL DEFAULT 'normal'")
    db.execute("CREATE INDEX idx_consultations_kiosk_mode ON consultations (kiosk_mode, started_at, id)")
    db.execute("DROP INDEX idx_consultations_statistics")
    columns = f"{STATISTICS_COLUMNS}, {_STATISTICS_SUMS}"
    db.execute(f"CREATE INDEX idx_consultations_statistics ON consultations ({columns})")


@MIGRATIONS()
def m010_running_consultations(db: Database) -> None:
    # Which running kiosk program writes each open consultation (see records/instances.py),
    # so that a starting kiosk closes as 中断 only what a program no longer running left open.
    # A row lives while its consultation is open; bundles and exports never read this table.
    db.execute(
        "CREATE TABLE running_consultations (consultation_id TEXT PRIMARY KEY, instance TEXT NOT NULL)"
    )
