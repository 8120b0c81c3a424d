"""Load every lesson in a folder: good ones to play, problems to report.

A broken file never stops the others: it is skipped and reported. A missing
picture or an unknown procedure is reported but the lesson still plays (the
player shows a calm placeholder instead of the picture).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from kiosk.content.freshness import freshness_problems
from kiosk.content.glossary import Glossary, load_glossary, load_glossary_text
from kiosk.content.lessons import CHECK_QUESTIONS, COURSE, Category, Lesson
from kiosk.content.markup import plain
from kiosk.content.pictures import picture_problem, svg_file_problem
from kiosk.content.problems import Problem
from kiosk.content.procedures import Procedure, load_procedures
from kiosk.content.translations import (
    SOURCE_LANGUAGE,
    Coverage,
    LessonText,
    ProcedureText,
    language_folders,
    load_texts,
    translate_lesson,
    translate_procedure,
)
from kiosk.content.troubles import Trouble, TroubleText, load_troubles, translate_trouble
from kiosk.content.urls import DEFAULT_ALLOWLIST
from kiosk.content.validate import Loaded, field_name, load_model

log = logging.getLogger("kiosk.content")

PICTURE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg"}
REFUSED_PICTURE = "refused-picture.invalid"  # a name no picture has: drawn as 「絵は ありません」


@dataclass
class LessonLibrary:
    lessons: list[Lesson] = field(default_factory=list)
    procedures: dict[str, Procedure] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    pictures_dir: Path = Path()
    language: str = SOURCE_LANGUAGE
    # Other languages: the same lessons with their texts (Japanese where untranslated),
    # and per language and file id, how much is translated.
    translations: dict[str, LessonLibrary] = field(default_factory=dict)
    coverage: dict[str, dict[str, Coverage]] = field(default_factory=dict)
    troubles: list[Trouble] = field(default_factory=list)  # 「こまったことから さがす」, in grid order
    glossary: Glossary = field(default_factory=Glossary)
    notes: list[str] = field(default_factory=list)  # for the checker: worth a look, not a problem
    # Languages whose text files are read when first asked for (the kiosk starts without them).
    unread: dict[str, Callable[[], None]] = field(default_factory=dict, repr=False)

    @property
    def languages(self) -> list[str]:
        return [SOURCE_LANGUAGE, *self.translations, *self.unread]

    def in_language(self, language: str) -> LessonLibrary:
        """The library as read in `language` (Japanese for a language without texts)."""
        if language in self.unread:  # read now, at the first person who chose it
            known = len(self.problems)
            self.unread.pop(language)()
            for problem in self.problems[known:]:
                log.warning("lesson problem: %s", problem)
        return self.translations.get(language, self)

    def read_all_languages(self) -> None:
        """Every language's texts now: their problems and coverage are then complete."""
        while self.unread:
            self.unread.pop(next(iter(self.unread)))()

    def in_category(self, category: Category) -> list[Lesson]:
        return sorted(
            (lesson for lesson in self.lessons if lesson.category == category),
            key=lambda lesson: (lesson.order, lesson.title),
        )

    def get(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def picture_path(self, name: str) -> Path:
        """The picture's file: in another language, its own drawing beside it when there is one.

        A picture whose words matter (a menu item to find) may have `<name>.<language>.svg`
        next to `<name>.svg`, e.g. `wifi-menu-android.en.svg` showing "Network & internet";
        otherwise the Japanese drawing is shown.
        """
        picture = self.pictures_dir / name
        if picture_problem(name, self.pictures_dir):  # never opened; the player shows its placeholder
            return self.pictures_dir / REFUSED_PICTURE
        if self.language != SOURCE_LANGUAGE:
            own = picture.with_name(f"{picture.stem}.{self.language}{picture.suffix}")
            if own.is_file() and not picture_problem(
                own.relative_to(self.pictures_dir).as_posix(), self.pictures_dir
            ):
                return own
        return picture


def load_library(
    lessons_dir: Path,
    pictures_dir: Path,
    procedures_dir: Path,
    allowlist: tuple[str, ...] = DEFAULT_ALLOWLIST,
    *,
    check_style: bool = False,
    translate_now: bool = True,
    today: date | None = None,
) -> LessonLibrary:
    """`check_style` adds the writing rules (needs the reading analyzer; the checker asks for it)
    and the freshness notes: a file not checked for 12 months before `today`, each 未確認 mark.

    Without `translate_now` the other languages' texts are read the first time someone
    chooses the language (about 40 ms each), not while the kiosk starts."""
    library = LessonLibrary(pictures_dir=pictures_dir)
    if not lessons_dir.is_dir():
        library.problems.append(
            Problem(lessons_dir, 1, "", "レッスンのフォルダがありません (lesson folder not found)")
        )
        return library
    today = today or date.today()
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
            problems += _svg_problems(loaded, lesson, library)
            library.notes += [
                str(p)
                for p in freshness_problems(loaded, lesson.checked_on, lesson.sources_with_paths(), today)
            ]
        library.problems.extend(problems)
        if any(p.fatal for p in problems):
            log.warning("lesson skipped: %s", file.name)
            continue
        if lesson.procedure and lesson.procedure not in library.procedures:
            lesson = lesson.model_copy(update={"procedure": None})
        seen[lesson.id] = file
        library.lessons.append(lesson)
    root = lessons_dir.parent
    troubles = load_troubles(
        root / "troubles", {lesson.id: lesson for lesson in library.lessons}, library.procedures, pictures_dir
    )
    library.troubles = troubles.items
    library.problems.extend(troubles.problems)
    library.glossary = load_glossary(root / "glossary", pictures_dir)
    library.problems.extend(library.glossary.problems)
    if check_style:
        library.notes += _jargon_notes(library)
    for language in language_folders(lessons_dir):  # the lessons say which languages there are
        library.unread[language] = partial(_read_language, library, language, lessons_dir, procedures_dir)
    if translate_now:
        library.read_all_languages()
    return library


def _svg_problems(loaded: Loaded[Lesson], lesson: Lesson, library: LessonLibrary) -> list[Problem]:
    """The lesson's SVGs that would load something outside themselves (the kiosk never draws them)."""
    problems = []
    for index, tail, name in lesson.pictures():
        refused = svg_file_problem(library.pictures_dir, name)
        if refused:
            path: tuple[str | int, ...] = ("steps", index, *tail.split("."))
            problems.append(
                Problem(loaded.file, loaded.line_of(*path), field_name(path), refused, fatal=False)
            )
    return problems


def _read_language(library: LessonLibrary, language: str, lessons_dir: Path, procedures_dir: Path) -> None:
    _add_language(library, language, lessons_dir / language, procedures_dir / language)
    _add_help_texts(library, language, lessons_dir.parent)


def _jargon_notes(library: LessonLibrary) -> list[str]:
    """Katakana words in the Japanese lessons that the glossary neither explains nor calls plain."""
    if not library.glossary.words:
        return []
    notes = []
    for lesson in library.lessons:
        for path, text, _most in lesson.texts():
            for word in library.glossary.jargon(plain(text)):
                notes.append(
                    f"{lesson.id}: {field_name(path)}: 「{word}」は 用語集に ありません"
                    " (katakana word not in glossary/words.yaml: add its meaning, or list it as plain)"
                )
    return notes


def _add_help_texts(library: LessonLibrary, language: str, root: Path) -> None:
    """The troubles and the glossary in one more language (Japanese where not translated)."""
    translated = library.translations[language]
    texts, problems = load_texts(root / "troubles" / language, language, TroubleText)
    translated.troubles = [
        translate_trouble(trouble, texts.get(trouble.id, (None, None))[0]) for trouble in library.troubles
    ]
    glossary_text, more = load_glossary_text(root / "glossary", language)
    translated.glossary = library.glossary.in_language(glossary_text)
    library.problems.extend(problems + more)


def _add_language(library: LessonLibrary, language: str, lessons_dir: Path, procedures_dir: Path) -> None:
    """The library in one more language, from the text files in its folders."""
    translated = LessonLibrary(pictures_dir=library.pictures_dir, language=language)
    coverage: dict[str, Coverage] = {}
    lesson_texts, problems = load_texts(lessons_dir, language, LessonText)
    procedure_texts, more = load_texts(procedures_dir, language, ProcedureText)
    problems += more
    for lesson in library.lessons:
        text, file = lesson_texts.pop(lesson.id, (None, lessons_dir / f"{lesson.id}.yaml"))
        lesson_in, coverage[lesson.id], found = translate_lesson(lesson, text, file)
        translated.lessons.append(lesson_in)
        problems += found
    for procedure_id, procedure in library.procedures.items():
        text, file = procedure_texts.pop(procedure_id, (None, procedures_dir / f"{procedure_id}.yaml"))
        translated.procedures[procedure_id], coverage[f"procedure:{procedure_id}"], found = (
            translate_procedure(procedure, text, file)
        )
        problems += found
    for _text, file in (*lesson_texts.values(), *procedure_texts.values()):
        problems.append(
            Problem(file, 1, "id", "日本語のファイルがありません (no Japanese file with this id)")
        )
    library.problems.extend(problems)
    library.translations[language] = translated
    library.coverage[language] = coverage


def _check_self_check(loaded: Loaded[Lesson], lesson: Lesson) -> list[Problem]:
    """A course lesson ends with 3–5 questions; every answer names one of its choices."""
    problems: list[Problem] = []
    fewest, most = CHECK_QUESTIONS
    if lesson.category == COURSE and not fewest <= len(lesson.check) <= most:
        problems.append(
            Problem(
                loaded.file,
                loaded.line_of("check") if lesson.check else loaded.line_of("category"),
                "check",
                f"講座のレッスンは 確かめ問題を {fewest}〜{most} 問 つけてください "
                f"(a course lesson needs {fewest}–{most} self-check questions, has {len(lesson.check)})",
                fatal=False,
            )
        )
    for i, question in enumerate(lesson.check):
        if question.answer > len(question.choices):
            problems.append(
                Problem(
                    loaded.file,
                    loaded.line_of("check", i, "answer"),
                    field_name(("check", i, "answer")),
                    f"答えは 1〜{len(question.choices)} の番号にしてください "
                    f"(answer {question.answer} is not one of the {len(question.choices)} choices)",
                )
            )
    return problems


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
    problems += _check_self_check(loaded, lesson)
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
        outside = picture_problem(name, library.pictures_dir)
        if outside:  # the lesson is skipped: its picture is never opened
            problems.append(Problem(file, line, where, outside))
        elif Path(name).suffix.lower() not in PICTURE_SUFFIXES:
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
