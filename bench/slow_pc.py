"""The slow-PC profile: run a command on one core with a CPU quota of 30 %, as a cheap kiosk PC.

    python bench/slow_pc.py -- COMMAND...   (bench/run.py --slow-pc uses it)

The command and every process it starts run on one CPU (`sched_setaffinity`, which
children inherit) inside a cgroup of their own that may use 3 ms of CPU in every 10 ms:
cgroup v2 `cpu.max` where the unified hierarchy has the cpu controller, else cgroup v1
`cpu.cfs_quota_us` / `cpu.cfs_period_us`. The group is made for the run and removed after
it. Without a cgroup to write (not root, Windows, macOS) the command runs on one core with
no quota — said loudly, since that is NOT the slow-PC profile; with no affinity either
(Windows, macOS), with no limit at all. The child learns which by the LIMIT_ENV variable.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")
# 30 % of a 10 ms period, not of the usual 100 ms: with 30 ms in every 100 ms a busy process
# runs 30 ms, then stands still for 70 ms — no slow processor does that, and every stall
# figure, its floor too, then reads 70–90 ms (measured). In 10 ms periods it stands still
# at most 7 ms at a time, closer to a processor that is simply slower.
PERIOD_US = 10_000
QUOTA_US = 3_000
LIMIT_ENV = "KIOSK_BENCH_LIMIT"  # set in the limited command: how it is limited, in words
NOT_THE_PROFILE = "NOT the slow-PC profile"

CGROUP_V2 = "cgroup v2"
CGROUP_V1 = "cgroup v1"
AFFINITY = "affinity only"
NOTHING = "no limit"


@dataclass(frozen=True)
class Limit:
    """One way to hold a command to the profile: `parent` is where its cgroup is made."""

    kind: str
    parent: Path | None = None
    cpu: int | None = None

    @property
    def is_profile(self) -> bool:
        return self.kind in (CGROUP_V2, CGROUP_V1) and self.cpu is not None

    def describe(self) -> str:
        core = f"CPU {self.cpu} only (sched_setaffinity)" if self.cpu is not None else "every core"
        if self.kind == CGROUP_V2:
            return f"{core}, cgroup v2 cpu.max {QUOTA_US} {PERIOD_US} (30 %)"
        if self.kind == CGROUP_V1:
            return f"{core}, cgroup v1 cpu.cfs_quota_us {QUOTA_US} / cpu.cfs_period_us {PERIOD_US} (30 %)"
        if self.kind == AFFINITY:
            return f"{core}, no quota: {NOT_THE_PROFILE}"
        return f"no limit at all: {NOT_THE_PROFILE}"


def _words(path: Path) -> set[str]:
    try:
        return set(path.read_text(encoding="ascii").split())
    except OSError:
        return set()


def _writable(path: Path) -> bool:
    return path.is_dir() and os.access(path, os.W_OK)


def one_cpu() -> int | None:
    """The core the profile uses (the last this process may run on), or None where affinity
    cannot be set (Windows, macOS)."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    return max(os.sched_getaffinity(0))


def candidates(root: Path = CGROUP_ROOT, cpu: int | None = None) -> list[Limit]:
    """Every way to limit a command here, best first; the last is always possible.

    cgroup v2 is the unified hierarchy at `root` (pure v2) or at `root`/unified (hybrid),
    when its controllers include cpu and it is writable; cgroup v1 is a writable
    `root`/cpu (or cpu,cpuacct) with the CFS quota files."""
    found: list[Limit] = []
    for unified in (root, root / "unified"):
        if "cpu" in _words(unified / "cgroup.controllers") and _writable(unified):
            found.append(Limit(CGROUP_V2, unified, cpu))
            break
    for name in ("cpu", "cpu,cpuacct"):
        v1 = root / name
        if (v1 / "cpu.cfs_quota_us").exists() and _writable(v1):
            found.append(Limit(CGROUP_V1, v1, cpu))
            break
    found.append(Limit(AFFINITY, None, cpu) if cpu is not None else Limit(NOTHING))
    return found


class Group:
    """A cgroup made for one run: its quota written, processes put in, removed afterwards."""

    def __init__(self, limit: Limit) -> None:
        assert limit.parent is not None
        self.limit = limit
        self.path = limit.parent / f"kiosk-bench-slow-pc-{os.getpid()}"

    def make(self) -> None:
        parent = self.limit.parent
        assert parent is not None
        if self.limit.kind == CGROUP_V2 and "cpu" not in _words(parent / "cgroup.subtree_control"):
            (parent / "cgroup.subtree_control").write_text("+cpu\n")  # fails if the parent has processes
        self.path.mkdir()
        try:
            if self.limit.kind == CGROUP_V2:
                (self.path / "cpu.max").write_text(f"{QUOTA_US} {PERIOD_US}\n")
            else:
                (self.path / "cpu.cfs_period_us").write_text(f"{PERIOD_US}\n")
                (self.path / "cpu.cfs_quota_us").write_text(f"{QUOTA_US}\n")
        except OSError:
            self.path.rmdir()
            raise

    def join(self, pid: int) -> None:
        (self.path / "cgroup.procs").write_text(f"{pid}\n")

    def remove(self) -> None:
        """Remove the group; what the command left running in it (its own children) ends first."""
        for _ in range(50):
            left = [int(pid) for pid in _words(self.path / "cgroup.procs")]
            for pid in left:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            try:
                self.path.rmdir()
                return
            except FileNotFoundError:
                return
            except OSError:
                time.sleep(0.1)  # killed processes take a moment to leave
        print(f"slow-PC profile: could not remove {self.path}", file=sys.stderr)


def _entering(group: Group | None, cpu: int | None) -> Callable[[], None]:
    """What the child does between fork and exec: join the group, keep to one core."""

    def enter() -> None:
        if group is not None:
            group.join(os.getpid())
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})

    return enter


@contextlib.contextmanager
def _made(limit: Limit) -> Iterator[Group | None]:
    if limit.parent is None:
        yield None
        return
    group = Group(limit)
    group.make()
    try:
        yield group
    finally:
        group.remove()


def run(argv: Sequence[str], root: Path = CGROUP_ROOT) -> int:
    """Run `argv` under the best limit this machine allows; its exit code."""
    found = candidates(root, one_cpu())
    for limit in found:
        try:
            with _made(limit) as group:
                if not limit.is_profile:
                    print(f"\n*** slow-PC profile: {limit.describe()} ***\n", file=sys.stderr, flush=True)
                env = {**os.environ, LIMIT_ENV: limit.describe()}
                preexec = _entering(group, limit.cpu) if os.name == "posix" else None
                child = subprocess.Popen(list(argv), env=env, preexec_fn=preexec)
                try:
                    return child.wait()
                except KeyboardInterrupt:
                    child.terminate()
                    return child.wait()
        except (OSError, subprocess.SubprocessError) as exc:
            if limit is found[-1]:
                raise
            print(f"slow-PC profile: {limit.kind} did not work ({exc}); trying the next", file=sys.stderr)
    raise AssertionError("unreachable: the last candidate returns or raises")


def inside() -> str | None:
    """In a command run by `run`: how it is limited, in words; else None."""
    return os.environ.get(LIMIT_ENV)


if __name__ == "__main__":
    command = sys.argv[1:]
    if command[:1] == ["--"]:
        command = command[1:]
    if not command:
        sys.exit(__doc__)
    sys.exit(run(command))
