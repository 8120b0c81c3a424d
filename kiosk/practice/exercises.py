"""The practice corner's exercises: what each asks, how many rounds, and the tally staff see.

No Qt here: the widgets in `kiosk/ui/practice/` draw and recognise the gestures;
this module names the exercises, adapts the tap target and counts results.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for pyside6-lupdate (it finds calls by this name); the UI translates it when shown."""
    return text


class Gesture(StrEnum):
    TAP = "tap"
    DOUBLE_TAP = "double-tap"
    LONG_PRESS = "long-press"
    SWIPE = "swipe"
    DRAG = "drag"
    PINCH = "pinch"
    FLICK = "flick"
    QWERTY = "qwerty"


@dataclass(frozen=True)
class Exercise:
    """Words stay Japanese here; the UI shows them through translate("exercises", …)."""

    id: Gesture
    title: str
    summary: str  # one line on the chooser
    instruction: str  # shown and read aloud when the exercise starts
    rounds: int  # successes that finish it


EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        Gesture.TAP,
        QT_TRANSLATE_NOOP("exercises", "タップ"),
        QT_TRANSLATE_NOOP("exercises", "丸を 指で かるく さわります"),
        QT_TRANSLATE_NOOP("exercises", "丸が 出たら、指先で トンと かるく さわって、すぐ はなします。"),
        8,
    ),
    Exercise(
        Gesture.DOUBLE_TAP,
        QT_TRANSLATE_NOOP("exercises", "ダブルタップ"),
        QT_TRANSLATE_NOOP("exercises", "写真を 2回 つづけて さわります"),
        QT_TRANSLATE_NOOP("exercises", "写真を トントンと 2回 つづけて さわります。写真が 大きく なります。"),
        3,
    ),
    Exercise(
        Gesture.LONG_PRESS,
        QT_TRANSLATE_NOOP("exercises", "長押し"),
        QT_TRANSLATE_NOOP("exercises", "指を のせたまま 待ちます"),
        QT_TRANSLATE_NOOP(
            "exercises", "丸に 指を のせたまま 待ちます。輪が いっぱいに なったら、指を はなします。"
        ),
        3,
    ),
    Exercise(
        Gesture.SWIPE,
        QT_TRANSLATE_NOOP("exercises", "スワイプ"),
        QT_TRANSLATE_NOOP("exercises", "写真を めくります"),
        QT_TRANSLATE_NOOP("exercises", "指を 画面に つけたまま、矢印の 向きへ すっと 動かします。"),
        5,
    ),
    Exercise(
        Gesture.DRAG,
        QT_TRANSLATE_NOOP("exercises", "ドラッグ"),
        QT_TRANSLATE_NOOP("exercises", "りんごを かごへ 運びます"),
        QT_TRANSLATE_NOOP("exercises", "りんごに 指を のせたまま、かごまで 動かして、そこで はなします。"),
        3,
    ),
    Exercise(
        Gesture.PINCH,
        QT_TRANSLATE_NOOP("exercises", "ピンチ"),
        QT_TRANSLATE_NOOP("exercises", "2本の 指で 大きく・小さく します"),
        QT_TRANSLATE_NOOP("exercises", "2本の 指を 広げると 大きく、近づけると 小さく なります。"),
        2,
    ),
    Exercise(
        Gesture.FLICK,
        QT_TRANSLATE_NOOP("exercises", "フリック入力"),
        QT_TRANSLATE_NOOP("exercises", "スマホの かな入力を ためします"),
        QT_TRANSLATE_NOOP("exercises", "キーを 上下左右へ すべらせて 打ちます。"),
        3,
    ),
    Exercise(
        Gesture.QWERTY,
        QT_TRANSLATE_NOOP("exercises", "ローマ字入力"),
        QT_TRANSLATE_NOOP("exercises", "パソコンの キーで 打ちます"),
        QT_TRANSLATE_NOOP("exercises", "ローマ字で 打ちます。「な」は N と A です。"),
        3,
    ),
)
TITLES: dict[str, str] = {exercise.id.value: exercise.title for exercise in EXERCISES}
COURSE: tuple[Gesture, ...] = (Gesture.TAP, Gesture.LONG_PRESS, Gesture.SWIPE, Gesture.FLICK)
# (kana to type, what to end with): the last one is changed into kanji with 変換.
WORDS: tuple[tuple[str, str], ...] = (("なると", "なると"), ("しやくしょ", "しやくしょ"), ("でんわ", "電話"))


def exercise(gesture: Gesture | str) -> Exercise:
    return next(e for e in EXERCISES if e.id == gesture)


@dataclass
class TargetSizer:
    """The tap target: 200 px to start, smaller after each hit, bigger again after a miss."""

    largest: int = 200
    smallest: int = 60
    step: int = 20
    size: int = 200

    def hit(self) -> None:
        self.size = max(self.smallest, self.size - self.step)

    def miss(self) -> None:
        self.size = min(self.largest, self.size + self.step)


@dataclass
class Tally:
    """What one person did in one exercise: anonymous counts for the records."""

    exercise: Gesture
    attempts: int = 0
    successes: int = 0
    kinds: dict[str, int] = field(default_factory=dict)  # kinds of "not yet", e.g. too-short

    def success(self) -> None:
        self.attempts += 1
        self.successes += 1

    def not_yet(self, kind: str) -> None:
        self.attempts += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1

    def detail(self, seconds: float, finished: bool) -> str:
        """The event's detail: JSON, no personal data, short."""
        return json.dumps(
            {
                "exercise": self.exercise.value,
                "attempts": self.attempts,
                "successes": self.successes,
                "seconds": round(seconds, 1),
                "finished": finished,
                "not_yet": self.kinds,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
