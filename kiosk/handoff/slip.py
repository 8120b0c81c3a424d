"""What a hand-off slip says, and the paper it is printed on. No personal data, ever."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.content.procedures import Pin, Procedure


@dataclass(frozen=True)
class PaperSpec:
    name: str
    width_mm: float
    printable_mm: float
    height_mm: float | None  # None: a receipt roll, as long as the content
    dpi: int  # for PDFs; a real printer reports its own


PAPERS: dict[str, PaperSpec] = {
    # Thermal receipt printers: 203 dpi (8 dots/mm); 80 mm rolls print 72 mm, 58 mm rolls 48 mm.
    "80mm": PaperSpec("80mm", 80.0, 72.0, None, 203),
    "58mm": PaperSpec("58mm", 58.0, 48.0, None, 203),
    "a4": PaperSpec("a4", 210.0, 180.0, 297.0, 300),
}


def pin_guard(pin: Pin) -> list[str]:
    """The PIN warning, in plain words (never a PIN itself)."""
    lines = {
        Pin.USER: [
            "いる暗証番号: 数字 4けた（利用者証明用）",
            "3回 まちがえると ロックされます。",
        ],
        Pin.SIGNATURE: [
            "いる暗証番号: 英数字 6〜16けた（署名用）",
            "5回 まちがえると ロックされます。",
        ],
        Pin.NONE: ["暗証番号は いりません。"],
    }[pin]
    if pin is not Pin.NONE:
        lines += [
            "ロックされたら、市役所の窓口で もとに戻せます。マイナンバーカードを お持ちください。",
            "暗証番号は だれにも 教えないでください。",
        ]
    return lines


@dataclass(frozen=True)
class SlipContent:
    room_name: str
    title: str
    url: str
    steps: tuple[str, ...]
    bring: tuple[str, ...]
    pin_lines: tuple[str, ...]
    printed_on: date
    contact: str = ""
    hours: str = ""
    resume_code: str | None = None


def build_slip(
    procedure: Procedure,
    *,
    room_name: str,
    today: date,
    contact: str = "",
    hours: str = "",
    resume_code: str | None = None,
) -> SlipContent:
    return SlipContent(
        room_name=room_name,
        title=procedure.title,
        url=procedure.url,
        steps=tuple(procedure.steps),
        bring=tuple(procedure.bring),
        pin_lines=tuple(pin_guard(procedure.pin)),
        printed_on=today,
        contact=contact,
        hours=hours,
        resume_code=resume_code,
    )
