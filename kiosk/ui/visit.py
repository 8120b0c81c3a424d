"""The person in front of the kiosk now: everything they chose during this visit.

A visit ends when they leave — 「はじめに戻る」 (top bar or finish screen), the idle reset,
a supporter's close-out or sign-in, a staff sign-out — and the window then replaces it with
a fresh one, so nothing of one person carries over to the next.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kiosk.settings import Settings, TextSize, ThemeName

if TYPE_CHECKING:
    from kiosk.content.lessons import Device

SOURCE_LANGUAGE = "ja"  # the kiosk's own language: every visit starts in it


@dataclass
class Visit:
    text_size: TextSize
    theme: ThemeName
    language: str = SOURCE_LANGUAGE
    furigana: bool = False
    slow_speech: bool = False
    device: Device | None = None  # the phone chosen on 「わたしのスマホ」 or the player's buttons
    asked_device: bool = False  # 「わたしのスマホは どれ？」 is asked once a visit
    course_done: set[str] = field(default_factory=set)  # course lessons finished (no account)

    @classmethod
    def fresh(cls, settings: Settings) -> Visit:
        """How the next person finds the kiosk: the city's chosen look, Japanese, nothing asked yet."""
        return cls(text_size=settings.text_size, theme=settings.theme)
