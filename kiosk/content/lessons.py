"""Lesson data: the typed form of one `lessons/*.yaml` file."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


# Longest text (characters) that still fits its screen at 特大 (200 %) without
# scrolling; tests/test_accessibility.py proves a lesson at these limits fits.
# Longer text is reported by the checker but the lesson still plays.
MAX_TITLE, MAX_SUMMARY, MAX_LEARNED, MAX_TEXT, MAX_HELP = 24, 50, 22, 45, 90
MAX_CHOICE = 28  # a self-check answer is one big button
CHECK_QUESTIONS = (3, 5)  # a course lesson ends with this many self-check questions
Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]


class Category(StrEnum):
    BASICS = "basics"
    MYNUMBER = "mynumber"
    PRACTICE = "practice"
    SUPPORTER = "supporter"  # サポーター講座: for supporters, and people who want to become one
    DISASTER = "disaster"  # 災害のとき: led by the disaster home in 災害モード


COURSE = Category.SUPPORTER


class Device(StrEnum):
    IPHONE = "iphone"
    ANDROID = "android"
    RAKU = "raku"  # らくらくスマートフォン: its own home screen and 押し込むタッチ


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StepVariant(_Strict):
    """What differs on one kind of phone; anything left out comes from the step."""

    text: Text | None = None
    picture: Text | None = None
    help: Text | None = None
    tip: Text | None = None


class Step(_Strict):
    text: Text
    picture: Text
    help: Text
    tip: Text | None = None
    variants: dict[Device, StepVariant] = Field(default_factory=dict)
    sources: list[Text] = Field(default_factory=list)  # where this step's facts come from

    def for_device(self, device: Device | None) -> Step:
        """This step as a person with `device` should see it."""
        variant = self.variants.get(device) if device else None
        if variant is None and device is Device.RAKU:  # らくらくスマホ is an Android phone underneath
            variant = self.variants.get(Device.ANDROID)
        if variant is None:
            return self
        return Step(
            text=variant.text or self.text,
            picture=variant.picture or self.picture,
            help=variant.help or self.help,
            tip=variant.tip or self.tip,
        )


class CheckQuestion(_Strict):
    """One self-check question at the end of a course lesson; the explanation follows any answer."""

    question: Text
    choices: list[Text] = Field(min_length=2, max_length=4)
    answer: int = Field(ge=1, description="the right choice, counted from 1")
    explanation: Text

    @property
    def right(self) -> int:
        """The right choice's index (from 0)."""
        return self.answer - 1


class Lesson(_Strict):
    id: Ident
    category: Category
    title: Text
    summary: Text
    order: int = 100
    learned: list[Text] = Field(min_length=1, max_length=4)
    procedure: Ident | None = None
    checked_on: date | None = None  # when its facts were last checked against `sources`
    sources: list[Text] = Field(default_factory=list)
    steps: list[Step] = Field(min_length=1, max_length=30)
    check: list[CheckQuestion] = Field(default_factory=list, max_length=CHECK_QUESTIONS[1])

    def texts(self) -> list[tuple[tuple[str | int, ...], str, int]]:
        """Every text a citizen reads, with its field path and its length limit."""
        found: list[tuple[tuple[str | int, ...], str, int]] = [
            (("title",), self.title, MAX_TITLE),
            (("summary",), self.summary, MAX_SUMMARY),
        ]
        found += [(("learned", i), line, MAX_LEARNED) for i, line in enumerate(self.learned)]
        for i, step in enumerate(self.steps):
            found += [
                (("steps", i, "text"), step.text, MAX_TEXT),
                (("steps", i, "help"), step.help, MAX_HELP),
            ]
            for device, variant in step.variants.items():
                where = ("steps", i, "variants", device.value)
                if variant.text:
                    found.append(((*where, "text"), variant.text, MAX_TEXT))
                if variant.help:
                    found.append(((*where, "help"), variant.help, MAX_HELP))
        for i, question in enumerate(self.check):
            found += [
                (("check", i, "question"), question.question, MAX_TEXT),
                (("check", i, "explanation"), question.explanation, MAX_HELP),
            ]
            found += [(("check", i, "choices", j), c, MAX_CHOICE) for j, c in enumerate(question.choices)]
        return found

    def sources_with_paths(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every source line, the lesson's and each step's, with its field path."""
        found: list[tuple[tuple[str | int, ...], str]] = [
            (("sources", i), source) for i, source in enumerate(self.sources)
        ]
        for index, step in enumerate(self.steps):
            found += [(("steps", index, "sources", i), source) for i, source in enumerate(step.sources)]
        return found

    @property
    def has_variants(self) -> bool:
        return any(step.variants for step in self.steps)

    def pictures(self) -> list[tuple[int, str, str]]:
        """Every picture the lesson uses: (step index, field path tail, file name)."""
        found: list[tuple[int, str, str]] = []
        for index, step in enumerate(self.steps):
            found.append((index, "picture", step.picture))
            for device, variant in step.variants.items():
                if variant.picture:
                    found.append((index, f"variants.{device.value}.picture", variant.picture))
        return found
