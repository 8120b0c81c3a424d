"""Load every lesson in a folder: good ones to play, problems to report.

A broken file never stops the others: it is skipped and reported. A missing
picture or an unknown procedure is reported but the lesson still plays (the
player shows a calm placeholder instead of the picture).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.lessons import Category, Lesson
from kiosk.content.problems import Problem
from kiosk.content.procedures import DEFAULT_ALLOWLIST, Procedure, load_procedures
from kiosk.content.validate import Loaded, field_name, load_model
from kiosk.speech.readings import plain

log = logging.getLogger("kiosk.content")

PICTURE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg"}


@dataclass
class LessonLibrary:
    lessons: list[Lesson] = field(default_factory=list)
    procedures: dict[str, Procedure] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    pictures_dir: Path = Path()

    def in_category(self, category: Category) -> list[Lesson]:
        return sorted(
            (lesson for lesson in self.lessons if lesson.category == category),
            key=lambda lesson: (lesson.order, lesson.title),
        )

    def get(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def picture_path(self, name: str) -> Path:
        return self.pictures_dir / name


def load_library(
    lessons_dir: Path,
    pictures_dir: Path,
    procedures_dir: Path,
    allowlist: tuple[str, ...] = DEFAULT_ALLOWLIST,
    *,
    check_style: bool = False,
) -> LessonLibrary:
    """`check_style` adds the writing rules (needs the reading analyzer; the checker asks for it)."""
    library = LessonLibrary(pictures_dir=pictures_dir)
    if not lessons_dir.is_dir():
        library.problems.append(
            Problem(lessons_dir, 1, "", "レッスンのフォルダがありません (lesson folder not found)")
        )
        return library
    library.procedures, procedure_problems = load_procedures(procedures_dir, allowlist)
    library.problems.extend(procedure_problems)
    seen: dict[str, Path] = {}
    for file in sorted(lessons_dir.glob("*.yaml")):
        loaded = load_model(file, Lesson)
        library.problems.extend(loaded.problems)
        lesson = loaded.model
        if lesson is None:
            log.warning("lesson file skipped: %s (%d problems)", file.name, len(loaded.problems))
            continue
        problems = _check_lesson(loaded, lesson, library, seen)
        if check_style:
            from kiosk.content.style import style_problems

            problems += style_problems(loaded, lesson)
        library.problems.extend(problems)
        if any(p.fatal for p in problems):
            log.warning("lesson skipped: %s", file.name)
            continue
        if lesson.procedure and lesson.procedure not in library.procedures:
            lesson = lesson.model_copy(update={"procedure": None})
        seen[lesson.id] = file
        library.lessons.append(lesson)
    return library


def _check_lesson(
    loaded: Loaded[Lesson], lesson: Lesson, library: LessonLibrary, seen: dict[str, Path]
) -> list[Problem]:
    file = loaded.file
    problems: list[Problem] = []
    if lesson.id in seen:
        problems.append(
            Problem(
                file,
                loaded.line_of("id"),
                "id",
                f"id '{lesson.id}' は {seen[lesson.id].name} でも使われています (duplicate id)",
            )
        )
    if lesson.id != file.stem:
        problems.append(
            Problem(
                file,
                loaded.line_of("id"),
                "id",
                f"ファイル名 ({file.stem}) と同じにしてください (id must match the file name)",
                fatal=False,
            )
        )
    if lesson.procedure and lesson.procedure not in library.procedures:
        problems.append(
            Problem(
                file,
                loaded.line_of("procedure"),
                "procedure",
                f"手続き '{lesson.procedure}' は procedures/ にありません (unknown procedure id)",
                fatal=False,
            )
        )
    for path_, text, most in lesson.texts():
        shown = plain(text)  # {漢字|かな} marks are not on screen
        if len(shown) > most:
            problems.append(
                Problem(
                    file,
                    loaded.line_of(*path_),
                    field_name(path_),
                    f"長すぎます。特大の文字で入りきるよう {most} 文字までにしてください "
                    f"(too long: {len(shown)} characters, at most {most})",
                    fatal=False,
                )
            )
    for index, tail, name in lesson.pictures():
        path: tuple[str | int, ...] = ("steps", index, *tail.split("."))
        where = field_name(path)
        line = loaded.line_of(*path)
        picture = library.picture_path(name)
        if Path(name).suffix.lower() not in PICTURE_SUFFIXES:
            problems.append(
                Problem(
                    file,
                    line,
                    where,
                    f"絵は SVG か PNG にしてください (not a picture file: {name})",
                    fatal=False,
                )
            )
        elif not picture.is_file():
            problems.append(
                Problem(
                    file,
                    line,
                    where,
                    f"絵のファイルがありません (missing picture: {name})",
                    fatal=False,
                )
            )
    return problems
