"""Did the kiosk end cleanly last time? A marker file in the data folder says it is running.

`kiosk run` writes the marker as it starts and removes it when it stops cleanly; the marker is
touched while the kiosk runs, so after a crash, a kill or a power cut its time is about when
the kiosk was last alive. Staff mode shows that, with the last lines of the log.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import deque
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

log = logging.getLogger("kiosk")

MARKER_FILE = "kiosk.running"
LOG_FILE = Path("logs") / "kiosk.log"
TAIL_LINES = 12
ALIVE_EVERY_MS = 60_000  # how often the running kiosk touches its marker


@dataclass(frozen=True)
class AbnormalEnd:
    """The last run did not stop cleanly: about when it was last alive, and how its log ended."""

    last_alive: datetime
    log_tail: tuple[str, ...]

    def notice(self) -> str:
        return f"前回は 異常終了しました（{self.last_alive:%Y-%m-%d %H:%M} ごろ）"


def read_tail(path: Path, lines: int = TAIL_LINES) -> tuple[str, ...]:
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            return tuple(line.rstrip("\n") for line in deque(file, maxlen=lines))
    except OSError:
        return ()


def previous(data_dir: Path) -> AbnormalEnd | None:
    """Read as the kiosk starts, before it logs: did the last run end without stopping cleanly?"""
    marker = data_dir / MARKER_FILE
    try:
        last_alive = datetime.fromtimestamp(marker.stat().st_mtime)
    except OSError:
        return None  # no marker: the last run stopped cleanly (or there was none)
    found = AbnormalEnd(last_alive, read_tail(data_dir / LOG_FILE))
    log.warning("the last run ended abnormally (last alive %s)", last_alive.isoformat(" ", "seconds"))
    return found


def begin(data_dir: Path) -> None:
    """The kiosk is up: mark it running (a start that fails before this leaves the old marker)."""
    marker = data_dir / MARKER_FILE
    try:
        marker.write_text(f"{os.getpid()}\n", encoding="utf-8")
    except OSError as exc:  # a read-only folder: the kiosk still runs, without this notice
        log.warning("cannot write the running marker %s: %s", marker, exc)


def alive(data_dir: Path) -> None:
    """Called now and then while running, so the marker's time says when the kiosk was last alive."""
    with contextlib.suppress(OSError):  # removed or unwritable: nothing worth troubling the kiosk with
        os.utime(data_dir / MARKER_FILE)


def end(data_dir: Path) -> None:
    """A clean stop: the next start says nothing."""
    try:
        (data_dir / MARKER_FILE).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cannot remove the running marker: %s", exc)
