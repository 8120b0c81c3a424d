"""The 12-key flick keyboard: what each flick types, the 「゛゜小」 key, and 変換 candidates."""

from __future__ import annotations

import pytest

from kiosk.practice.flick import (
    CONVERSIONS,
    KEYS,
    MODIFIER,
    Direction,
    apply_modifier,
    candidates,
    direction_of,
    flick,
    key,
)

TAP, LEFT, UP, RIGHT, DOWN = Direction.TAP, Direction.LEFT, Direction.UP, Direction.RIGHT, Direction.DOWN

# The whole keyboard, written out by hand: tap, left, up, right, down (None = the key does not use it).
LAYOUT: dict[str, tuple[str | None, ...]] = {
    "あ": ("あ", "い", "う", "え", "お"),
    "か": ("か", "き", "く", "け", "こ"),
    "さ": ("さ", "し", "す", "せ", "そ"),
    "た": ("た", "ち", "つ", "て", "と"),
    "な": ("な", "に", "ぬ", "ね", "の"),
    "は": ("は", "ひ", "ふ", "へ", "ほ"),
    "ま": ("ま", "み", "む", "め", "も"),
    "や": ("や", "「", "ゆ", "」", "よ"),
    "ら": ("ら", "り", "る", "れ", "ろ"),
    MODIFIER: (None, None, None, None, None),
    "わ": ("わ", "を", "ん", "ー", None),
    "、。?!": ("、", "。", "？", "！", None),
}
ALL_FLICKS = [
    (label, direction, typed)
    for label, row in LAYOUT.items()
    for direction, typed in zip((TAP, LEFT, UP, RIGHT, DOWN), row, strict=True)
]


def test_keys_are_in_the_phone_grid_order() -> None:
    labels = [k.label for k in KEYS]
    assert [labels[i : i + 3] for i in range(0, 12, 3)] == [
        ["あ", "か", "さ"],
        ["た", "な", "は"],
        ["ま", "や", "ら"],
        ["゛゜小", "わ", "、。?!"],
    ]


@pytest.mark.parametrize(("label", "direction", "typed"), ALL_FLICKS)
def test_every_flick_types_its_kana(label: str, direction: Direction, typed: str | None) -> None:
    assert flick(label, direction) == typed
    assert key(label).kana.get(direction) == typed


def test_a_key_offers_only_the_directions_it_uses() -> None:
    for k in KEYS:
        assert set(k.kana) == {d for d, typed in zip(Direction, LAYOUT[k.label], strict=True) if typed}


def test_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError, match="ぱ"):
        key("ぱ")


@pytest.mark.parametrize(
    ("dx", "dy", "expected"),
    [
        (0, 0, TAP),
        (5, -5, TAP),  # a wobbling finger, under the threshold
        (-9, 0, TAP),
        (30, 0, RIGHT),
        (-30, 0, LEFT),
        (0, -30, UP),  # y grows downwards on screen
        (0, 30, DOWN),
        (25, -10, RIGHT),  # diagonal: the longer axis wins
        (-10, -25, UP),
        (8, 8, TAP),  # 11.3 px diagonally is still under 12 px
        (-20, 20, LEFT),  # an exact diagonal counts as sideways
    ],
)
def test_direction_of(dx: float, dy: float, expected: Direction) -> None:
    assert direction_of(dx, dy, threshold=12) == expected


def test_direction_at_exactly_the_threshold_is_a_flick() -> None:
    assert direction_of(0, 12, threshold=12) == DOWN


def _presses(text: str, times: int) -> list[str]:
    seen = [text]
    for _ in range(times):
        seen.append(apply_modifier(seen[-1]))
    return seen[1:]


def test_modifier_adds_dakuten_and_back() -> None:
    assert _presses("せんか", 2) == ["せんが", "せんか"]


def test_modifier_cycles_handakuten() -> None:
    assert _presses("は", 3) == ["ば", "ぱ", "は"]
    assert _presses("ほ", 3) == ["ぼ", "ぽ", "ほ"]


def test_modifier_cycles_small_kana() -> None:
    assert _presses("つ", 3) == ["っ", "づ", "つ"]
    assert _presses("や", 2) == ["ゃ", "や"]
    assert _presses("よ", 2) == ["ょ", "よ"]
    assert _presses("あ", 2) == ["ぁ", "あ"]
    assert _presses("う", 3) == ["ぅ", "ゔ", "う"]
    assert _presses("わ", 2) == ["ゎ", "わ"]


def test_modifier_works_on_katakana_too() -> None:
    assert _presses("ハ", 3) == ["バ", "パ", "ハ"]


@pytest.mark.parametrize("text", ["な", "ん", "ー", "。", "を", "ま", "A", "電話"])
def test_modifier_leaves_characters_without_a_variant(text: str) -> None:
    assert apply_modifier(text) == text


def test_modifier_on_empty_text() -> None:
    assert apply_modifier("") == ""


def test_typing_naruto_by_flicks() -> None:
    text = ""
    for label, direction in [("な", TAP), ("ら", UP), ("た", DOWN)]:
        typed = flick(label, direction)
        assert typed is not None
        text += typed
    assert text == "なると"
    assert "鳴門" in candidates(text)


def test_typing_shiyakusho_with_the_small_kana_key() -> None:
    text = ""
    for label, direction in [("さ", LEFT), ("や", TAP), ("か", UP), ("さ", LEFT), ("や", DOWN)]:
        typed = flick(label, direction)
        assert typed is not None
        text += typed
    assert text == "しやくしよ"
    assert flick(MODIFIER, TAP) is None
    text = apply_modifier(text)
    assert text == "しやくしょ"
    assert candidates(text)[0] == "市役所"


def test_candidates_offer_kanji_then_the_kana() -> None:
    assert candidates("でんわ") == ("電話", "でんわ", "デンワ")
    assert candidates("なると") == ("鳴門", "ナルト", "なると")
    assert candidates("びょういん") == ("病院", "びょういん", "ビョウイン")


def test_candidates_for_unknown_words_are_the_kana() -> None:
    assert candidates("ねこ") == ("ねこ", "ネコ")
    assert candidates("ネコ") == ("ねこ", "ネコ")
    assert candidates("") == ()


def test_every_word_offers_its_kana_last_and_no_repeats() -> None:
    assert 15 <= len(CONVERSIONS) <= 25
    for word in CONVERSIONS:
        found = candidates(word)
        assert "ぁ" <= word[0] <= "ゖ", word
        assert len(set(found)) == len(found), word
        assert word in found
        assert found[0] == CONVERSIONS[word][0]
