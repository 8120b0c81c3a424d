"""One check's answer: what was looked at, ✓ / ⚠ / ✗, what was seen and what to do."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from enum import StrEnum

log = logging.getLogger("kiosk.doctor")


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"


MARKS = {Status.OK: "✓", Status.WARN: "⚠", Status.FAIL: "✗"}


@dataclass(frozen=True)
class Result:
    id: str  # stable, for scripts: "voice:en", "free_space" …
    name: str  # what was checked, in plain Japanese
    status: Status
    seen: str  # what the check saw
    fix: str = ""  # what to do (for ⚠ and ✗)

    @property
    def mark(self) -> str:
        return MARKS[self.status]

    def as_dict(self) -> dict[str, str]:
        return {**asdict(self), "status": self.status.value}


def ok(id: str, name: str, seen: str) -> Result:
    return Result(id, name, Status.OK, seen)


def warn(id: str, name: str, seen: str, fix: str) -> Result:
    return Result(id, name, Status.WARN, seen, fix)


def fail(id: str, name: str, seen: str, fix: str) -> Result:
    return Result(id, name, Status.FAIL, seen, fix)


def guarded(id: str, name: str, check: Callable[[], Result]) -> Result:
    """Run one check; one that raises is a calm ✗, never a traceback (the log keeps the details)."""
    try:
        return check()
    except Exception as exc:
        return crashed(id, name, exc)


def crashed(id: str, name: str, exc: Exception) -> Result:
    # INFO: the kiosk's log file keeps the traceback; an unconfigured CLI prints none of it.
    log.info("check %s raised", id, exc_info=exc)
    return fail(
        id,
        name,
        f"調べている 途中で 止まりました（{type(exc).__name__}: {exc}）",
        "もう一度 点検して ください。同じ ときは、この 行を 担当者に 伝えて ください。",
    )


def all_well(results: list[Result]) -> bool:
    """Nothing failed (⚠ is worth reading, but the kiosk can run)."""
    return all(result.status is not Status.FAIL for result in results)


def report_lines(results: list[Result]) -> list[str]:
    lines: list[str] = []
    for result in results:
        lines.append(f"{result.mark} {result.name}: {result.seen}")
        if result.fix and result.status is not Status.OK:
            lines.append(f"    → {result.fix}")
    return lines


def summary(results: list[Result]) -> str:
    failed = sum(r.status is Status.FAIL for r in results)
    warned = sum(r.status is Status.WARN for r in results)
    if failed:
        return f"✗ 直す ところが {failed} つ あります（注意 {warned} つ）。"
    if warned:
        return f"⚠ 使えます。注意が {warned} つ あります。"
    return "✓ すべて 問題ありません。"
