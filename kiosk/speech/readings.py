"""Japanese readings: kana for speech engines that cannot read kanji, and furigana.

The analyzer is Open JTalk's front end (pyopenjtalk-plus, dictionary bundled,
offline). Lesson text may fix a reading the analyzer gets wrong with
`{漢字|かんじ}` (kiosk/content/markup.py): the screen shows 漢字, speech and furigana
use かんじ.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from kiosk.content.markup import has_kanji, is_kanji, segments

if TYPE_CHECKING:
    from kiosk.speech.readings_worker import ReadingsWorker

log = logging.getLogger("kiosk.speech")


class ReadingsUnavailable(Exception):
    """The reading analyzer is not installed or failed to load."""


@dataclass(frozen=True)
class Piece:
    """A run of text as shown, with the reading to draw above it (None: no furigana)."""

    text: str
    reading: str | None = None
    # A number with its counter (2027年): kept apart from its neighbours, not one long reading.
    whole: bool = False


def to_hiragana(text: str) -> str:
    return "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in text)


def to_katakana(text: str) -> str:
    return "".join(chr(ord(ch) + 0x60) if "ぁ" <= ch <= "ゖ" else ch for ch in text)


@lru_cache(maxsize=1)
def _analyzer() -> ModuleType:
    try:
        # pyopenjtalk-plus prints a notice about an optional extra on import.
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import pyopenjtalk
    except ImportError as exc:
        raise ReadingsUnavailable(f"pyopenjtalk-plus is not installed: {exc}") from exc
    return pyopenjtalk


# Open JTalk refuses a long input ("Input text is too long after normalization"): it is
# read a sentence at a time, and a sentence longer than this in pieces of this length.
_PIECE = 300
_SENTENCE_END = re.compile(r"(?<=[。！？!?\n])")


def _frontend(text: str) -> tuple[tuple[str, str, str], ...]:
    """(surface, reading, pronunciation) per word, from Open JTalk, however long the text."""
    return tuple(
        word
        for sentence in _SENTENCE_END.split(text)
        for start in range(0, len(sentence), _PIECE)
        for word in _frontend_piece(sentence[start : start + _PIECE])
    )


def frontend_words(text: str) -> tuple[tuple[str, str, str], ...]:
    """(surface, reading, pronunciation) per word of one piece, from Open JTalk in this process."""
    features: list[dict[str, Any]] = _analyzer().run_frontend(text)
    return tuple((f["string"], f["read"], f["pron"].replace("’", "")) for f in features)


# The screen's process asks a readings worker (kiosk/speech/readings_worker.py) instead of
# loading the dictionary itself; None: this process analyses (the speech worker, commands).
_worker: ReadingsWorker | None = None


def use_worker(worker: ReadingsWorker | None) -> None:
    """From now on, readings come from `worker` (None: from this process)."""
    global _worker
    _worker = worker
    _frontend_piece.cache_clear()


# Every run of text the lessons and screens show, a few times over (each answer is small).
@lru_cache(maxsize=32_768)
def _frontend_piece(text: str) -> tuple[tuple[str, str, str], ...]:
    if _worker is None:
        return frontend_words(text)
    words = _worker.words(text)
    if words is None:  # not cached: asked again next time
        raise ReadingsUnavailable(_worker.unavailable or "the readings worker did not answer")
    return words


def kana_for_speech(text: str) -> str:
    """Katakana pronunciation of `text` (as a speech engine without a kanji dictionary needs)."""
    spoken = []
    for shown, fixed in segments(text):
        if fixed is not None:
            spoken.append(to_katakana(fixed))
            continue
        for surface, _reading, pron in _frontend(shown):
            # Punctuation comes back as 、; keep the original so pauses stay where they were.
            spoken.append(surface if pron in ("、", "") else pron)
    return "".join(spoken)


def ruby(text: str) -> list[Piece]:
    """Pieces to draw: kanji runs carry their hiragana reading, everything else none. A number
    and the counter after it are read together: 2027年 (にせんにじゅうななねん), 20日 (はつか),
    3回 (さんかい) — alone, 年 would be read とし and 日 ひ."""
    pieces: list[Piece] = []
    for shown, fixed in segments(text):
        if fixed is not None:
            pieces.append(Piece(shown, to_hiragana(fixed)))
            continue
        between = ""  # what came before this run: a number at its end goes with a counter
        for index, part in enumerate(_JAPANESE_RUN.split(shown)):
            if index % 2 == 0:
                between = part
                continue
            number = _TRAILING_NUMBER.search(between)
            counted = _counted(number.group(), part) if number else None
            if counted is not None:
                assert number is not None
                pieces.append(Piece(between[: number.start()]))
                pieces.append(Piece(number.group() + counted.text, counted.reading, whole=True))
                part = part[len(counted.text) :]
            else:
                pieces.append(Piece(between))
            pieces.extend(_ruby_of_run(part))
            between = ""
        pieces.append(Piece(between))
    return _merge(pieces)


_TRAILING_NUMBER = re.compile(r"[0-9０-９]+$")
_NUMERALS = "0123456789０１２３４５６７８９〇一二三四五六七八九十百千万"


def _counted(number: str, run: str) -> Piece | None:
    """The counter at the start of `run` after `number` (年, 月, 日, 回, か月 …) as the analyzer
    reads the two together, the whole reading over it; None when `run` starts with no kanji
    counter or the analyzer's words cannot be matched to it."""
    reading = ""
    for surface, word_reading, _pron in _frontend(number + run):
        reading += word_reading
        counter = surface.lstrip(_NUMERALS)
        if not counter:
            continue  # still the number (二, 千, 十 …)
        if not has_kanji(counter) or not run.startswith(counter):
            return None
        return Piece(counter, to_hiragana(reading), whole=True)
    return None


# Runs of kanji and kana are analysed; digits, Latin letters and punctuation are
# shown as they are (the analyzer would rewrite 4 as 四 in what it returns).
_JAPANESE_RUN = re.compile(r"([\u3041-\u30ff\u3400-\u9fff々〆ヶー]+)")


def _ruby_of_run(run: str) -> list[Piece]:
    if not has_kanji(run):
        return [Piece(run)]
    words = _frontend(run)
    if "".join(surface for surface, _, _ in words) != run:
        log.debug("no furigana for %r: the analyzer changed the text", run)
        return [Piece(run)]
    pieces: list[Piece] = []
    for surface, reading, _pron in words:
        pieces.extend(_align(surface, to_hiragana(reading)))
    return pieces


def _align(surface: str, reading: str) -> list[Piece]:
    """Put the reading over the kanji only: 呼ぶ/よぶ → 呼(よ) ぶ; お問い合わせ → 問(と)い合(あ)わせ."""
    if not has_kanji(surface) or not reading or reading == "、":
        return [Piece(surface)]
    # Peel kana shared at both ends (okurigana), then split on kana inside the word.
    start = 0
    while start < len(surface) and start < len(reading) and not is_kanji(surface[start]):
        if to_hiragana(surface[start]) != reading[start]:
            break
        start += 1
    end_s, end_r = len(surface), len(reading)
    while end_s > start and end_r > start and not is_kanji(surface[end_s - 1]):
        if to_hiragana(surface[end_s - 1]) != reading[end_r - 1]:
            break
        end_s, end_r = end_s - 1, end_r - 1
    core, core_reading = surface[start:end_s], reading[start:end_r]
    pieces = [Piece(surface[:start])] if start else []
    pieces += _split_inner(core, core_reading)
    if end_s < len(surface):
        pieces.append(Piece(surface[end_s:]))
    return pieces


def _split_inner(core: str, reading: str) -> list[Piece]:
    """問い合わせ/といあわせ → 問(と) い 合(あ) わせ, when the inner kana can be matched."""
    kana_runs = [m for m in re.finditer(r"[ぁ-ゖァ-ヶー]+", core)]
    if not kana_runs:
        return [Piece(core, reading)]
    pattern = ""
    last = 0
    for run in kana_runs:
        pattern += "(.+?)" + re.escape(to_hiragana(run.group()))
        last = run.end()
    pattern += "(.+)" if last < len(core) else ""
    found = re.fullmatch(pattern, reading)
    if not found:
        return [Piece(core, reading)]
    pieces: list[Piece] = []
    groups = iter(found.groups())
    position = 0
    for run in kana_runs:
        if run.start() > position:
            pieces.append(Piece(core[position : run.start()], next(groups)))
        pieces.append(Piece(run.group()))
        position = run.end()
    if position < len(core):
        pieces.append(Piece(core[position:], next(groups)))
    return pieces


def _merge(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if merged and piece.reading is None and merged[-1].reading is None:
            merged[-1] = Piece(merged[-1].text + piece.text)
        elif merged and piece.reading and merged[-1].reading and not (piece.whole or merged[-1].whole):
            # 暗証 + 番号 → 暗証番号: one reading over the compound, no gap between kanji.
            merged[-1] = Piece(merged[-1].text + piece.text, merged[-1].reading + piece.reading)
        else:
            merged.append(piece)
    return merged


def warm_up() -> bool:
    """Load the dictionary now (about 0.3 s) rather than at the first button press."""
    try:
        _frontend("準備")
    except ReadingsUnavailable as exc:
        log.warning("readings unavailable: %s", exc)
        return False
    return True
