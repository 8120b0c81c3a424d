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


PIN_NEED = {
    Pin.USER: "いる暗証番号: 数字 4けた（利用者証明用）",
    Pin.SIGNATURE: "いる暗証番号: 英数字 6〜16けた（署名用）",
    Pin.NONE: "暗証番号は いりません。",
}
LOCK_AFTER = {Pin.USER: 3, Pin.SIGNATURE: 5}


def pin_warnings(pin: Pin) -> list[str]:
    """What to know about the PIN a procedure needs: lockout, where it is reset, keep it secret."""
    if pin is Pin.NONE:
        return []
    return [
        f"{LOCK_AFTER[pin]}回 まちがえると ロックされます。",
        "ロックされたら、カードを 持って 市役所の 窓口へ 行きます。",
        "暗証番号は だれにも 教えないでください。",
    ]


def pin_guard(pin: Pin) -> list[str]:
    """The PIN warning, in plain words (never a PIN itself)."""
    return [PIN_NEED[pin], *pin_warnings(pin)]


@dataclass(frozen=True)
class SlipContent:
    room_name: str
    title: str
    url: str
    steps: tuple[str, ...]
    bring: tuple[str, ...]
    pin_lines: tuple[str, ...]
    printed_on: date
    note: str = ""
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
        note=procedure.note or "",
        contact=contact,
        hours=hours,
        resume_code=resume_code,
    )
