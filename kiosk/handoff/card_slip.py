"""「カードを かざして 調べる」 in words: the result card's lines and the take-home slip.

One set of words for the screen and the paper, in the visit's language. The slip holds the
e-certificate's expiry date and what to do, nothing else from the card: no PIN counts, no
serial number, no name.

Facts (sources in lessons/card-renewal.yaml and lessons/pin-trouble.yaml): renewal is free
at the city hall counter from 3 months before the expiry; マイナ保険証 keeps working for 3
months after the e-certificate expires; a locked PIN is reset at the counter with the card,
and the user-authentication or signature PIN also at a convenience store (app 「JPKI暗証番号
リセット」) when the other of the two is known; the 券面事項入力補助 PIN only at the counter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from PySide6.QtCore import QDate

from kiosk.card.check import CardCheck, PinTries
from kiosk.drawing.language import SOURCE, locale_for, translate

Level = Literal["ok", "warn", "stop"]
PinName = Literal["auth", "sign", "kenhojo"]
MARKS: dict[Level, str] = {"ok": "✓", "warn": "！", "stop": "×"}
RENEWAL_LESSON = "card-renewal"
PIN_LESSON = "pin-trouble"
CONTEXT = "CardCheck"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text for translation where it is defined; it is translated where it is shown."""
    return text


EXPIRY = {
    "ok": QT_TRANSLATE_NOOP("CardCheck", "電子証明書の 有効期限: {0}（あと {1}日）"),
    "soon": QT_TRANSLATE_NOOP("CardCheck", "電子証明書が 3か月以内に 切れます: {0}（あと {1}日）"),
    "today": QT_TRANSLATE_NOOP("CardCheck", "電子証明書は きょう {0}まで 使えます。"),
    "expired": QT_TRANSLATE_NOOP("CardCheck", "電子証明書の 有効期限が 切れています: {0}"),
}
EXPIRY_ADVICE = {
    "within_1_year": QT_TRANSLATE_NOOP("CardCheck", "期限の 3か月前から、市役所の 窓口で 更新できます。"),
    "within_3_months": QT_TRANSLATE_NOOP("CardCheck", "市役所の 窓口で 更新できます。お金は かかりません。"),
    "expired": QT_TRANSLATE_NOOP("CardCheck", "市役所の 窓口で 更新して ください。お金は かかりません。"),
}
# After the e-certificate expires, マイナ保険証 still works for 3 months.
INSURANCE = QT_TRANSLATE_NOOP("CardCheck", "マイナ保険証は、切れてから 3か月 たつと 使えなく なります。")
PIN_NAMES = {
    "auth": QT_TRANSLATE_NOOP("CardCheck", "利用者証明用の 暗証番号（数字 4けた）"),
    "sign": QT_TRANSLATE_NOOP("CardCheck", "署名用の 暗証番号（英字と 数字 6〜16文字）"),
    "kenhojo": QT_TRANSLATE_NOOP("CardCheck", "券面事項入力補助用の 暗証番号（数字 4けた）"),
}
PIN_STATES = {
    "ok": QT_TRANSLATE_NOOP("CardCheck", "使えます。あと {0}回 ためせます。"),
    "low": QT_TRANSLATE_NOOP("CardCheck", "あと 1回です。ためさないで、市役所の 窓口へ。"),
    "locked": QT_TRANSLATE_NOOP("CardCheck", "ロック されています。市役所の 窓口で 解除します。"),
}
# The user-authentication and signature PINs: the other one of the two resets it at a shop.
SHOP_RESET = QT_TRANSLATE_NOOP("CardCheck", "もう片方の 暗証番号が わかれば、コンビニでも 直せます。")
WORDS = {
    "title": QT_TRANSLATE_NOOP("CardCheck", "マイナンバーカードの 確認"),
    "checked": QT_TRANSLATE_NOOP("CardCheck", "調べた日: {0}"),
    "todo": QT_TRANSLATE_NOOP("CardCheck", "することは ありません。"),
    "todo_heading": QT_TRANSLATE_NOOP("CardCheck", "すること"),
    "pin_counter": QT_TRANSLATE_NOOP(
        "CardCheck", "暗証番号の ロックの 解除: マイナンバーカードを 持って、市役所の 窓口へ。"
    ),
    "pin_low": QT_TRANSLATE_NOOP(
        "CardCheck", "暗証番号が わからない ときは、ためさないで、市役所の 窓口へ。"
    ),
    "renew": QT_TRANSLATE_NOOP(
        "CardCheck", "電子証明書の 更新: マイナンバーカードを 持って、市役所の 窓口へ。"
    ),
    "secret": QT_TRANSLATE_NOOP("CardCheck", "暗証番号は だれにも 教えないでください。"),
    "contact": QT_TRANSLATE_NOOP("CardCheck", "お問い合わせ: {0}"),
    "hours": QT_TRANSLATE_NOOP("CardCheck", "受付: {0}"),
}


def day_text(day: date, language: str) -> str:
    """「2027年3月14日」 / "March 14, 2027": a date as the language writes it, without the weekday."""
    if locale_for(language).language().name == "Japanese":
        return f"{day.year}年{day.month}月{day.day}日"
    return locale_for(language).toString(QDate(day.year, day.month, day.day), "MMMM d, yyyy")


def words(text: str, language: str) -> str:
    return translate(language, CONTEXT, text)


@dataclass(frozen=True)
class Line:
    """One line of the result: how it stands (✓ ！ ×), the sentence, and what to do."""

    level: Level
    text: str
    advice: str = ""

    @property
    def mark(self) -> str:
        return MARKS[self.level]


@dataclass(frozen=True)
class CardLines:
    """The result in words: the expiry, then each PIN under its name."""

    expiry: Line
    pins: tuple[tuple[str, Line], ...]
    renewal: bool  # the renewal lesson helps (expires within 3 months, or expired)
    pin_help: bool  # the PIN lesson helps (a PIN is on its last try, or locked)


def expiry_line(result: CardCheck, today: date, language: str = SOURCE) -> Line:
    day, left = day_text(result.expires_on, language), (result.expires_on - today).days
    band = result.expiry_band
    if band == "expired" or left == 0:
        renew = f"{words(EXPIRY_ADVICE['expired'], language)} {words(INSURANCE, language)}"
        if band == "expired":
            return Line("stop", words(EXPIRY["expired"], language).format(day), renew)
        return Line("warn", words(EXPIRY["today"], language).format(day), renew)
    if band == "within_3_months":
        text = words(EXPIRY["soon"], language).format(day, left)
        return Line("warn", text, words(EXPIRY_ADVICE[band], language))
    advice = words(EXPIRY_ADVICE["within_1_year"], language) if band == "within_1_year" else ""
    return Line("ok", words(EXPIRY["ok"], language).format(day, left), advice)


def pin_line(name: PinName, tries: PinTries, language: str = SOURCE) -> Line:
    text = words(PIN_STATES[tries.state], language)
    if tries.state == "ok":
        return Line("ok", text.format(tries.left))
    shop = words(SHOP_RESET, language) if name != "kenhojo" else ""
    return Line("warn" if tries.state == "low" else "stop", text, shop)


def card_lines(result: CardCheck, today: date, language: str = SOURCE) -> CardLines:
    pins: tuple[tuple[PinName, PinTries], ...] = (
        ("auth", result.auth_pin),
        ("sign", result.sign_pin),
        ("kenhojo", result.kenhojo_pin),
    )
    return CardLines(
        expiry=expiry_line(result, today, language),
        pins=tuple(
            (words(PIN_NAMES[name], language), pin_line(name, tries, language)) for name, tries in pins
        ),
        renewal=result.expiry_band in ("within_3_months", "expired"),
        pin_help=any(tries.state != "ok" for _name, tries in pins),
    )


@dataclass(frozen=True)
class CardSlipContent:
    """The take-home paper: the expiry date and what to do; nothing else from the card."""

    room_name: str
    printed_on: date
    expiry: str  # the expiry line as the screen said it
    todo: tuple[str, ...]
    contact: str = ""
    hours: str = ""
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.labels["title"]


def _todo(result: CardCheck, language: str) -> tuple[str, ...]:
    pins = (result.auth_pin, result.sign_pin, result.kenhojo_pin)
    todo = []
    if result.expiry_band in ("within_3_months", "expired"):
        todo.append(WORDS["renew"])
    if any(pin.state == "locked" for pin in pins):
        todo.append(WORDS["pin_counter"])
    elif any(pin.state == "low" for pin in pins):
        todo.append(WORDS["pin_low"])
    if todo:
        todo.append(WORDS["secret"])
    return tuple(words(text, language) for text in todo or [WORDS["todo"]])


def build_card_slip(
    result: CardCheck,
    *,
    room_name: str,
    today: date,
    contact: str = "",
    hours: str = "",
    language: str = SOURCE,
) -> CardSlipContent:
    """The slip for one check, in `language` (its dates too)."""
    return CardSlipContent(
        room_name=room_name,
        printed_on=today,
        expiry=expiry_line(result, today, language).text,
        todo=_todo(result, language),
        contact=contact,
        hours=hours,
        labels={key: words(text, language) for key, text in WORDS.items()}
        | {"checked": words(WORDS["checked"], language).format(day_text(today, language))},
    )
