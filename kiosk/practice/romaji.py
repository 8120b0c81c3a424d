"""QWERTY ローマ字 input: letters become kana as they are typed, the way a phone or PC input method does.

jaconv converts each finished syllable. Deciding where a syllable ends is done here, because jaconv is
made for whole words and turns unfinished input into っ ("ky" → "っっ"). A few readings differ from
jaconv's on purpose, to match what phones and PCs do: "la"… give small ぁ…, "we" gives うぇ, and a
letter that cannot start any syllable stays a letter.

One reading is kinder than a real input method: "nn" before a vowel or y is ん + な行, so both
"konnichiha" and "konnnichiha" give こんにちは (a phone gives こんいちは for the first). For ん + a vowel,
type "n'" ("kan'i" → かんい).
"""

from __future__ import annotations

import itertools
from functools import cache

import jaconv

_VOWELS = "aeiou"
_CONSONANTS = "bcdfghjklmnpqrstvwxyz"
_SMALL = "ぁぃぅぇぉゃゅょゎ"

# Where jaconv reads a syllable differently from phone and PC input methods.
_OVERRIDES = {"la": "ぁ", "li": "ぃ", "lu": "ぅ", "le": "ぇ", "lo": "ぉ", "we": "うぇ"}


@cache  # built at the first typed letter, not while the kiosk starts
def _syllables() -> dict[str, str]:
    """Every spelling jaconv reads as one syllable: consonants then a vowel, e.g. "ka", "kya", "xtsu"."""
    onsets = ["", *_CONSONANTS, *(a + b for a, b in itertools.product(_CONSONANTS, "hknstwy")), "xts", "lts"]
    table: dict[str, str] = {}
    for spelling in (onset + vowel for onset in onsets for vowel in _VOWELS):
        kana = jaconv.alphabet2kana(spelling)
        # jaconv turns letters it cannot place into っ or ん; keep only one kana, or one plus a small one.
        one_sound = len(kana) == 1 or (len(kana) == 2 and kana[1] in _SMALL and kana[0] not in "っん")
        if one_sound and (kana != "っ" or spelling[0] in "xl"):
            table[spelling] = kana
    table.update(_OVERRIDES)
    table["xn"] = "ん"
    return table


@cache
def _prefixes() -> frozenset[str]:
    return frozenset(spelling[:i] for spelling in _syllables() for i in range(1, len(spelling)))


def _settle(pending: str) -> tuple[str, str, bool]:
    """Turn the decided start of `pending` into kana.

    Returns the kana, the letters still undecided, and whether the input ended on "nn" (whose
    second n may still begin な, に … if a vowel follows).
    """
    kana: list[str] = []
    rest = pending
    while rest:
        first, second = rest[0], rest[1:2]
        if first == "-":
            kana.append("ー")
            rest = rest[1:]
        elif first == "'":
            rest = rest[1:]  # a separator with nothing to separate
        elif first == "n" and second in ("n", "'"):
            kana.append("ん")
            if second == "n" and len(rest) == 2:
                return "".join(kana), "", True
            rest = rest[2:]
        elif first in _CONSONANTS and (second == first or first + second == "tc"):
            kana.append("っ")  # kk, ss, tt … and tch: a small っ, the second letter starts the syllable
            rest = rest[1:]
        else:
            end = next((i + 1 for i, c in enumerate(rest) if c in _VOWELS), None)
            if end is None and rest.startswith("xn"):
                end = 2
            syllables = _syllables()
            if end is not None and rest[:end] in syllables:
                kana.append(syllables[rest[:end]])
                rest = rest[end:]
            elif end is None and rest in _prefixes():
                break  # still being typed
            else:
                # Cannot be finished into a syllable: n is ん (n + consonant), anything else stays a letter.
                kana.append("ん" if first == "n" else first)
                rest = rest[1:]
    return "".join(kana), rest, False


class RomajiBuffer:
    """Keystrokes as typed on a QWERTY keyboard; shows converted kana plus the letters still pending."""

    def __init__(self) -> None:
        self._kana = ""
        self._pending = ""
        self._spare_n = False  # the last ん came from "nn", and its second n may still start な行

    def press(self, letter: str) -> None:
        """Type one key: a–z (capitals count as small letters), "-" for ー, or "'" to end an n."""
        letter = letter.lower()
        if len(letter) != 1 or letter not in "abcdefghijklmnopqrstuvwxyz-'":
            return
        if self._spare_n and (letter in _VOWELS or letter == "y"):
            self._pending = "n"
        self._spare_n = False
        kana, self._pending, self._spare_n = _settle(self._pending + letter)
        self._kana += kana

    def backspace(self) -> None:
        """Remove the last pending letter, else the last kana."""
        self._spare_n = False
        if self._pending:
            self._pending = self._pending[:-1]
        else:
            self._kana = self._kana[:-1]

    def clear(self) -> None:
        self._kana = self._pending = ""
        self._spare_n = False

    def finish(self) -> str:
        """The text once typing is over: a lone trailing n counts as ん, other unfinished letters stay."""
        return self._kana + ("ん" if self._pending == "n" else self._pending)

    @property
    def text(self) -> str:
        """What the screen shows: converted kana, then the letters not yet decided ("なるt")."""
        return self._kana + self._pending

    @property
    def kana(self) -> str:
        """The converted part only."""
        return self._kana


def to_kana(romaji: str) -> str:
    """A whole typed word in hiragana: "shiyakusho" → "しやくしょ", "kitte" → "きって"."""
    buffer = RomajiBuffer()
    for letter in romaji:
        buffer.press(letter)
    return buffer.finish()
