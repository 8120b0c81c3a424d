"""The benchmark tools still run against today's kiosk and report what they promise.

No timing is asserted here (the figures belong to `bench/`); these only catch a tool
broken by a change elsewhere, and check that the soak's report and its stop work.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from kiosk.paths import PROJECT_ROOT

BENCH = PROJECT_ROOT / "bench"
ROUND = re.compile(
    r"round +(\d+): +(\d+) taps +RSS +[\d.]+ MB \( *[+-][\d.]+\) +fds +\d+ +db +[\d.]+ MB +integrity ok +errors 0"
)


def _bench(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=PROJECT_ROOT,
        check=False,
    )


@pytest.mark.slow
def test_a_short_soak_reports_every_round_and_ends_ok() -> None:
    done = _bench(
        str(BENCH / "soak.py"),
        "--hours", "0.004",  # about 15 s
        "--round-minutes", "0.05",
        "--taps-per-minute", "300",
        "--idle-seconds", "0",
        "--cycle", "2",
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    rounds = [ROUND.search(line) for line in done.stdout.splitlines() if line.startswith("round")]
    assert len(rounds) >= 3 and all(rounds), done.stdout
    assert [int(m.group(1)) for m in rounds if m] == list(range(1, len(rounds) + 1))
    assert all(int(m.group(2)) == 15 for m in rounds if m)
    assert re.search(r"^OK: \d+ rounds, \d+ taps, RSS [+-][\d.]+ MB since the first cycle", done.stdout, re.M)


@pytest.mark.slow
def test_the_soak_stops_with_a_report_when_memory_grows_past_its_limit() -> None:
    # A limit below zero: any RSS at all after the first cycle counts as growth past it.
    done = _bench(
        str(BENCH / "soak.py"),
        "--hours", "1",
        "--round-minutes", "0.02",
        "--taps-per-minute", "300",
        "--idle-seconds", "0",
        "--cycle", "2",
        "--max-growth-mb", "-1",
    )  # fmt: skip
    assert done.returncode == 1
    assert "STOPPED after 2 rounds: RSS grew" in done.stdout


def test_startup_phases_names_every_phase_for_both_programs() -> None:
    done = _bench(str(BENCH / "startup_phases.py"), "--runs", "1")
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {
        line[:40].strip(): line[40:].split()
        for line in done.stdout.splitlines()
        if line.startswith(("until", "sum"))
    }
    assert float(rows["until kiosk imported"][0]) > 0 and float(rows["until kiosk imported"][1]) == 0
    assert float(rows["until window built"][0]) > 0
    assert float(rows["until settings, content and records read"][0]) > 0
    assert float(rows["sum of medians"][0]) > float(rows["until shown and painted"][0]) > 0
