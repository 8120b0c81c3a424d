"""Where a line of text may break: between Japanese phrases (BudouX), after spaces, never inside a word.

Japanese has no spaces, so a renderer left to itself breaks between any two characters
(「しば／らく」). BudouX (Google's phrase segmenter, a small pure-Python model) finds the
phrase boundaries a person would break at; the rules here add spaces and line-start
rules (「。」 and small kana never start a line) and keep Latin words and numbers whole.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from budoux import Parser

# May not start a line (kinsoku): closing marks, the long-vowel mark, small kana.
NO_LINE_START = frozenset(
    "、。，．・：；）」』】〕〉》ー！？!?),.:;ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
# May not end a line: an opening mark stays with what it opens.
NO_LINE_END = frozenset("「『（【〔〈《(")

# Ends a clause or sentence: what follows starts a new phrase, as after a space.
CLAUSE_END = frozenset("、。，．！？!?")

WORD_JOINER = "\u2060"  # UAX #14 class WJ: no break on either side; drawn as nothing


@lru_cache(maxsize=1)
def _parser() -> Parser:
    # Loaded at first use, not at import: about 5 ms, and only screens with text need it.
    from budoux import load_default_japanese_parser

    return load_default_japanese_parser()


def is_cjk(ch: str) -> bool:
    """Kana, kanji, CJK punctuation and full-width forms: where Japanese may break."""
    return ch >= "\u2e80"


def _is_space(ch: str) -> bool:
    return ch.isspace() and ch != WORD_JOINER


@lru_cache(maxsize=4096)
def break_points(text: str) -> frozenset[int]:
    """Offsets i (0 < i < len(text)) where a line may break between text[i-1] and text[i].

    A forced break ("\\n") is not listed: the caller breaks there anyway.
    """
    points: set[int] = set()
    start = 0
    for line in text.split("\n"):
        here: set[int] = set()
        if any(is_cjk(ch) for ch in line):
            offset = 0
            for phrase in _parser().parse(line)[:-1]:
                offset += len(phrase)
                here.add(offset)
        here |= {i for i in range(1, len(line)) if _is_space(line[i - 1]) and not _is_space(line[i])}
        here = {i for i in here if _may_break(line[i - 1], line[i])}
        points |= {start + i for i in here - _glue_lone_characters(line, here)}
        start += len(line) + 1
    return frozenset(i for i in points if 0 < i < len(text))


def _glue_lone_characters(line: str, points: set[int]) -> set[int]:
    """Which of a line's break points would leave a phrase of one Japanese character.

    BudouX sometimes cuts one character off a word (「さが｜す」, 「も｜どります」, 「明る｜い」),
    and a particle or counter written apart after a number or Latin word (「171 と」,
    「{0} 秒」, 「Wi-Fi に」) is a phrase of one character too. Such a character goes with the
    word it belongs to, never alone at the start or end of a line:
    - inside a run of text with no space on either side, with both neighbours;
    - with a space on one side only, with the neighbour on the other side (「さがす」, 「もどります」);
    - written apart on both sides (a word of its own), a particle, or anything after a number
      or Latin word, goes with the word before it (「171 と」, 「{0} 回」); anything else with
      the word after it (「今 いる」).
    """
    visible = [i for i, ch in enumerate(line) if not _is_space(ch)]
    glued: set[int] = set()
    offset = 0
    for part in _cut(line, frozenset(points)):
        at = offset + len(part) - len(part.lstrip())
        offset += len(part)
        char = part.strip()
        if len(char) != 1 or not is_cjk(char) or char in NO_LINE_START or char in NO_LINE_END:
            continue
        n = visible.index(at)
        if n == 0 and n == len(visible) - 1:
            continue
        before = visible[n - 1] if n > 0 else None
        after = visible[n + 1] if n < len(visible) - 1 else None
        space_before = before is None or before + 1 < at or line[before] in CLAUSE_END
        space_after = after is None or at + 1 < after
        back = before is not None and (
            not space_before
            or after is None
            or (space_after and (_script(char) == "hiragana" or not is_cjk(line[before])))
        )
        forward = after is not None and (not space_after or not back)
        if back:
            assert before is not None
            glued.update(range(before + 1, at + 1))
        if forward:
            assert after is not None
            glued.update(range(at + 1, after + 1))
    return glued


def _may_break(before: str, after: str) -> bool:
    if after in NO_LINE_START or before in NO_LINE_END or after == "\n" or before == "\n":
        return False
    if _is_space(after):  # BudouX puts a space at the start of the next phrase: break after it
        return False
    if _is_space(before):
        return True
    # Neither side Japanese: inside a Latin word or a number (iPhone, #9110, Wi-Fi).
    return is_cjk(before) or is_cjk(after)


def _script(ch: str) -> str:
    if "\u3041" <= ch <= "\u309f":
        return "hiragana"
    if "\u30a0" <= ch <= "\u30ff" or "\uff66" <= ch <= "\uff9f":
        return "katakana"
    if "\u3400" <= ch <= "\u9fff" or ch in "々〆ヶ":
        return "kanji"
    if ch.isalnum():
        return "latin"
    return "mark"  # punctuation goes with what it follows


@lru_cache(maxsize=4096)
def script_points(text: str) -> frozenset[int]:
    """Second-best places to break, for a phrase wider than a whole line: where the script
    changes (マイナンバーカード｜を, 暗証番号｜を), still keeping words and line-start rules."""
    points = set(break_points(text))
    for i in range(1, len(text)):
        before, after = _script(text[i - 1]), _script(text[i])
        if before != after and "mark" not in (before, after) and _may_break(text[i - 1], text[i]):
            points.add(i)
    return frozenset(points)


def phrases(text: str) -> list[str]:
    """The text cut at its break points (and kept whole at forced breaks)."""
    return _cut(text, break_points(text))


def script_runs(phrase: str) -> list[str]:
    """A phrase cut where its script changes: how to break one that is wider than a line."""
    return _cut(phrase, script_points(phrase))


def _cut(text: str, points: frozenset[int]) -> list[str]:
    cuts = [0, *sorted(points), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts) if b > a]


@lru_cache(maxsize=4096)
def keep_phrases(text: str) -> str:
    """The text with WORD JOINERs wherever a renderer would break Japanese but a person would not.

    For Qt's own line breaker (QLabel, QTextLayout), which honours U+2060.
    """
    if not any(is_cjk(ch) for ch in text):
        return text
    return "".join(join_phrase(phrase) for phrase in phrases(text))


def join_phrase(phrase: str) -> str:
    """One phrase made unbreakable for Qt: joiners between two characters where one is Japanese
    and neither is a space (Latin words are already whole; a space stays a break)."""
    out = [phrase[:1]]
    for before, after in itertools.pairwise(phrase):
        if (
            (is_cjk(before) or is_cjk(after))
            and not (_is_space(before) or _is_space(after))
            and WORD_JOINER not in (before, after)
        ):
            out.append(WORD_JOINER)
        out.append(after)
    return "".join(out)


def without_joiners(text: str) -> str:
    """The text as a person reads it, spoken or copied: the joiners taken out."""
    return text.replace(WORD_JOINER, "")
