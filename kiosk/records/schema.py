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
