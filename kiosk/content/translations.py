"""Lesson and procedure text in other languages: `lessons/<language>/<id>.yaml` over the Japanese.

A translation file holds only text (title, summary, learned, step text / help / tip and
their device variants; for procedures title, summary, steps, bring, note). Pictures,
order, links and sources always come from the Japanese file. A field left out falls
back to Japanese for that field — never a blank — and is counted as 未翻訳 for the
checker's coverage report. Languages are the folder names, so a new language needs
files, not code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from kiosk.content.lessons import (
    MAX_CHOICE,
    MAX_HELP,
    MAX_LEARNED,
    MAX_SUMMARY,
    MAX_TEXT,
    MAX_TITLE,
    CheckQuestion,
    Device,
    Ident,
    Lesson,
    Step,
    StepVariant,
    Text,
)
from kiosk.content.markup import plain
from kiosk.content.problems import Problem
from kiosk.content.procedures import Procedure
from kiosk.content.validate import load_model

SOURCE_LANGUAGE = "ja"
EASY_JAPANESE = "ja-easy"
EASY_SENTENCE = 60  # display width: 30 full-width characters, the やさしい日本語 guideline's short sentence
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
LANGUAGE_FOLDER = re.compile(r"^[a-z]{2,3}(-[a-z]+)?$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class VariantText(_Strict):
    text: Text | None = None
    help: Text | None = None
    tip: Text | None = None


class StepText(VariantText):
    variants: dict[Device, VariantText] = Field(default_factory=dict)


class CheckText(_Strict):
    question: Text | None = None
    choices: list[Text] | None = None  # in the Japanese order: the right answer's number is shared
    explanation: Text | None = None


class LessonText(_Strict):
    id: Ident
    language: Ident
    title: Text | None = None
    summary: Text | None = None
    learned: list[Text] | None = None
    steps: list[StepText] | None = None
    check: list[CheckText] | None = None


class ProcedureText(_Strict):
    id: Ident
    language: Ident
    title: Text | None = None
    summary: Text | None = None
    steps: list[Text] | None = None
    bring: list[Text] | None = None
    note: Text | None = None


@dataclass
class Coverage:
    """How much of one file a language covers: fields translated of fields there are."""

    translated: int = 0
    total: int = 0
    missing: list[str] = field(default_factory=list)  # field paths that fall back to Japanese

    @property
    def complete(self) -> bool:
        return self.translated == self.total


def width(text: str) -> int:
    """Display width: a full-width character counts 2, others 1 (limits are set in Japanese characters)."""
    shown = plain(text)
    if shown.isascii():  # most translated text (English): no full-width character to look up
        return len(shown)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in shown)


class _Merge:
    """Takes a translated value where there is one, the Japanese otherwise, and counts both."""

    def __init__(self, file: Path, language: str) -> None:
        self.file = file
        self.easy = language == EASY_JAPANESE
        self.coverage = Coverage()
        self.problems: list[Problem] = []

    def one(self, where: str, japanese: str | None, translated: str | None, limit: int | None) -> str | None:
        if japanese is None:
            return None
        self.coverage.total += 1
        if translated is None:
            self.coverage.missing.append(where)
            return japanese
        self.coverage.translated += 1
        # width ≤ 2 × length, so only a text longer than the limit can be too wide.
        if limit and len(translated) > limit and width(translated) > 2 * limit:
            self.problems.append(
                Problem(
                    self.file,
                    1,
                    where,
                    f"長すぎます: 表示幅 {width(translated)}（{2 * limit} まで）(too long for the screen)",
                    fatal=False,
                )
            )
        if self.easy:
            for sentence in _SENTENCE_END.split(plain(translated)):
                if width(sentence.strip()) > EASY_SENTENCE:
                    self.problems.append(
                        Problem(
                            self.file,
                            1,
                            where,
                            f"やさしい日本語の 1 文は 30 字までです: {sentence.strip()} (sentence too long)",
                            fatal=False,
                        )
                    )
        return translated

    def many(
        self, where: str, japanese: list[str], translated: list[str] | None, limit: int | None
    ) -> list[str]:
        if translated is not None and len(translated) != len(japanese):
            self.problems.append(
                Problem(
                    self.file,
                    1,
                    where,
                    f"日本語と同じ {len(japanese)} 個にしてください (needs {len(japanese)})",
                )
            )
            translated = None
        return [
            self.one(f"{where}[{i + 1}]", ja, translated[i] if translated else None, limit) or ja
            for i, ja in enumerate(japanese)
        ]


def translate_lesson(
    lesson: Lesson, text: LessonText | None, file: Path
) -> tuple[Lesson, Coverage, list[Problem]]:
    merge = _Merge(file, text.language if text else "")
    t = text or LessonText(id=lesson.id, language=SOURCE_LANGUAGE)
    steps_text = t.steps
    if steps_text is not None and len(steps_text) != len(lesson.steps):
        merge.problems.append(
            Problem(
                file,
                1,
                "steps",
                f"日本語と同じ {len(lesson.steps)} 手順にしてください (needs {len(lesson.steps)})",
            )
        )
        steps_text = None
    steps = []
    for i, step in enumerate(lesson.steps):
        st = steps_text[i] if steps_text else StepText()
        where = f"steps[{i + 1}]"
        variants: dict[Device, StepVariant] = {}
        for device, variant in step.variants.items():
            vt = st.variants.get(device, VariantText())
            at = f"{where}.variants.{device.value}"
            variants[device] = StepVariant(
                text=merge.one(f"{at}.text", variant.text, vt.text, MAX_TEXT),
                picture=variant.picture,
                help=merge.one(f"{at}.help", variant.help, vt.help, MAX_HELP),
                tip=merge.one(f"{at}.tip", variant.tip, vt.tip, MAX_HELP),
            )
        for device in st.variants:
            if device not in step.variants:
                merge.problems.append(
                    Problem(
                        file,
                        1,
                        f"{where}.variants.{device.value}",
                        "日本語の手順にない機種です (not in Japanese)",
                    )
                )
        steps.append(
            Step(
                text=merge.one(f"{where}.text", step.text, st.text, MAX_TEXT) or step.text,
                picture=step.picture,
                help=merge.one(f"{where}.help", step.help, st.help, MAX_HELP) or step.help,
                tip=merge.one(f"{where}.tip", step.tip, st.tip, MAX_HELP),
                variants=variants,
            )
        )
    update: dict[str, Any] = {
        "title": merge.one("title", lesson.title, t.title, MAX_TITLE),
        "summary": merge.one("summary", lesson.summary, t.summary, MAX_SUMMARY),
        "learned": merge.many("learned", lesson.learned, t.learned, MAX_LEARNED),
        "steps": steps,
        "check": _translate_check(lesson.check, t.check, merge),
    }
    return lesson.model_copy(update=update), merge.coverage, merge.problems


def _translate_check(
    check: list[CheckQuestion], texts: list[CheckText] | None, merge: _Merge
) -> list[CheckQuestion]:
    if texts is not None and len(texts) != len(check):
        merge.problems.append(
            Problem(
                merge.file,
                1,
                "check",
                f"日本語と同じ {len(check)} 問にしてください (needs {len(check)})",
            )
        )
        texts = None
    translated = []
    for i, question in enumerate(check):
        ct = texts[i] if texts else CheckText()
        where = f"check[{i + 1}]"
        translated.append(
            question.model_copy(
                update={
                    "question": merge.one(f"{where}.question", question.question, ct.question, MAX_TEXT)
                    or question.question,
                    "choices": merge.many(f"{where}.choices", question.choices, ct.choices, MAX_CHOICE),
                    "explanation": merge.one(
                        f"{where}.explanation", question.explanation, ct.explanation, MAX_HELP
                    )
                    or question.explanation,
                }
            )
        )
    return translated


def translate_procedure(
    procedure: Procedure, text: ProcedureText | None, file: Path
) -> tuple[Procedure, Coverage, list[Problem]]:
    merge = _Merge(file, text.language if text else "")
    t = text or ProcedureText(id=procedure.id, language=SOURCE_LANGUAGE)
    update: dict[str, Any] = {
        "title": merge.one("title", procedure.title, t.title, None),
        "summary": merge.one("summary", procedure.summary, t.summary, None),
        "steps": merge.many("steps", procedure.steps, t.steps, None),
        "bring": merge.many("bring", procedure.bring, t.bring, None),
        "note": merge.one("note", procedure.note, t.note, None),
    }
    return procedure.model_copy(update=update), merge.coverage, merge.problems


def language_folders(*directories: Path) -> list[str]:
    """Languages with a folder of texts beside the Japanese files (sorted)."""
    found = {
        child.name
        for directory in directories
        if directory.is_dir()
        for child in directory.iterdir()
        if child.is_dir() and LANGUAGE_FOLDER.match(child.name) and child.name != SOURCE_LANGUAGE
    }
    return sorted(found)


def load_texts(folder: Path, language: str, model: type[BaseModel]) -> tuple[dict[str, Any], list[Problem]]:
    """Every translation file in one language folder, by id, and what was wrong with the others.

    `model` is a translation file's model: it has an `id` and a `language`.
    """
    texts: dict[str, Any] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return texts, problems
    for file in sorted(folder.glob("*.yaml")):
        loaded = load_model(file, model)
        problems.extend(loaded.problems)
        if loaded.model is None:
            continue
        text_id, text_language = getattr(loaded.model, "id", None), getattr(loaded.model, "language", None)
        if text_id != file.stem:
            problems.append(
                Problem(
                    file,
                    loaded.line_of("id"),
                    "id",
                    "ファイル名と同じにしてください (id must match the file)",
                )
            )
            continue
        if text_language != language:
            problems.append(
                Problem(
                    file,
                    loaded.line_of("language"),
                    "language",
                    f"{language} にしてください (folder is {language})",
                )
            )
            continue
        texts[file.stem] = (loaded.model, file)
    return texts, problems
