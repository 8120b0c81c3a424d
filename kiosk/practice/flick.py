"""The smartphone 12-key kana keyboard (フリック入力).

What each key and flick types, the 「゛゜小」 key, and the 変換 candidates for a few common words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

import jaconv


class Direction(StrEnum):
    TAP = "tap"
    LEFT = "left"
    UP = "up"
    RIGHT = "right"
    DOWN = "down"


@dataclass(frozen=True)
class FlickKey:
    label: str
    """What the key shows, e.g. "あ", "か", "゛゜小", "わ", "、。?!"."""
    kana: Mapping[Direction, str]
    """What each direction types; directions the key does not use are absent."""


MODIFIER = "゛゜小"

_ORDER = (Direction.TAP, Direction.LEFT, Direction.UP, Direction.RIGHT, Direction.DOWN)


def _key(label: str, kana: str) -> FlickKey:
    """A key whose characters are given in the order tap, left, up, right, down (shorter = no down)."""
    return FlickKey(label, MappingProxyType(dict(zip(_ORDER, kana, strict=False))))


# Grid order, 4 rows × 3 columns, as on the iPhone and Android kana keyboards.
KEYS: tuple[FlickKey, ...] = (
    _key("あ", "あいうえお"),
    _key("か", "かきくけこ"),
    _key("さ", "さしすせそ"),
    _key("た", "たちつてと"),
    _key("な", "なにぬねの"),
    _key("は", "はひふへほ"),
    _key("ま", "まみむめも"),
    _key("や", "や「ゆ」よ"),
    _key("ら", "らりるれろ"),
    _key(MODIFIER, ""),  # it changes the last character instead of typing one: apply_modifier
    _key("わ", "わをんー"),
    _key("、。?!", "、。？！"),
)

_BY_LABEL = {k.label: k for k in KEYS}


def key(label: str) -> FlickKey:
    """The key with this label; KeyError for a label that is not on the keyboard."""
    try:
        return _BY_LABEL[label]
    except KeyError:
        raise KeyError(f"no flick key labelled {label!r}") from None


def flick(label: str, direction: Direction) -> str | None:
    """The kana this key types in this direction; None for a direction it does not use, and for MODIFIER."""
    return key(label).kana.get(direction)


def direction_of(dx: float, dy: float, threshold: float) -> Direction:
    """Which way a finger moved, in screen coordinates (y grows downwards).

    Less than `threshold` from where it went down is a tap; otherwise the longer axis wins,
    and an exact diagonal counts as sideways.
    """
    if math.hypot(dx, dy) < threshold:
        return Direction.TAP
    if abs(dx) >= abs(dy):
        return Direction.RIGHT if dx > 0 else Direction.LEFT
    return Direction.DOWN if dy > 0 else Direction.UP


# Each cycle is what repeated presses of 「゛゜小」 walk through, back to the start.
# う goes う→ぅ→ゔ→う, as on the iPhone keyboard.
_HIRAGANA_CYCLES = (
    *("あぁ", "いぃ", "うぅゔ", "えぇ", "おぉ"),
    *("かが", "きぎ", "くぐ", "けげ", "こご", "さざ", "しじ", "すず", "せぜ", "そぞ"),
    *("ただ", "ちぢ", "つっづ", "てで", "とど"),
    *("はばぱ", "ひびぴ", "ふぶぷ", "へべぺ", "ほぼぽ"),
    *("やゃ", "ゆゅ", "よょ", "わゎ"),
)
_CYCLES = (*_HIRAGANA_CYCLES, *(jaconv.hira2kata(c) for c in _HIRAGANA_CYCLES))
_NEXT = {c[i]: c[(i + 1) % len(c)] for c in _CYCLES for i in range(len(c))}


def apply_modifier(text: str) -> str:
    """The text after pressing 「゛゜小」: its last character moves on (か→が→か, は→ば→ぱ→は)."""
    if not text:
        return text
    return text[:-1] + _NEXT.get(text[-1], text[-1])


# Words an older person is likely to type, with what 変換 offers for them.
CONVERSIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "なると": ("鳴門", "ナルト"),
        "でんわ": ("電話",),
        "しやくしょ": ("市役所",),
        "しゃしん": ("写真",),
        "びょういん": ("病院",),
        "かぞく": ("家族",),
        "まご": ("孫",),
        "てがみ": ("手紙",),
        "あした": ("明日",),
        "おはよう": ("おはよう",),
        "こんにちは": ("こんにちは", "今日は"),
        "ありがとう": ("ありがとう", "有難う"),
        "げんき": ("元気",),
        "くすり": ("薬",),
        "でんしゃ": ("電車",),
        "ばす": ("バス",),
        "しんぶん": ("新聞",),
        "てんき": ("天気",),
        "ごはん": ("ご飯", "御飯"),
        "おちゃ": ("お茶",),
        "むすこ": ("息子",),
        "むすめ": ("娘",),
        "ともだち": ("友達",),
        "はいしゃ": ("歯医者",),
    }
)


def candidates(kana: str) -> tuple[str, ...]:
    """What 変換 offers for `kana`: known words, then its hiragana and katakana unless already there."""
    if not kana:
        return ()
    hiragana = jaconv.kata2hira(kana)
    found = list(CONVERSIONS.get(hiragana, ()))
    found += [form for form in (hiragana, jaconv.hira2kata(hiragana)) if form not in found]
    return tuple(found)
