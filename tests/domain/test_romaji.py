"""QWERTY ローマ字 input: whole words to kana, and the buffer that shows kana as letters are typed."""

from __future__ import annotations

import pytest

from kiosk.practice.romaji import RomajiBuffer, to_kana


@pytest.mark.parametrize(
    ("romaji", "kana"),
    [
        ("shiyakusho", "しやくしょ"),
        ("denwa", "でんわ"),
        ("naruto", "なると"),
        ("kitte", "きって"),
        ("byouin", "びょういん"),
        ("ohayou", "おはよう"),
        ("kazoku", "かぞく"),
        ("tegami", "てがみ"),
    ],
)
def test_words(romaji: str, kana: str) -> None:
    assert to_kana(romaji) == kana


@pytest.mark.parametrize(
    ("romaji", "kana"),
    [
        ("konnnichiha", "こんにちは"),  # the careful way: nn for ん, then ni
        ("konnichiha", "こんにちは"),  # forgiven: nn before a vowel is ん + な行
        ("kon'nichiha", "こんにちは"),
        ("onna", "おんな"),
        ("konnyaku", "こんにゃく"),
        ("kan'i", "かんい"),  # n' is how to get ん + a vowel
        ("shinnbunn", "しんぶん"),
        ("shinbun", "しんぶん"),  # n before a consonant is ん
        ("honya", "ほにゃ"),
        ("hon'ya", "ほんや"),
        ("kan", "かん"),  # a lone n at the end of the word is ん
        ("n", "ん"),
        ("nnn", "んん"),
        ("xn", "ん"),
    ],
)
def test_n(romaji: str, kana: str) -> None:
    assert to_kana(romaji) == kana


@pytest.mark.parametrize(
    ("romaji", "kana"),
    [
        ("kka", "っか"),
        ("zasshi", "ざっし"),
        ("kippu", "きっぷ"),
        ("matcha", "まっちゃ"),
        ("kocchi", "こっち"),
        ("xtu", "っ"),
        ("ltu", "っ"),
        ("xtsu", "っ"),
        ("xya", "ゃ"),
        ("lyo", "ょ"),
        ("la", "ぁ"),  # jaconv says ら; phones and PCs say ぁ
        ("xi", "ぃ"),
        ("xwa", "ゎ"),
    ],
)
def test_small_kana(romaji: str, kana: str) -> None:
    assert to_kana(romaji) == kana


@pytest.mark.parametrize(
    ("romaji", "kana"),
    [
        ("sha", "しゃ"),
        ("shi", "し"),
        ("si", "し"),
        ("chi", "ち"),
        ("ti", "ち"),
        ("tsu", "つ"),
        ("tu", "つ"),
        ("fu", "ふ"),
        ("hu", "ふ"),
        ("ji", "じ"),
        ("zi", "じ"),
        ("ja", "じゃ"),
        ("kya", "きゃ"),
        ("kyu", "きゅ"),
        ("kyo", "きょ"),
        ("jo", "じょ"),
        ("wo", "を"),
        ("we", "うぇ"),
        ("thi", "てぃ"),
        ("vu", "ゔ"),
    ],
)
def test_syllables(romaji: str, kana: str) -> None:
    assert to_kana(romaji) == kana


def test_long_vowel_mark() -> None:
    assert to_kana("ra-men") == "らーめん"
    assert to_kana("ko-hi-") == "こーひー"


def test_capitals_count_as_small_letters() -> None:
    assert to_kana("Naruto") == "なると"


def test_unfinished_letters_stay_letters() -> None:
    # jaconv would say "っっ" for "ky"; a phone shows the letters until the syllable is done.
    assert to_kana("ky") == "ky"
    assert to_kana("kyo") == "きょ"
    assert to_kana("narut") == "なるt"
    assert to_kana("sh") == "sh"


def test_letters_that_cannot_start_a_syllable_stay() -> None:
    assert to_kana("kta") == "kた"


def _typed(letters: str) -> RomajiBuffer:
    buffer = RomajiBuffer()
    for letter in letters:
        buffer.press(letter)
    return buffer


def test_buffer_shows_pending_letters() -> None:
    buffer = _typed("narut")
    assert buffer.text == "なるt"
    assert buffer.kana == "なる"
    buffer.press("o")
    assert buffer.text == buffer.kana == "なると"


def test_buffer_shows_each_step_of_a_word() -> None:
    buffer = RomajiBuffer()
    shown = []
    for letter in "shiyakusho":
        buffer.press(letter)
        shown.append(buffer.text)
    assert shown == ["s", "sh", "し", "しy", "しや", "しやk", "しやく", "しやくs", "しやくsh", "しやくしょ"]


def test_buffer_double_consonant() -> None:
    buffer = _typed("kit")
    assert buffer.text == "きt"
    buffer.press("t")
    assert buffer.text == "きっt"
    buffer.press("e")
    assert buffer.text == "きって"


def test_lone_n_waits_for_the_next_key() -> None:
    buffer = _typed("den")
    assert buffer.text == "でn"
    assert buffer.kana == "で"
    buffer.press("w")  # n + consonant → ん
    assert buffer.text == "でんw"
    buffer.press("a")
    assert buffer.text == "でんわ"


def test_n_then_vowel_is_na_row() -> None:
    buffer = _typed("kan")
    buffer.press("i")
    assert buffer.text == "かに"


def test_nn_is_n_at_once() -> None:
    buffer = _typed("konn")
    assert buffer.text == buffer.kana == "こん"
    buffer.press("i")
    assert buffer.text == "こんに"
    assert _typed("konnn").text == "こんn"
    assert _typed("konnnichiha").text == "こんにちは"


def test_backspace_removes_a_pending_letter_first() -> None:
    buffer = _typed("naruts")
    assert buffer.text == "なるts"
    buffer.backspace()
    assert buffer.text == "なるt"
    buffer.backspace()
    assert buffer.text == "なる"
    buffer.backspace()
    assert buffer.text == "な"
    buffer.press("n")
    assert buffer.text == "なn"


def test_backspace_removes_the_last_kana_not_the_whole_syllable() -> None:
    buffer = _typed("kyo")
    buffer.backspace()
    assert buffer.text == "き"
    buffer.backspace()
    buffer.backspace()  # nothing left: no error
    assert buffer.text == ""


def test_backspace_after_nn_forgets_the_spare_n() -> None:
    buffer = _typed("konn")
    buffer.backspace()
    assert buffer.text == "こ"
    buffer.press("i")
    assert buffer.text == "こい"


def test_buffer_ignores_other_keys_and_clears() -> None:
    buffer = _typed("na1 ?ru。")
    assert buffer.text == "なる"
    buffer.press("")
    buffer.press("to")
    assert buffer.text == "なる"
    buffer.press("-")
    assert buffer.text == "なるー"
    buffer.clear()
    assert buffer.text == buffer.kana == ""


@pytest.mark.parametrize("word", ["shiyakusho", "konnichiha", "matcha", "ra-men", "kan'i", "shinbun"])
def test_buffer_agrees_with_to_kana(word: str) -> None:
    assert _typed(word).finish() == to_kana(word)


def test_finishing_turns_a_trailing_n_into_n_kana() -> None:
    buffer = _typed("byouin")
    assert buffer.text == "びょういn"
    assert buffer.finish() == "びょういん"
    assert _typed("narut").finish() == "なるt"
