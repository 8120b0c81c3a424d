"""The consultation store: one SQLite file, written as things happen.

Every event is committed the moment it is recorded, so a crash or power cut
loses nothing already shown. WAL with synchronous=FULL: with NORMAL, WAL can
roll back committed transactions on power loss. The connection belongs to the
thread that opened it.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from kiosk.records.events import EventKind
from kiosk.records.schema import MIGRATIONS

log = logging.getLogger("kiosk.records")

Clock = Callable[[], datetime]


class RecordsUnavailable(Exception):
    """The database cannot be written (read-only, disk full, corrupt, locked)."""


def local_now() -> datetime:
    return datetime.now().astimezone()


class RecordStore:
    def __init__(self, path: Path, *, kiosk_id: str, clock: Clock = local_now) -> None:
        self.path = path
        self.kiosk_id = kiosk_id
        self._clock = clock
        with self._errors("open"):
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=5.0)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            self.db = sqlite_utils.Database(conn)
            MIGRATIONS.apply(self.db)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            log.error("records %s failed: %s", action, exc)
            raise RecordsUnavailable(str(exc)) from exc

    def _now(self) -> str:
        return self._clock().isoformat(timespec="milliseconds")

    def start_consultation(self, *, mode: str = "self", language: str = "ja") -> str:
        consultation_id = str(uuid.uuid4())
        with self._errors("start consultation"), self.db.atomic():
            self.db.table("consultations").insert(
                {
                    "id": consultation_id,
                    "kiosk_id": self.kiosk_id,
                    "started_at": self._now(),
                    "mode": mode,
                    "language": language,
                }
            )
        return consultation_id

    def end_consultation(self, consultation_id: str, *, reason: str) -> None:
        with self._errors("end consultation"), self.db.atomic():
            self.db.table("consultations").update(
                consultation_id, {"ended_at": self._now(), "end_reason": reason}
            )

    def record(
        self,
        consultation_id: str,
        kind: EventKind,
        *,
        lesson_id: str | None = None,
        step: int | None = None,
        procedure_id: str | None = None,
        detail: str | None = None,
    ) -> None:
        with self._errors(f"record {kind}"), self.db.atomic():
            self.db.table("events").insert(
                {
                    "consultation_id": consultation_id,
                    "at": self._now(),
                    "kind": str(kind),
                    "lesson_id": lesson_id,
                    "step": step,
                    "procedure_id": procedure_id,
                    "detail": detail,
                }
            )

    def events(self, consultation_id: str | None = None) -> list[dict[str, Any]]:
        where = "consultation_id = ?" if consultation_id else None
        args = [consultation_id] if consultation_id else None
        return list(self.db.table("events").rows_where(where, args, order_by="id"))

    def consultations(self) -> list[dict[str, Any]]:
        return list(self.db.table("consultations").rows_where(order_by="started_at"))
