"""Every row of a bundle checked as if this kiosk had written it, before anything is merged.

A bundle comes from another machine (a USB stick from a 公民館 kiosk): a row the kiosk could
not have written — an unknown code, a date that is no date, a count that is text, a very
long text — refuses the whole bundle, with a line naming the row (never its text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from kiosk.records.card_checks import parse_card_detail
from kiosk.records.events import EventKind
from kiosk.records.labels import AGE_LABELS, DEVICE_LABELS, KIOSK_MODE_LABELS, MODE_LABELS, OUTCOME_LABELS

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")  # uuids, and the short ids of tests and demos
_CODE = re.compile(r"[a-z][a-z_]{0,31}")  # end reasons: finished, home, idle_reset, …
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z]{2,8})?")
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")  # lesson and procedure ids
MAX_NAME = 40  # a supporter's display name (settings' kiosk_id is at most 40 too)
MAX_DETAIL = 200
KINDS = frozenset(kind.value for kind in EventKind)


def _stamp(value: Any) -> str | None:
    if not isinstance(value, str):
        return "not a date and time"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return "not a date and time"
    if moment.tzinfo is None or not 2020 <= moment.year <= 2100:
        return "not a date and time the kiosk writes"
    return None


def _text(value: Any, most: int, pattern: re.Pattern[str] | None = None) -> str | None:
    if not isinstance(value, str):
        return "not a text"
    if len(value) > most:
        return f"longer than {most} characters"
    if pattern is not None and not pattern.fullmatch(value):
        return "not a code the kiosk writes"
    return None


def _one_of(value: Any, known: Mapping[str, str]) -> str | None:
    return None if value is None or value in known else "not a code the kiosk writes"


def bad_consultation(row: Mapping[str, Any]) -> str | None:
    """Why this consultation row could not have been written by a kiosk, or None."""
    checks = {
        "id": _text(row.get("id"), 64, _ID),
        "kiosk_id": _text(row.get("kiosk_id"), 40),
        "started_at": _stamp(row.get("started_at")),
        "ended_at": None if row.get("ended_at") is None else _stamp(row.get("ended_at")),
        "end_reason": None if row.get("end_reason") is None else _text(row.get("end_reason"), 32, _CODE),
        "mode": _one_of(row.get("mode"), MODE_LABELS) if row.get("mode") is not None else "missing",
        "supporter_id": None if row.get("supporter_id") is None else _text(row.get("supporter_id"), MAX_NAME),
        "language": _text(row.get("language"), 12, _LANGUAGE),
        "age_band": _one_of(row.get("age_band"), AGE_LABELS),
        "device": _one_of(row.get("device"), DEVICE_LABELS),
        "outcome": _one_of(row.get("outcome"), OUTCOME_LABELS),
        "follow_up": None if row.get("follow_up") in (None, 0, 1) else "not 0 or 1",
        "note": None if row.get("note") is None else _text(row.get("note"), 200),
        "kiosk_mode": _one_of(row.get("kiosk_mode"), KIOSK_MODE_LABELS),
    }
    return _first(checks)


def bad_event(row: Mapping[str, Any]) -> str | None:
    """Why this event row could not have been written by a kiosk, or None."""
    step, seq = row.get("step"), row.get("seq")
    checks = {
        "seq": None if seq is None or (type(seq) is int and 1 <= seq <= 1_000_000) else "not a number",
        "at": _stamp(row.get("at")),
        "kind": None if row.get("kind") in KINDS else "not an event the kiosk writes",
        "lesson_id": None if row.get("lesson_id") is None else _text(row.get("lesson_id"), 64, _SLUG),
        "step": None if step is None or (type(step) is int and 0 <= step <= 1000) else "not a step number",
        "procedure_id": None
        if row.get("procedure_id") is None
        else _text(row.get("procedure_id"), 64, _SLUG),
        "detail": _detail(row.get("kind"), row.get("detail")),
    }
    return _first(checks)


def _detail(kind: Any, detail: Any) -> str | None:
    # A card check keeps categories only: a detail with anything else (an expiry date, a count,
    # a serial number) is not one this kiosk writes, and must not come in with a merge.
    if kind == EventKind.CARD_CHECKED and parse_card_detail(detail) is None:
        return "not a card check's categories"
    return None if detail is None else _text(detail, MAX_DETAIL)


def _first(checks: Mapping[str, str | None]) -> str | None:
    return next((f"{field}: {why}" for field, why in checks.items() if why is not None), None)
