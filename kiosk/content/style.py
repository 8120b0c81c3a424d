"""Writing rules a machine can check (やさしい日本語 guideline, 2020), for `kiosk lessons check`.

Short sentences, です・ます endings, every kanji word with a reading that read-aloud
and furigana can use, a supporter tip on every step, no placeholder text. Run by
the checker only: the kiosk itself does not load the reading analyzer to start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kiosk.content.lessons import Category, Lesson
from kiosk.content.markup import has_kanji, plain
from kiosk.content.problems import Problem
from kiosk.content.validate import Loaded, field_name
from kiosk.speech.readings import ReadingsUnavailable, ruby

MAX_SENTENCE = 40
MIN_STEPS = 5
CURRICULUM = (Category.BASICS, Category.MYNUMBER)
_SENTENCE_END = re.compile(r"(?<=[。！？!?])|\n")
_POLITE = re.compile(r"(ます|ません|です|でした|ました|ましょう|ください|でしょう)(か|ね|よ)?$")
# Brackets, quotes and a closing parenthetical may follow the verb: 「…押します（右です）。」
_TRAILING = re.compile(r"(（[^（）]*）|[」』）)\s。！？!?])+$")
_PLACEHOLDER = re.compile(r"TODO|FIXME|TBD|lorem|ipsum|xxx|○○|ダミー|仮の文", re.IGNORECASE)

Path_ = tuple[str | int, ...]


def _prose(lesson: Lesson) -> Iterator[tuple[Path_, str]]:
    """Sentences a citizen or supporter reads (title and learned lines are phrases, not sentences)."""
    yield ("summary",), lesson.summary
    for i, step in enumerate(lesson.steps):
        for name in ("text", "help", "tip"):
            value = getattr(step, name)
            if value:
                yield ("steps", i, name), value
        for device, variant in step.variants.items():
            for name in ("text", "help", "tip"):
                value = getattr(variant, name)
                if value:
                    yield ("steps", i, "variants", device.value, name), value


def _all_text(lesson: Lesson) -> Iterator[tuple[Path_, str]]:
    yield ("title",), lesson.title
    yield from ((("learned", i), line) for i, line in enumerate(lesson.learned))
    yield from _prose(lesson)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(plain(text)) if s.strip()]


def is_polite(sentence: str) -> bool:
    """です・ます style: the sentence ends in a polite form (a bullet line is a list item, not a sentence)."""
    if sentence.startswith(("・", "-", "※")):
        return True
    return bool(_POLITE.search(_TRAILING.sub("", sentence)))


def unread_kanji(text: str) -> list[str]:
    """Kanji words the analyzer gives no kana reading for (fix with {漢字|かな})."""
    return [
        piece.text
        for piece in ruby(text)
        if has_kanji(piece.text) and (not piece.reading or has_kanji(piece.reading))
    ]


def style_problems(loaded: Loaded[Lesson], lesson: Lesson) -> list[Problem]:
    problems: list[Problem] = []

    def report(path: Path_, message: str) -> None:
        problems.append(Problem(loaded.file, loaded.line_of(*path), field_name(path), message, fatal=False))

    for path, text in _all_text(lesson):
        if _PLACEHOLDER.search(text):
            report(path, "仮の文が残っています (placeholder text)")
    for path, text in _prose(lesson):
        for sentence in sentences(text):
            if len(sentence) > MAX_SENTENCE:
                report(
                    path,
                    f"文が長すぎます。{MAX_SENTENCE} 文字までに分けてください (sentence of {len(sentence)})",
                )
            if not is_polite(sentence):
                report(path, f"「です・ます」で終えてください (not polite form: {sentence[-12:]})")
    try:
        for path, text in _all_text(lesson):
            unread = unread_kanji(text)
            if unread:
                report(
                    path,
                    f"読みがわかりません。{{漢字|かな}} で書いてください (no reading: {'、'.join(unread)})",
                )
    except ReadingsUnavailable as exc:
        report(("id",), f"読みを調べられません (readings unavailable: {exc})")
    if lesson.category in CURRICULUM:
        if len(lesson.steps) < MIN_STEPS:
            report(("steps",), f"手順は {MIN_STEPS} つ以上にしてください (only {len(lesson.steps)} steps)")
        for i, step in enumerate(lesson.steps):
            if not step.tip:
                report(("steps", i), "サポーター向けのコツ (tip) がありません (supporter tip missing)")
    return problems
