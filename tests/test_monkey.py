"""Burn-in and crash safety: thousands of random touches, SIGKILL at random moments, backups while writing."""

from __future__ import annotations

import random
import re
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from tests.helpers.cli import kiosk, start_kiosk

pytestmark = pytest.mark.slow  # thousands of taps and SIGKILLs in a real kiosk process

SUMMARY = re.compile(r"taps: (\d+), consultations: (\d+), events: (\d+),")


def _db(data_dir: Path) -> sqlite3.Connection:
    return sqlite3.connect(data_dir / "records.sqlite3")


def test_three_thousand_taps(tmp_path) -> None:
    done = kiosk("monkey", "--taps", "3000", "--seed", "7", data_dir=tmp_path, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    match = SUMMARY.search(done.stdout)
    assert match, done.stdout
    taps, consultations, events = (int(g) for g in match.groups())
    assert taps == 3000 and consultations > 10 and events > 500
    db = _db(tmp_path)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert db.execute("select count(*) from events").fetchone()[0] == events
    assert db.execute("select count(*) from consultations").fetchone()[0] == consultations
    assert db.execute("select count(*) from consultations where ended_at is null").fetchone()[0] == 0
    kinds = {row[0] for row in db.execute("select distinct kind from events")}
    assert {"lesson_started", "step_shown", "dont_understand", "staff_called", "idle_reset"} <= kinds
    db.close()
    check = kiosk("db", "check", data_dir=tmp_path)
    assert check.returncode == 0 and "integrity: ok" in check.stdout


def _committed(stdout: str) -> tuple[set[str], set[tuple[str, int]]]:
    starts: set[str] = set()
    events: set[tuple[str, int]] = set()
    for line in stdout.splitlines():
        parts = line.split()
        if parts[:2] == ["committed", "start"]:
            starts.add(parts[2])
        elif parts[:2] == ["committed", "event"]:
            events.add((parts[2], int(parts[3])))
    return starts, events


@pytest.mark.posix
def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path) -> None:
    rng = random.Random(2026)
    all_starts: set[str] = set()
    all_events: set[tuple[str, int]] = set()
    for round_number in range(20):
        monkey = start_kiosk(
            "monkey", "--taps", "100000", "--seed", str(round_number), "--trace", data_dir=tmp_path
        )
        assert monkey.stdout is not None
        first = monkey.stdout.readline()  # wait until it writes
        assert first.startswith("committed"), first + (monkey.stderr.read() if monkey.stderr else "")
        # Some writes in (counted, so a slow machine tests as much), then kill at a random moment.
        seen = [first] + [monkey.stdout.readline() for _ in range(rng.randint(6, 30))]
        time.sleep(rng.uniform(0.0, 0.3))
        monkey.send_signal(signal.SIGKILL)
        rest, _ = monkey.communicate(timeout=30)
        assert monkey.returncode == -signal.SIGKILL
        starts, events = _committed("".join(seen) + rest)
        all_starts |= starts
        all_events |= events

        db = _db(tmp_path)
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok", round_number
        stored = set(db.execute("select consultation_id, seq from events"))
        assert all_events <= stored, f"round {round_number}: committed events missing"
        ids = [row[0] for row in db.execute("select id from consultations")]
        assert len(ids) == len(set(ids)), "a consultation is duplicated"
        assert all_starts <= set(ids)
        db.close()

    # The next start closes what the kills left open, as interrupted.
    done = kiosk("monkey", "--taps", "5", "--seed", "99", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    db = _db(tmp_path)
    assert db.execute("select count(*) from consultations where ended_at is null").fetchone()[0] == 0
    interrupted = db.execute(
        "select count(*) from consultations where end_reason = 'interrupted'"
    ).fetchone()[0]
    assert interrupted >= 15, "most kills leave a consultation open"
    assert len(all_events) > 100
    db.close()


@pytest.mark.posix
def test_backup_while_the_kiosk_writes(tmp_path) -> None:
    monkey = start_kiosk("monkey", "--taps", "100000", "--seed", "3", "--trace", data_dir=tmp_path)
    try:
        assert monkey.stdout is not None
        for _ in range(50):  # let it write for a while
            monkey.stdout.readline()
        backups = tmp_path / "backups"
        backups.mkdir()
        taken = [kiosk("backup", str(backups), data_dir=tmp_path, timeout=120) for _ in range(3)]
        assert monkey.poll() is None, "the kiosk kept running during the backups"
    finally:
        monkey.send_signal(signal.SIGKILL)
        monkey.communicate(timeout=30)
    for done in taken:
        assert done.returncode == 0, done.stderr
        copy = Path(done.stdout.strip())
        db = sqlite3.connect(copy)
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert db.execute("select count(*) from events").fetchone()[0] > 0
        db.close()
    assert len({Path(d.stdout.strip()).name for d in taken}) == 3, "no backup overwrites another"
