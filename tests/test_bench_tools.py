"""The benchmark tools still run against today's kiosk and report what they promise.

No timing is asserted here (the figures belong to `bench/`); these only catch a tool
broken by a change elsewhere, and check that the soak's report and its stop work.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

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
        name.strip(): (float(kiosk), float(bare))
        for name, kiosk, bare in (line.rsplit(maxsplit=2) for line in done.stdout.splitlines())
        if name.startswith(("until", "sum", "home painted"))
    }
    assert rows["until kiosk imported"][0] > 0 and rows["until kiosk imported"][1] == 0
    assert rows["until window built (the home alone)"][0] > 0
    painted = rows["home painted (sum of medians)"]
    assert painted[0] > rows["until shown and painted"][0] > 0
    assert rows["until records opened, lessons read, other screens built (ready)"][0] > 0
    assert rows["sum of medians"][0] > painted[0], "the rest is built after the home is painted"
    assert rows["sum of medians"][1] == painted[1], "the bare program has nothing after its paint"


def _slow_pc():  # type: ignore[no-untyped-def]
    """bench/slow_pc.py, imported from its file (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("slow_pc", BENCH / "slow_pc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["slow_pc"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def _fake_sys(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_the_slow_pc_profile_takes_cgroup_v2_where_its_unified_hierarchy_has_the_cpu_controller(
    tmp_path: Path,
) -> None:
    slow_pc = _slow_pc()
    root = _fake_sys(tmp_path, {"cgroup.controllers": "cpuset cpu io memory pids\n"})
    found = slow_pc.candidates(root, cpu=1)
    assert [limit.kind for limit in found] == [slow_pc.CGROUP_V2, slow_pc.AFFINITY]
    assert found[0].parent == root and found[0].is_profile
    assert "cpu.max 3000 10000 (30 %)" in found[0].describe() and "CPU 1 only" in found[0].describe()


def test_on_a_hybrid_hierarchy_without_cpu_in_v2_the_profile_takes_cgroup_v1(tmp_path: Path) -> None:
    # As on the reference machine: v2 mounted at unified/ with no controllers, cpu on v1.
    slow_pc = _slow_pc()
    root = _fake_sys(
        tmp_path,
        {
            "unified/cgroup.controllers": "\n",
            "cpu/cpu.cfs_quota_us": "-1\n",
            "cpu/cpu.cfs_period_us": "100000\n",
            "cpuset/cpuset.cpus": "0-1\n",
        },
    )
    found = slow_pc.candidates(root, cpu=0)
    assert [limit.kind for limit in found] == [slow_pc.CGROUP_V1, slow_pc.AFFINITY]
    assert found[0].parent == root / "cpu" and found[0].is_profile


def test_without_a_cgroup_to_write_the_profile_is_one_core_only_and_says_it_is_not_the_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow_pc = _slow_pc()
    root = _fake_sys(tmp_path, {"cgroup.controllers": "cpu\n", "cpu/cpu.cfs_quota_us": "-1\n"})
    monkeypatch.setattr(slow_pc, "_writable", lambda _path: False)  # not root
    (only,) = slow_pc.candidates(root, cpu=1)
    assert only.kind == slow_pc.AFFINITY and not only.is_profile
    assert only.describe() == "CPU 1 only (sched_setaffinity), no quota: NOT the slow-PC profile"
    # Nor any affinity (Windows, macOS): no limit at all, said as loudly.
    (none,) = slow_pc.candidates(tmp_path / "absent", cpu=None)
    assert none.kind == slow_pc.NOTHING and "NOT the slow-PC profile" in none.describe()


def test_a_cgroup_v1_group_gets_the_quota_and_the_command_is_started_inside_it(tmp_path: Path) -> None:
    slow_pc = _slow_pc()
    root = _fake_sys(tmp_path, {"cpu/cpu.cfs_quota_us": "-1\n"})
    group = slow_pc.Group(slow_pc.candidates(root, cpu=0)[0])
    group.make()
    assert (group.path / "cpu.cfs_quota_us").read_text() == "3000\n"
    assert (group.path / "cpu.cfs_period_us").read_text() == "10000\n"
    group.join(4242)
    assert (group.path / "cgroup.procs").read_text() == "4242\n"
