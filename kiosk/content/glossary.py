"""Plain-word meanings: `glossary/words.yaml` — the words that stop people, in やさしい日本語.

`find_words` gives the glossary words in a text (longest first, each once), for the
player's word buttons. `jargon` gives katakana words in a text that are neither in the
glossary nor listed as plain, for the checker to ask about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from kiosk.content.lessons import Ident, Text
from kiosk.content.pictures import picture_problem, svg_file_problem
from kiosk.content.problems import Problem
from kiosk.content.validate import field_name, load_model

GLOSSARY_FILE = "words.yaml"
MAX_MEANING = 90
_KATAKANA = re.compile(r"[ァ-ヺー]{3,}")  # three or more: shorter ones are mostly parts of names


class Word(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    word: Text
    also: list[Text] = Field(default_factory=list)
    reading: Text | None = None
    title: Text | None = None  # the word as another language writes it (translations)
    meaning: Text
    picture: Text | None = None
    sources: list[Text] = Field(default_factory=list)

    @property
    def spellings(self) -> list[str]:
        return [self.word, *self.also]

    @property
    def shown(self) -> str:
        return self.title or self.word


class GlossaryFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    plain: list[Text] = Field(default_factory=list)
    words: list[Word] = Field(default_factory=list)


class WordText(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    word: Text
    title: Text | None = None
    meaning: Text | None = None


class GlossaryText(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    language: Ident
    words: list[WordText] = Field(default_factory=list)


@dataclass
class Glossary:
    words: list[Word] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, word: str) -> Word | None:
        return next((w for w in self.words if word in w.spellings), None)

    def find_words(self, text: str) -> list[Word]:
        """Glossary words in `text`, in the order they first appear, each once (longest spelling wins)."""
        spellings = sorted(
            ((spelling, word) for word in self.words for spelling in word.spellings),
            key=lambda pair: -len(pair[0]),
        )
        taken: list[tuple[int, int]] = []
        found: dict[str, tuple[int, Word]] = {}
        for spelling, word in spellings:
            start = text.find(spelling)
            while start >= 0:
                end = start + len(spelling)
                if not any(a < end and start < b for a, b in taken):
                    taken.append((start, end))
                    if word.word not in found or start < found[word.word][0]:
                        found[word.word] = (start, word)
                start = text.find(spelling, end)
        return [word for _start, word in sorted(found.values(), key=lambda pair: pair[0])]

    def jargon(self, text: str) -> list[str]:
        """Katakana words in `text` that the glossary neither explains nor lists as plain."""
        known = [s for w in self.words for s in w.spellings] + self.plain
        unknown: list[str] = []
        for match in _KATAKANA.finditer(text):
            katakana = match.group()
            # Known: a listed word, part of one (ポータル in マイナポータル), or made of listed
            # words (マイナポータル + アプリ); a word that merely contains one (ブロックチェーン
            # holds ロック) still needs a meaning.
            if not _made_of(katakana, known) and katakana not in unknown:
                unknown.append(katakana)
        return unknown

    def in_language(self, text: GlossaryText | None) -> Glossary:
        if text is None:
            return self
        by_word = {t.word: t for t in text.words}
        words = [
            w.model_copy(
                update={
                    "title": by_word[w.word].title or w.title,
                    "meaning": by_word[w.word].meaning or w.meaning,
                }
            )
            if w.word in by_word
            else w
            for w in self.words
        ]
        return Glossary(words, self.plain, [])


def _made_of(word: str, known: list[str]) -> bool:
    if any(word in k for k in known):
        return True
    # Can the word be cut into listed words, end to end?
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(
            reachable[end - len(k)] and word.endswith(k, 0, end) for k in known if 0 < len(k) <= end
        )
    return reachable[-1]


def load_glossary(directory: Path, pictures: Path) -> Glossary:
    file = directory / GLOSSARY_FILE
    if not file.is_file():
        return Glossary()
    loaded = load_model(file, GlossaryFile)
    problems = list(loaded.problems)
    if loaded.model is None:
        return Glossary(problems=problems)
    seen: set[str] = set()
    words = list(loaded.model.words)
    for index, word in enumerate(loaded.model.words):

        def problem(field: str | None, message: str, *, fatal: bool = True, at: int = index) -> None:
            path: tuple[str | int, ...] = ("words", at, *((field,) if field else ()))
            problems.append(Problem(file, loaded.line_of(*path), field_name(path), message, fatal=fatal))

        for spelling in word.spellings:
            if spelling in seen:
                problem(None, f"「{spelling}」が 二度 あります (duplicate)")
            seen.add(spelling)
        if len(word.meaning) > MAX_MEANING:
            problem("meaning", f"{MAX_MEANING} 文字までに してください (too long)", fatal=False)
        outside = picture_problem(word.picture, pictures) if word.picture else None
        if outside:  # the word is shown without its picture, which is never opened
            problem("picture", outside)
            words[index] = word.model_copy(update={"picture": None})
        elif word.picture and not (pictures / word.picture).is_file():
            problem("picture", f"絵のファイルがありません (missing picture: {word.picture})", fatal=False)
        elif word.picture and (refused := svg_file_problem(pictures, word.picture)):
            problem("picture", refused, fatal=False)  # shown with its placeholder: not drawn
    return Glossary(words, list(loaded.model.plain), problems)


def load_glossary_text(directory: Path, language: str) -> tuple[GlossaryText | None, list[Problem]]:
    file = directory / language / GLOSSARY_FILE
    if not file.is_file():
        return None, []
    loaded = load_model(file, GlossaryText)
    return loaded.model, list(loaded.problems)
