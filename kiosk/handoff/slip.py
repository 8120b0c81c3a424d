"""What a hand-off slip says, and the paper it is printed on. No personal data, ever."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from kiosk.content.procedures import Pin, Procedure
from kiosk.drawing.language import SOURCE, locale_for, translate
from kiosk.settings import Settings


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


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text for translation where it is defined; it is translated where it is shown."""
    return text


def tr(text: str, language: str | None = None) -> str:
    """A slip text in `language`; None: in the language the screens use now (the hand-off screen)."""
    if language is None:
        return QCoreApplication.translate("Slip", text)
    return translate(language, "Slip", text)


def long_date(today: date, language: str) -> str:
    """「2026年12月6日」 / "December 6, 2026", as the printed paper's language writes a date."""
    return locale_for(language).toString(
        QDate(today.year, today.month, today.day), QLocale.FormatType.LongFormat
    )


PIN_NEED = {
    Pin.USER: QT_TRANSLATE_NOOP("Slip", "いる暗証番号: 数字 4けた（利用者証明用）"),
    Pin.SIGNATURE: QT_TRANSLATE_NOOP("Slip", "いる暗証番号: 英数字 6〜16けた（署名用）"),
    Pin.NONE: QT_TRANSLATE_NOOP("Slip", "暗証番号は いりません。"),
}
LOCK_AFTER = {Pin.USER: 3, Pin.SIGNATURE: 5}
LOCKS = QT_TRANSLATE_NOOP("Slip", "{0}回 まちがえると ロックされます。")
_WARNINGS = (
    QT_TRANSLATE_NOOP("Slip", "ロックされたら、カードを 持って 市役所の 窓口へ 行きます。"),
    QT_TRANSLATE_NOOP("Slip", "暗証番号は だれにも 教えないでください。"),
)
# The slip's own words, looked up when a slip is built (in the language of that moment).
LABELS = {
    "scan": QT_TRANSLATE_NOOP("Slip", "スマホの カメラで 読み取ってください"),
    "pin": QT_TRANSLATE_NOOP("Slip", "暗証番号について"),
    "steps": QT_TRANSLATE_NOOP("Slip", "手順"),
    "bring": QT_TRANSLATE_NOOP("Slip", "持ち物"),
    "contact": QT_TRANSLATE_NOOP("Slip", "お問い合わせ: {0}"),
    "hours": QT_TRANSLATE_NOOP("Slip", "受付: {0}"),
    "resume": QT_TRANSLATE_NOOP("Slip", "つづきから 番号: {0}"),
    "resume_help": QT_TRANSLATE_NOOP(
        "Slip",
        "相談室の 画面で「つづきから」を おして、この 番号を 入れると、同じ 説明を もう一度 見られます。",
    ),
}


def pin_warnings(pin: Pin, language: str | None = None) -> list[str]:
    """What to know about the PIN a procedure needs: lockout, where it is reset, keep it secret."""
    if pin is Pin.NONE:
        return []
    return [tr(LOCKS, language).format(LOCK_AFTER[pin]), *(tr(line, language) for line in _WARNINGS)]


def pin_guard(pin: Pin, language: str | None = None) -> list[str]:
    """The PIN warning, in plain words (never a PIN itself)."""
    return [tr(PIN_NEED[pin], language), *pin_warnings(pin, language)]


def opening_hours(locale: QLocale, days: tuple[int, ...], opens: time, closes: time) -> str:
    """「月〜金 9:00〜17:00」 / "Mon–Fri 9:00 AM–5:00 PM", as the language writes days and times.

    `days` are ISO weekdays (1 = Monday); a run of days is written first–last.
    """
    if not days:
        return ""
    japanese = locale.language() == QLocale.Language.Japanese
    dash, comma = ("〜", "・") if japanese else ("–", ", ")
    runs: list[list[int]] = []
    for day in sorted(set(days)):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    short = QLocale.FormatType.ShortFormat
    named = comma.join(
        locale.dayName(run[0], short) + (f"{dash}{locale.dayName(run[-1], short)}" if len(run) > 1 else "")
        for run in runs
    )
    times = f"{locale.toString(QTime(opens.hour, opens.minute), short)}{dash}"
    times += locale.toString(QTime(closes.hour, closes.minute), short)
    return f"{named} {times}"


def hours_line(locale: QLocale, days: tuple[int, ...], opens: time, closes: time, note: str) -> str:
    """The room's hours for the slip: days and times in the language; staff's own note (Japanese) after."""
    parts = [opening_hours(locale, days, opens, closes)] if days else []
    if note and locale.language() == QLocale.Language.Japanese:
        parts.append(note)
    return " ".join(parts)


def room_hours(settings: Settings, locale: QLocale) -> str:
    """The room's hours line from its settings, in the language of `locale`."""
    return hours_line(
        locale, settings.open_days, settings.open_from, settings.open_until, settings.room_hours
    )


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
    labels: dict[str, str] = field(default_factory=lambda: {key: text for key, text in LABELS.items()})
    date_text: str = ""


def build_slip(
    procedure: Procedure,
    *,
    room_name: str,
    today: date,
    contact: str = "",
    hours: str = "",
    resume_code: str | None = None,
    language: str = SOURCE,
) -> SlipContent:
    """The slip for `procedure` (already in `language`), with its own words in `language` too."""
    return SlipContent(
        labels={key: tr(text, language) for key, text in LABELS.items()},
        date_text=long_date(today, language),
        room_name=room_name,
        title=procedure.title,
        url=procedure.url,
        steps=tuple(procedure.steps),
        bring=tuple(procedure.bring),
        pin_lines=tuple(pin_guard(procedure.pin, language)),
        printed_on=today,
        note=procedure.note or "",
        contact=contact,
        hours=hours,
        resume_code=resume_code,
    )
