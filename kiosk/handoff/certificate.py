"""The 「修了」 slip: printed when the supporter course is finished. No name is printed.

The person writes their own name on the line left for it, so the kiosk never holds or
prints a name. Same papers and printing as the hand-off slip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kiosk.drawing.language import SOURCE
from kiosk.handoff.slip import QT_TRANSLATE_NOOP, long_date, tr

CERTIFICATE_LABELS = {
    "title": QT_TRANSLATE_NOOP("Slip", "サポーター講座 修了"),
    "done": QT_TRANSLATE_NOOP("Slip", "サポーター講座の 全 {0} レッスンと 確かめ問題を すべて 終えました。"),
    "lessons": QT_TRANSLATE_NOOP("Slip", "学んだ こと"),
    "name": QT_TRANSLATE_NOOP("Slip", "お名前（ご自分で 書いて ください）"),
    "thanks": QT_TRANSLATE_NOOP("Slip", "地域の みなさんの 力に なって いただき、ありがとうございます。"),
    "contact": QT_TRANSLATE_NOOP("Slip", "お問い合わせ: {0}"),
}


@dataclass(frozen=True)
class CertificateContent:
    room_name: str
    lessons: tuple[str, ...]  # the course's lesson titles, in course order
    printed_on: date
    contact: str = ""
    labels: dict[str, str] = field(default_factory=lambda: dict(CERTIFICATE_LABELS))
    date_text: str = ""

    @property
    def title(self) -> str:
        return self.labels["title"]


def build_certificate(
    lessons: list[str], *, room_name: str, today: date, contact: str = "", language: str = SOURCE
) -> CertificateContent:
    """The 「修了」 slip for a finished course (titles already in `language`, its words too)."""
    return CertificateContent(
        room_name=room_name,
        lessons=tuple(lessons),
        printed_on=today,
        contact=contact,
        labels={key: tr(text, language) for key, text in CERTIFICATE_LABELS.items()},
        date_text=long_date(today, language),
    )
