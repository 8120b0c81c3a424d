"""The slip's resume code: six digits that reopen a lesson at a step, and nothing about the person.

Three digits name the lesson (from its id), two the step, one checks the rest
(Luhn), so a mistyped digit gets 「もう一度」 rather than the wrong lesson.
"""

from __future__ import annotations

import zlib


def lesson_number(lesson_id: str) -> int:
    return zlib.crc32(lesson_id.encode("utf-8")) % 1000


def _luhn_digit(digits: str) -> str:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def encode(lesson_id: str, step: int) -> str:
    body = f"{lesson_number(lesson_id):03d}{min(max(step, 1), 99):02d}"
    return body + _luhn_digit(body)


def decode(code: str, lesson_ids: list[str]) -> tuple[str, int] | None:
    """(lesson id, step from 1) for a valid code of a known lesson, else None."""
    digits = code.strip()
    if len(digits) != 6 or not digits.isdigit() or _luhn_digit(digits[:5]) != digits[5]:
        return None
    number, step = int(digits[:3]), int(digits[3:5])
    matches = [lesson_id for lesson_id in lesson_ids if lesson_number(lesson_id) == number]
    if len(matches) != 1 or step < 1:
        return None
    return matches[0], step
