"""Which kiosk programs are running on a records database now.

Each running kiosk holds an operating-system file lock, beside the database, for as long as
it runs (`filelock`: fcntl on Linux, the Windows locking call on Windows). The lock goes
when the program ends in any way — closed, crashed, killed, power cut — so "is that kiosk
still running?" is answered by trying the lock, not by guessing from times.

A starting kiosk closes as 「中断」 only the consultations that a kiosk no longer running
left open (see `RecordStore.close_interrupted`); one that another running program is
writing — a second window of the same kiosk started by mistake, or a kiosk on another PC
sharing the database — is left alone, and a second program with the same `kiosk_id` is
named in the log.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from pathlib import Path

from filelock import FileLock, Timeout

log = logging.getLogger("kiosk.records")


def locks_dir(database: Path) -> Path:
    return database.with_name(database.name + ".running")


def _lock_file(database: Path, instance: str) -> Path:
    return locks_dir(database) / f"{instance}.lock"


def _kiosk_part(kiosk_id: str) -> str:
    """The kiosk_id in a file name: a short digest (a kiosk_id may hold any character)."""
    return hashlib.sha256(kiosk_id.encode()).hexdigest()[:8]


class Instance:
    """This running kiosk: an id for its consultations and the lock that says it runs."""

    def __init__(self, database: Path, kiosk_id: str) -> None:
        self.database = database
        self.kiosk_id = kiosk_id
        self.id = f"{_kiosk_part(kiosk_id)}-{uuid.uuid4().hex[:12]}"
        self._lock: FileLock | None = None

    def hold(self) -> list[str]:
        """Take this instance's lock; the other running programs with the same kiosk_id.

        Those are named in the log: two programs writing as one kiosk is a mistake of set-up
        (a kiosk copied with its settings, or started twice) that staff should hear about.
        """
        try:
            locks_dir(self.database).mkdir(parents=True, exist_ok=True)
            lock = FileLock(_lock_file(self.database, self.id))
            lock.acquire(timeout=0)
        except (OSError, Timeout) as exc:
            log.warning("records: cannot mark this kiosk as running (%s)", exc)
            return []
        self._lock = lock
        others = sorted(
            path.stem
            for path in locks_dir(self.database).glob(f"{_kiosk_part(self.kiosk_id)}-*.lock")
            if path.stem != self.id and running(self.database, path.stem)
        )
        if others:
            log.warning(
                "another kiosk program with kiosk_id %r is running on this database (%s); "
                "give each kiosk its own kiosk_id in settings.toml",
                self.kiosk_id,
                ", ".join(others),
            )
        return others

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
            _lock_file(self.database, self.id).unlink(missing_ok=True)


def running(database: Path, instance: str) -> bool:
    """Is the kiosk program that wrote as `instance` still running?"""
    path = _lock_file(database, instance)
    if not path.exists():
        return False
    lock = FileLock(path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    except OSError:
        return False
    lock.release()
    path.unlink(missing_ok=True)  # its program is gone: tidy up after it
    return False
