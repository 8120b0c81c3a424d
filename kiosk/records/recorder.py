"""Records what the person at the kiosk does, as it happens, and never stops the kiosk.

Every action becomes a write, committed in order. In the running kiosk the writes go to
one writer thread (`writer.py`) that owns its own connection: the screen hands a write
over and never waits for the database. Without a writer (command-line tools, tests of
one screen) a write is committed at once on the caller's thread. Either way, when the
store cannot be written (locked, read-only, full disk) the writes wait, in order, and go
out when it works again; the person carries on. The waiting list is bounded: when full,
the oldest are kept and new events are counted as lost.
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from kiosk.records.card_checks import parse_card_detail
from kiosk.records.events import EventKind
from kiosk.records.instances import Instance
from kiosk.records.store import RecordStore, RecordsUnavailable, local_now, stamp
from kiosk.records.writer import RecordWriter, StaffWrite

log = logging.getLogger("kiosk.records")

Clock = Callable[[], datetime]
WriteKind = Literal["start", "event", "end"]
MAX_PENDING = 10_000


@dataclass(frozen=True)
class Write:
    kind: WriteKind
    row: dict[str, Any]


@dataclass
class Health:
    """What staff need to know about recording; shown in the log (and staff mode)."""

    writing: bool = True
    pending: int = 0
    lost: int = 0
    problem: str = ""


@dataclass
class _Current:
    id: str
    seq: int = 0
    ended: bool = False
    meta: dict[str, str] = field(default_factory=dict)


INTAKE_FIELDS = ("mode", "supporter_id", "age_band", "device")


class Recorder:
    def __init__(
        self,
        store: RecordStore | None,
        *,
        reopen: Callable[[], RecordStore] | None = None,
        mode: str = "self",
        clock: Clock = local_now,
        max_pending: int = MAX_PENDING,
        on_committed: Callable[[Write], None] | None = None,
        on_health: Callable[[Health], None] | None = None,
        writer: Callable[[], RecordStore] | None = None,
        instance: Instance | None = None,
        read_only: bool = False,
    ) -> None:
        """`store` is the caller's own connection (staff screens read through it); `writer`
        opens the writer thread's connection — given, writes go through that thread.
        `read_only`: the store is read (a screenshot of the staff review), nothing is written."""
        self._read_only = read_only
        self._store = store
        self._reopen = reopen
        self._mode = mode
        self._clock = clock
        self._max_pending = max_pending
        self._on_committed = on_committed
        self._on_health = on_health
        self._pending: deque[Write] = deque()
        self._current: _Current | None = None
        # Asks the visit which language the person uses now (new consultations start in it):
        # the recorder does not hold it.
        self.language_of: Callable[[], str] = lambda: "ja"
        self.kiosk_mode = "normal"  # or 'disaster' (災害モード); new consultations are tagged with it
        self.health = Health(writing=store is not None, problem="" if store else "database not open")
        self._writer: RecordWriter | None = None
        self._instance = instance  # released when the recorder closes
        if writer is not None:
            self.health = Health()
            self._writer = RecordWriter(
                writer, write=self._write_job, on_committed=self._committed, on_state=self._writer_state
            )
            self._writer.start()

    # ---- what the kiosk calls ------------------------------------------------------

    @property
    def consultation_id(self) -> str | None:
        return self._current.id if self._current else None

    @property
    def started(self) -> bool:
        return self._current is not None

    def begin(self, *, language: str | None = None, **intake: str | None) -> str:
        """Start a consultation (ending any still open), in `language` or the one the person uses.

        `intake` (supporter mode): mode, supporter_id, age_band, device — codes, never free text.
        """
        if self._current is not None:
            self.end("replaced")
        self._current = _Current(id=str(uuid.uuid4()))
        self._queue(
            Write(
                "start",
                {
                    "id": self._current.id,
                    "started_at": stamp(self._clock()),
                    "mode": self._mode,
                    "language": language or self.language_of(),
                    "kiosk_mode": self.kiosk_mode,
                    **{k: v for k, v in intake.items() if k in INTAKE_FIELDS and v},
                },
            )
        )
        return self._current.id

    def ensure_started(self) -> None:
        """The person's first touch starts their consultation; later touches do not start another."""
        if self._current is None:
            self.begin()

    def record(
        self,
        kind: EventKind,
        *,
        lesson_id: str | None = None,
        step: int | None = None,
        procedure_id: str | None = None,
        detail: str | None = None,
    ) -> None:
        if kind == EventKind.CARD_CHECKED and parse_card_detail(detail) is None:
            # A bug, not the person's doing: a card check keeps categories only (card_checks.py),
            # so anything else (a date, a count) is not written, nor logged.
            log.error("card check not recorded: its detail is not card_detail()'s categories")
            return
        self.ensure_started()
        current = self._current
        assert current is not None
        current.seq += 1
        self._queue(
            Write(
                "event",
                {
                    "consultation_id": current.id,
                    "seq": current.seq,
                    "at": stamp(self._clock()),
                    "kind": str(kind),
                    "lesson_id": lesson_id,
                    "step": step,
                    "procedure_id": procedure_id,
                    "detail": detail,
                },
            )
        )

    def end(self, reason: str) -> None:
        if self._current is None:
            return
        current, self._current = self._current, None
        self._queue(Write("end", {"id": current.id, "ended_at": stamp(self._clock()), "end_reason": reason}))

    def audit(self, action: str, detail: str, *, actor: str) -> None:
        """A line of the staff audit, written in order with the rest (never raises)."""
        self.staff_write(f"audit {action}", lambda store: store.audit(action, detail, actor=actor))

    def staff_write(self, action: str, apply: Callable[[RecordStore], None]) -> None:
        """A write that is not a consultation's (audit, close-out): through the writer when
        there is one, else now; a failure is logged, never raised at the screen."""
        if self._read_only:
            return
        if self._writer is not None:
            self._writer.put(StaffWrite(action, apply))
            return
        if self._store is None:
            log.error("records: %s not written (database not open)", action)
            return
        try:
            apply(self._store)
        except Exception:  # the kiosk goes on; the log says what was not written
            log.exception("records: %s not written", action)

    def written(self, timeout: float) -> bool:
        """Wait (at most `timeout` s) until everything handed over is written — only when the
        kiosk must be sure before going on (the computer shutting down, tests)."""
        if self._writer is not None:
            return self._writer.drain(timeout)
        return self.flush()

    def close(self, timeout: float = 5.0) -> bool:
        """The kiosk is closing: write what waits (at most `timeout` s). True when all is written."""
        done = self._writer.stop(timeout) if self._writer is not None else self.flush()
        if self._instance is not None:
            self._instance.release()
        return done

    @property
    def records_nothing(self) -> bool:
        """Read only, or no store and no way to open one (screenshots): nothing is recorded, nothing waits."""
        return self._read_only or (self._store is None and self._reopen is None and self._writer is None)

    @property
    def pending(self) -> int:
        if self._writer is not None:
            return self._writer.pending
        return len(self._pending)

    @property
    def store(self) -> RecordStore | None:
        return self._store

    def flush(self) -> bool:
        """Write what is waiting, in order. True when nothing is left waiting.

        With a writer thread, that thread writes: this only says whether it has caught up."""
        if self._writer is not None:
            return self._writer.pending == 0
        if self._store is None:
            return not self._pending
        while self._pending:
            write = self._pending[0]
            try:
                self._write(self._store, write)
            except RecordsUnavailable as exc:
                self._set_health(writing=False, problem=str(exc))
                return False
            self._pending.popleft()
            if self._on_committed:
                self._on_committed(write)
        self._set_health(writing=True, problem="")
        return True

    def retry(self) -> bool:
        """Try the waiting writes again without waiting on a lock (called on a timer).

        With a writer thread, that thread retries by itself; this only opens the caller's
        connection for staff screens if it could not be opened at start."""
        if self._store is None and self._reopen is not None:
            try:
                self._store = self._reopen()
            except RecordsUnavailable as exc:
                self._set_health(writing=False, problem=str(exc))
                return False
            log.warning("records database opened after all")
        if self._writer is not None:
            return self._writer.pending == 0
        if self._store is None or not self._pending:
            return not self._pending
        with self._store.impatient():
            return self.flush()

    # ---- inside ----------------------------------------------------------------------

    def _queue(self, write: Write) -> None:
        if self.records_nothing:
            return  # nothing to record into (screenshots)
        # Starts and ends are kept whatever happens, so no consultation is left half-known.
        if write.kind == "event" and self.pending >= self._max_pending:
            self.health.lost += 1
            if self.health.lost == 1:
                log.error("recording buffer full (%d); newer events are being lost", self._max_pending)
            return
        if self._writer is not None:
            self._writer.put(write)
            return
        self._pending.append(write)
        if self.health.writing:
            self.flush()
        else:
            # While the store is failing, writes wait for `retry()` so that a locked
            # database does not make every touch wait for the busy timeout.
            self.health.pending = len(self._pending)

    def _write_job(self, store: RecordStore, job: object) -> None:
        """On the writer thread: one job, a consultation's write or a staff write."""
        if isinstance(job, StaffWrite):
            job.apply(store)
        else:
            assert isinstance(job, Write)
            self._write(store, job)

    def _committed(self, job: object) -> None:
        if self._on_committed is not None and isinstance(job, Write):
            self._on_committed(job)

    def _writer_state(self, writing: bool, problem: str) -> None:
        if writing == self.health.writing and problem == self.health.problem:
            return
        assert self._writer is not None
        self._set_health(writing=writing, problem=problem, pending=self._writer.pending)

    @staticmethod
    def _write(store: RecordStore, write: Write) -> None:
        if write.kind == "start":
            store.write_start(write.row)
        elif write.kind == "event":
            store.write_event(write.row)
        else:
            store.write_end(write.row)

    def _set_health(self, *, writing: bool, problem: str, pending: int | None = None) -> None:
        changed = writing != self.health.writing
        self.health.writing = writing
        self.health.problem = problem
        self.health.pending = len(self._pending) if pending is None else pending
        if changed:
            if writing:
                log.warning("records are being written again")
            else:
                log.error("records cannot be written, keeping them in memory: %s", problem)
            if self._on_health:
                self._on_health(self.health)
