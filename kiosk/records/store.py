"""The consultation store: one SQLite file, written as things happen.

Each write is its own committed transaction, so a crash or power cut loses
nothing already recorded. WAL with synchronous=FULL: with NORMAL, WAL can roll
back committed transactions on power loss. The connection belongs to the
thread that opened it (sqlite3's own check enforces that).

Writes are idempotent (events are keyed by consultation and sequence number),
so the recorder can retry them after a fault without duplicating anything.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from kiosk.records import instances
from kiosk.records.privacy import PersonalDataRefused, personal_data_in
from kiosk.records.schema import MIGRATIONS

log = logging.getLogger("kiosk.records")
WAL_PAGES = 200  # about 800 kB of 4 kB pages between checkpoints
WAL_LIMIT = 1_048_576

BUSY_TIMEOUT_MS = 5000


class RecordsUnavailable(Exception):
    """The database cannot be written now (read-only, disk full, locked)."""


class RecordsCorrupt(RecordsUnavailable):
    """The file is not a usable SQLite database."""


def local_now() -> datetime:
    return datetime.now().astimezone()


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class CheckResult:
    integrity: str
    open_consultations: int
    consultations: int
    events: int

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"


class RecordStore:
    def __init__(
        self,
        path: Path,
        *,
        kiosk_id: str,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        instance: str | None = None,
    ) -> None:
        self.path = path
        self.kiosk_id = kiosk_id
        # The running program's id (records/instances.py), kept with each consultation while
        # it is open; None for writers that are not a running kiosk (tests, demo data).
        self.instance = instance
        self._busy_timeout_ms = int(busy_timeout_ms)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000)
        except (sqlite3.Error, OSError) as exc:
            raise RecordsUnavailable(f"cannot open {path}: {exc}") from exc
        try:
            conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            conn.execute("PRAGMA journal_mode=WAL")
            # The WAL is checkpointed every WAL_PAGES pages and cut back to WAL_LIMIT after each
            # checkpoint: left to SQLite's defaults it stays at 4 MB and more, which on a small
            # disk filled it by itself.
            conn.execute(f"PRAGMA wal_autocheckpoint={WAL_PAGES}")
            conn.execute(f"PRAGMA journal_size_limit={WAL_LIMIT}")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            quick = conn.execute("PRAGMA quick_check").fetchone()[0]
            if quick != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {quick}")
            self.db = sqlite_utils.Database(conn)
            MIGRATIONS.apply(self.db)
        except sqlite3.DatabaseError as exc:
            conn.close()
            kind = RecordsUnavailable if isinstance(exc, sqlite3.OperationalError) else RecordsCorrupt
            raise kind(f"{path}: {exc}") from exc

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def impatient(self) -> Iterator[None]:
        """Fail at once instead of waiting for a lock (for background retries)."""
        self.db.conn.execute("PRAGMA busy_timeout=0")
        try:
            yield
        finally:
            self.db.conn.execute(f"PRAGMA busy_timeout={self._busy_timeout_ms}")

    @contextmanager
    def writing(self, action: str) -> Iterator[None]:
        """One transaction; a database fault becomes RecordsUnavailable (and a log line)."""
        try:
            with self.db.atomic():
                yield
        except (sqlite3.Error, OSError) as exc:
            log.warning("records %s failed: %s", action, exc)
            raise RecordsUnavailable(str(exc)) from exc

    # ---- writes (each one committed; each one safe to repeat) ------------------

    def write_start(self, row: dict[str, Any]) -> None:
        with self.writing("start consultation"):
            self.db.execute(
                "INSERT OR IGNORE INTO consultations "
                "(id, kiosk_id, started_at, mode, language, supporter_id, age_band, device, kiosk_mode) "
                "VALUES (:id, :kiosk_id, :started_at, :mode, :language, :supporter_id, :age_band, :device, "
                ":kiosk_mode)",
                {
                    "kiosk_id": self.kiosk_id,
                    "supporter_id": None,
                    "age_band": None,
                    "device": None,
                    "kiosk_mode": "normal",
                    **row,
                },
            )
            if self.instance is not None:
                self.db.execute(
                    "INSERT OR IGNORE INTO running_consultations (consultation_id, instance) VALUES (?, ?)",
                    [row["id"], self.instance],
                )

    def write_event(self, row: dict[str, Any]) -> None:
        with self.writing(f"record {row.get('kind')}"):
            self.db.execute(
                "INSERT OR IGNORE INTO events "
                "(consultation_id, seq, at, kind, lesson_id, step, procedure_id, detail) "
                "VALUES (:consultation_id, :seq, :at, :kind, :lesson_id, :step, :procedure_id, :detail)",
                row,
            )

    def write_end(self, row: dict[str, Any]) -> None:
        with self.writing("end consultation"):
            self.db.execute(
                "UPDATE consultations SET ended_at = :ended_at, end_reason = :end_reason "
                "WHERE id = :id AND ended_at IS NULL",
                row,
            )
            self.db.execute("DELETE FROM running_consultations WHERE consultation_id = ?", [row["id"]])

    def write_outcome(
        self, consultation_id: str, *, outcome: str, follow_up: bool = False, note: str = ""
    ) -> None:
        """The supporter's close-out. A note that looks like personal data is refused."""
        found = personal_data_in(note)
        if found:
            raise PersonalDataRefused(found)
        with self.writing("outcome"):
            self.db.execute(
                "UPDATE consultations SET outcome = ?, follow_up = ?, note = ? WHERE id = ?",
                [outcome, int(follow_up), note.strip() or None, consultation_id],
            )

    def audit(self, action: str, detail: str, *, actor: str, at: datetime | None = None) -> None:
        with self.writing(f"audit {action}"):
            self.db.table("audit").insert(
                {"at": stamp(at or local_now()), "action": action, "actor": actor, "detail": detail}
            )

    # ---- start-up and staff work --------------------------------------------------

    def close_interrupted(self) -> int:
        """Close consultations a crash or power cut left open, as 「中断」 (interrupted).

        This kiosk's only: in a database several kiosks share, another's open consultation is
        a person at that kiosk now. And of this kiosk's, only those of programs no longer
        running: a second program with the same kiosk_id (started twice by mistake) is writing
        its own — closing it would drop its real end. That second program is named in the log.
        """
        with self.writing("close interrupted"):
            open_ones = self.db.execute(
                "SELECT DISTINCT r.instance FROM running_consultations r JOIN consultations c "
                "ON c.id = r.consultation_id WHERE c.ended_at IS NULL AND c.kiosk_id = ?",
                [self.kiosk_id],
            ).fetchall()
            live = sorted(
                instance
                for (instance,) in open_ones
                if instance != self.instance and instances.running(self.path, instance)
            )
            marks = ", ".join("?" for _ in live)
            closed = self.db.execute(
                "UPDATE consultations SET end_reason = 'interrupted', ended_at = COALESCE("
                "(SELECT MAX(at) FROM events WHERE events.consultation_id = consultations.id), started_at) "
                "WHERE ended_at IS NULL AND kiosk_id = ? AND id NOT IN ("
                f"SELECT consultation_id FROM running_consultations WHERE instance IN ({marks}))",
                [self.kiosk_id, *live],
            ).rowcount
            self.db.execute(
                "DELETE FROM running_consultations WHERE consultation_id IN "
                "(SELECT id FROM consultations WHERE ended_at IS NOT NULL)"
            )
        if live:
            log.warning(
                "another kiosk program with kiosk_id %r is running on this database (%s): "
                "its consultations are left open; give each kiosk its own kiosk_id",
                self.kiosk_id,
                ", ".join(live),
            )
        if closed:
            log.warning("closed %d consultation(s) left open by an interruption", closed)
        return closed

    def purge(
        self, older_than_days: int, *, actor: str, now: datetime | None = None, audit_nothing: bool = True
    ) -> tuple[int, int]:
        """Delete consultations started more than `older_than_days` ago; the deletion is audited.

        Timestamps carry the kiosk's UTC offset (Japan has one, all year), so comparing
        them as text orders them correctly.
        """
        moment = now or local_now()
        cutoff = stamp(moment - timedelta(days=older_than_days))
        with self.writing("purge"):
            old = "SELECT id FROM consultations WHERE started_at < ?"
            for summary in ("lesson_runs", "step_help", "practice_runs"):
                self.db.execute(f"DELETE FROM {summary} WHERE consultation_id IN ({old})", [cutoff])
            events = self.db.execute(
                f"DELETE FROM events WHERE consultation_id IN ({old})", [cutoff]
            ).rowcount
            consultations = self.db.execute(
                "DELETE FROM consultations WHERE started_at < ?", [cutoff]
            ).rowcount
            if consultations or audit_nothing:
                self.db.table("audit").insert(
                    {
                        "at": stamp(moment),
                        "action": "purge",
                        "actor": actor,
                        "detail": f"older_than_days={older_than_days} before={cutoff} "
                        f"consultations={consultations} events={events}",
                    }
                )
        log.info(
            "purged %d consultations, %d events older than %d days", consultations, events, older_than_days
        )
        return consultations, events

    def backup(self, destination: Path) -> Path:
        """A consistent copy through SQLite's online backup API, safe while the kiosk writes.

        Into a folder: a new dated file. To a file name: a new file — an existing file (an
        earlier backup, or anything else) is never written over, and a folder that is not
        there is not guessed at.
        """
        target = destination
        if destination.exists() and not destination.is_dir():
            raise RecordsUnavailable(
                f"{destination} already exists: give a new file name, or a folder for a dated file"
            )
        if not destination.exists() and not destination.parent.is_dir():
            raise RecordsUnavailable(f"there is no folder {destination.parent}: make it, or give another")
        if destination.is_dir():
            name = f"records-{local_now():%Y%m%d-%H%M%S}"
            target = destination / f"{name}.sqlite3"
            number = 1
            while target.exists():  # never write over an earlier backup
                number += 1
                target = destination / f"{name}-{number}.sqlite3"
        partial = target.with_name(target.name + ".partial")
        try:
            copy = sqlite3.connect(str(partial))
            try:
                self.db.conn.backup(copy)
                result = copy.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                copy.close()
            if result != "ok":
                raise RecordsUnavailable(f"backup failed its integrity check: {result}")
            partial.replace(target)
        except (sqlite3.Error, OSError) as exc:
            partial.unlink(missing_ok=True)
            raise RecordsUnavailable(f"backup to {target} failed: {exc}") from exc
        return target

    def check(self) -> CheckResult:
        rows = self.db.execute("PRAGMA integrity_check").fetchall()
        integrity = "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])
        count = self.db.execute
        return CheckResult(
            integrity=integrity,
            open_consultations=count("SELECT COUNT(*) FROM consultations WHERE ended_at IS NULL").fetchone()[
                0
            ],
            consultations=count("SELECT COUNT(*) FROM consultations").fetchone()[0],
            events=count("SELECT COUNT(*) FROM events").fetchone()[0],
        )

    # ---- reads --------------------------------------------------------------------

    def events(self, consultation_id: str | None = None) -> list[dict[str, Any]]:
        where = "consultation_id = ?" if consultation_id else None
        args = [consultation_id] if consultation_id else None
        return list(self.db.table("events").rows_where(where, args, order_by="id"))

    def consultations(self) -> list[dict[str, Any]]:
        return list(self.db.table("consultations").rows_where(order_by="started_at"))

    def audit_log(self) -> list[dict[str, Any]]:
        return list(self.db.table("audit").rows_where(order_by="id"))


def set_aside_corrupt(path: Path, now: datetime | None = None) -> Path:
    """Move a corrupt database (and its WAL files) aside — kept for inspection, never deleted."""
    suffix = f".corrupt-{(now or local_now()):%Y%m%d-%H%M%S}"
    kept = path.with_name(path.name + suffix)
    for extra in ("", "-wal", "-shm"):
        source = path.with_name(path.name + extra)
        if source.exists():
            shutil.move(str(source), str(kept.with_name(kept.name + extra)))
    log.error("records database was corrupt; kept as %s and a new one started", kept)
    return kept


def open_store(
    path: Path, *, kiosk_id: str, busy_timeout_ms: int = BUSY_TIMEOUT_MS, instance: str | None = None
) -> RecordStore:
    """Open the kiosk's store at start-up: a corrupt file is set aside and a new one begun."""
    try:
        return RecordStore(path, kiosk_id=kiosk_id, busy_timeout_ms=busy_timeout_ms, instance=instance)
    except RecordsCorrupt:
        set_aside_corrupt(path)
        return RecordStore(path, kiosk_id=kiosk_id, busy_timeout_ms=busy_timeout_ms, instance=instance)
