"""The reading markup of content text: `{漢字|かんじ}` shows 漢字 and is read かんじ.

Lesson, trouble, glossary and procedure texts may fix a reading the analyzer would get
wrong. The screen shows the plain text; speech and furigana (kiosk/speech/readings.py)
use the reading given. This is content markup: everything that reads content uses it.
"""

from __future__ import annotations

import re
import unicodedata

MARK = re.compile(r"\{([^{}|]+)\|([^{}|]+)\}")


def plain(text: str) -> str:
    """The text as shown on screen: `{暗証番号|あんしょうばんごう}` → 暗証番号."""
    return MARK.sub(lambda m: m.group(1), text)


def segments(text: str) -> list[tuple[str, str | None]]:
    """Split marked text into (shown text, fixed reading or None)."""
    out: list[tuple[str, str | None]] = []
    last = 0
    for match in MARK.finditer(text):
        if match.start() > last:
            out.append((text[last : match.start()], None))
        out.append((match.group(1), match.group(2)))
        last = match.end()
    if last < len(text):
        out.append((text[last:], None))
    return out


def is_kanji(ch: str) -> bool:
    return "CJK UNIFIED IDEOGRAPH" in unicodedata.name(ch, "") or ch in "々〆ヶ"


def has_kanji(text: str) -> bool:
    return any(is_kanji(ch) for ch in text)
