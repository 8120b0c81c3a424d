"""One thread owns the records connection and writes, in order, what the kiosk hands it.

The screen never waits for the database: a tap puts its write on this thread's list
(a lock held for microseconds) and goes on. The thread commits each write; when the
database cannot be written (another program holds a lock, the disk is full, it cannot
be opened) it keeps the write at the head of the list, waits a little and tries again
— on this thread, where waiting on SQLite's busy timeout freezes nothing.

Jobs are `Write`s from the recorder, or staff writes (an audit line, a close-out)
given as a function of the store; both keep their order. The thread opens its own
connection (a connection belongs to the thread that opened it) as soon as it starts,
and keeps trying until it can.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.records.store import RecordStore, RecordsUnavailable

log = logging.getLogger("kiosk.records")

RETRY_FIRST_S = 0.25
RETRY_MOST_S = 5.0


@dataclass(frozen=True)
class StaffWrite:
    """A write that is not a consultation's: an audit line, a supporter's close-out."""

    action: str
    apply: Callable[[RecordStore], None]


class RecordWriter:
    def __init__(
        self,
        open_store: Callable[[], RecordStore],
        *,
        write: Callable[[RecordStore, object], None],
        on_committed: Callable[[object], None] | None = None,
        on_state: Callable[[bool, str], None] | None = None,
    ) -> None:
        self._open_store = open_store
        self._write = write
        self._on_committed = on_committed
        self._on_state = on_state
        self._jobs: deque[object] = deque()
        self._busy = False  # a job is being written now (it is no longer in _jobs)
        self._stopping = False
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="records-writer", daemon=True)

    def start(self) -> None:
        """Start the thread, once whoever receives its reports holds the writer."""
        self._thread.start()

    # ---- what the kiosk calls (any thread; never waits on the database) ------------------

    def put(self, job: object) -> None:
        with self._wake:
            self._jobs.append(job)
            self._wake.notify()

    @property
    def pending(self) -> int:
        with self._wake:
            return len(self._jobs) + int(self._busy)

    def drain(self, timeout: float) -> bool:
        """Wait until everything handed over is committed (shutting down, tests). True when it is."""
        deadline = time.monotonic() + timeout
        with self._wake:
            while self._jobs or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._wake.wait(left)
            return True

    def stop(self, timeout: float) -> bool:
        """Write what is waiting (for at most `timeout` s), then end the thread and close."""
        done = self.drain(timeout)
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        self._thread.join(timeout=max(1.0, timeout))
        if not done:
            log.error("records writer stopped with %d write(s) not written", self.pending)
        return done

    # ---- the thread -------------------------------------------------------------------

    def _run(self) -> None:
        store: RecordStore | None = None
        pause = RETRY_FIRST_S
        while True:
            job: object = None
            with self._wake:
                if store is not None:
                    while not self._jobs and not self._stopping:
                        self._wake.wait()
                if self._stopping:
                    break
                if store is not None:
                    job = self._jobs.popleft()
                    self._busy = True
            try:
                if store is None:
                    store = self._open_store()
                    continue
                self._write(store, job)
            except (RecordsUnavailable, OSError) as exc:
                if store is not None:
                    self._put_back(job)
                self._state(False, str(exc))
                with self._wake:
                    if not self._stopping:
                        self._wake.wait(pause)
                pause = min(pause * 2, RETRY_MOST_S)
                continue
            except Exception:  # a staff write that cannot be written at all: logged, not retried forever
                log.exception("records: %s not written", getattr(job, "action", job))
                self._done()
                continue
            pause = RETRY_FIRST_S
            self._done()
            self._state(True, "")
            if self._on_committed is not None:
                self._on_committed(job)
        if store is not None:
            store.close()

    def _put_back(self, job: object) -> None:
        with self._wake:
            self._jobs.appendleft(job)
            self._busy = False
            self._wake.notify_all()

    def _done(self) -> None:
        with self._wake:
            self._busy = False
            self._wake.notify_all()

    def _state(self, writing: bool, problem: str) -> None:
        if self._on_state is not None:
            self._on_state(writing, problem)
