"""The take-home lesson sheet: the lesson's steps, numbered, to repeat at home.

Same papers and printing as the hand-off slip. On A4 each step has its small picture;
on a receipt roll only the words. The room's contact is at the bottom. No personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kiosk.content.lessons import Device, Lesson
from kiosk.content.markup import plain
from kiosk.drawing.language import SOURCE
from kiosk.handoff.slip import QT_TRANSLATE_NOOP, long_date, tr

SHEET_LABELS = {
    "intro": QT_TRANSLATE_NOOP("Slip", "おうちで もう一度 ためす ための 手順です。"),
    "contact": QT_TRANSLATE_NOOP("Slip", "お問い合わせ: {0}"),
    "hours": QT_TRANSLATE_NOOP("Slip", "受付: {0}"),
}


@dataclass(frozen=True)
class SheetContent:
    room_name: str
    title: str
    steps: tuple[str, ...]
    pictures: tuple[Path | None, ...]  # one per step, drawn where the paper has room (A4)
    printed_on: date
    contact: str = ""
    hours: str = ""
    labels: dict[str, str] = field(default_factory=lambda: dict(SHEET_LABELS))
    date_text: str = ""


def build_sheet(
    lesson: Lesson,
    pictures_dir: Path,
    *,
    room_name: str,
    today: date,
    device: Device | None = None,
    contact: str = "",
    hours: str = "",
    language: str = SOURCE,
) -> SheetContent:
    """The sheet for `lesson` (already in `language`), as `device` shows its steps."""
    steps = [step.for_device(device) for step in lesson.steps]
    return SheetContent(
        room_name=room_name,
        title=plain(lesson.title),
        steps=tuple(plain(step.text) for step in steps),
        pictures=tuple(path if (path := pictures_dir / step.picture).is_file() else None for step in steps),
        printed_on=today,
        contact=contact,
        hours=hours,
        labels={key: tr(text, language) for key, text in SHEET_LABELS.items()},
        date_text=long_date(today, language),
    )
