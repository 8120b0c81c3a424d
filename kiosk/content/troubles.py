"""Everyday troubles 「こまったことから さがす」: `troubles/<id>.yaml`, each leading somewhere real.

A trouble has a short answer (shown on its card and read aloud) and leads to a lesson
(and step) and/or an official page's QR. The checker reports a trouble that leads
nowhere, or to a lesson, step or procedure that does not exist; such a trouble is not
shown (the grid never offers a dead end).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from kiosk.content.lessons import Ident, Lesson, Text
from kiosk.content.pictures import picture_problem, svg_file_problem
from kiosk.content.problems import Problem
from kiosk.content.procedures import Procedure
from kiosk.content.validate import Loaded, load_model

MAX_TROUBLE_TITLE, MAX_ANSWER = 12, 90


class Trouble(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Ident
    order: int = 100
    title: Text
    picture: Text
    answer: Text
    lesson: Ident | None = None
    step: int | None = Field(default=None, ge=1)
    procedure: Ident | None = None
    sources: list[Text] = Field(default_factory=list)


class TroubleText(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Ident
    language: Ident
    title: Text | None = None
    answer: Text | None = None


@dataclass
class Troubles:
    items: list[Trouble]
    problems: list[Problem]


def load_troubles(
    directory: Path, lessons: dict[str, Lesson], procedures: dict[str, Procedure], pictures: Path
) -> Troubles:
    """Every trouble that leads somewhere real, in grid order; problems for the rest."""
    found: list[Trouble] = []
    problems: list[Problem] = []
    if not directory.is_dir():
        return Troubles(found, problems)
    for file in sorted(directory.glob("*.yaml")):
        loaded = load_model(file, Trouble)
        problems.extend(loaded.problems)
        trouble = loaded.model
        if trouble is None:
            continue
        here = _check(loaded, trouble, lessons, procedures, pictures)
        problems.extend(here)
        if not any(p.fatal for p in here):
            found.append(trouble)
    found.sort(key=lambda t: (t.order, t.id))
    return Troubles(found, problems)


def _check(
    loaded: Loaded[Trouble],
    trouble: Trouble,
    lessons: dict[str, Lesson],
    procedures: dict[str, Procedure],
    pictures: Path,
) -> list[Problem]:
    file = loaded.file
    here: list[Problem] = []

    def problem(field: str, message: str, *, fatal: bool = True) -> None:
        here.append(Problem(file, loaded.line_of(field), field, message, fatal=fatal))

    if trouble.id != file.stem:
        problem("id", f"ファイル名 ({file.stem}) と同じにしてください (id must match the file name)")
    if trouble.lesson is None and trouble.procedure is None:
        problem("lesson", "lesson か procedure の どちらかが 要ります (a trouble must lead somewhere)")
    if trouble.lesson is not None:
        lesson = lessons.get(trouble.lesson)
        if lesson is None:
            problem("lesson", f"レッスン '{trouble.lesson}' が ありません (unknown lesson)")
        elif trouble.step is not None and trouble.step > len(lesson.steps):
            problem("step", f"{trouble.lesson} の 手順は {len(lesson.steps)} までです (no such step)")
    elif trouble.step is not None:
        problem("step", "step は lesson と いっしょに 書きます (step without a lesson)")
    if trouble.procedure is not None and trouble.procedure not in procedures:
        problem("procedure", f"手続き '{trouble.procedure}' が ありません (unknown procedure)")
    outside = picture_problem(trouble.picture, pictures)
    if outside:  # the trouble is not shown: its picture is never opened
        problem("picture", outside)
    elif not (pictures / trouble.picture).is_file():
        problem("picture", f"絵のファイルがありません (missing picture: {trouble.picture})", fatal=False)
    else:
        refused = svg_file_problem(pictures, trouble.picture)
        if refused:  # shown with its placeholder: the SVG is not drawn
            problem("picture", refused, fatal=False)
    for field, text, most in (
        ("title", trouble.title, MAX_TROUBLE_TITLE),
        ("answer", trouble.answer, MAX_ANSWER),
    ):
        if len(text) > most:
            problem(field, f"{most} 文字までに してください (too long: {len(text)})", fatal=False)
    return here


def translate_trouble(trouble: Trouble, text: TroubleText | None) -> Trouble:
    """The trouble in another language: its title and answer where translated, Japanese otherwise."""
    if text is None:
        return trouble
    return trouble.model_copy(
        update={"title": text.title or trouble.title, "answer": text.answer or trouble.answer}
    )
