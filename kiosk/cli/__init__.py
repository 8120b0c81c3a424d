"""The `kiosk` command: the staff's and the tests' door into the same services the screens use."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.console import utf8_console
from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR

if TYPE_CHECKING:
    from kiosk.content.library import LessonLibrary

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One calm line instead of usage text and a Python-looking message.
        self.exit(EXIT_USAGE, f"kiosk: {message} (try: kiosk --help)\n")


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,5})x(\d{3,5})", text)
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080, not {text!r}")
    return int(match[1]), int(match[2])


# Staff commands on the records: each module has add_commands(commands) and run(args, data_dir).
STAFF_COMMANDS: dict[str, tuple[str, ...]] = {
    "records": ("db", "backup", "purge"),
    "accounts": ("pin", "audit"),
    "review": ("review",),
    "export": ("export",),
    "bundle": ("bundle", "merge", "demo-data"),
    "report": ("report",),
    "course": ("course",),
    "mode": ("mode",),
    "help": ("troubles", "glossary", "sheet"),
    "doctor": ("doctor",),
    "card": ("card",),
}


def _staff_modules_for(argv: list[str]) -> list[str]:
    """The staff command modules a command line needs: the named command's own, none for
    `kiosk run` (a kiosk starting up need not import the records, the review and the rest
    to read its command line), every one for help or a command not known."""
    words = iter(argv)
    command = None
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif not word.startswith("-"):
            command = word
            break
    modules = [module for module, names in STAFF_COMMANDS.items() if command in names]
    if modules or (command in (None, "run") and not {"-h", "--help"} & set(argv)):
        return modules
    return list(STAFF_COMMANDS)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The `kiosk` command line; given `argv`, only the staff commands it needs are set up."""
    from kiosk.app import SCREENS

    parser = _Parser(prog="kiosk", description="デジタル何でも相談室 kiosk")
    parser.add_argument(
        "--data-dir",
        help="folder for database, settings and logs (env KIOSK_DATA_DIR; default: app-data folder)",
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    run = commands.add_parser("run", help="start the kiosk (default)")
    run.add_argument("--windowed", action="store_true", help="a normal window instead of full screen")
    run.add_argument("--screenshot", type=Path, metavar="OUT.png", help="render one screen to PNG and exit")
    run.add_argument(
        "--screen",
        default="home",
        choices=SCREENS,
        metavar="NAME",
        help=f"screen for --screenshot: {', '.join(SCREENS)}",
    )
    run.add_argument("--lesson", metavar="ID", help="lesson for --screen lesson/help/finish")
    run.add_argument("--step", type=int, default=1, metavar="N", help="step number, from 1")
    run.add_argument(
        "--practice", metavar="ID", help="exercise for --screen practice (see: kiosk practice list)"
    )
    run.add_argument("--size", type=_size, default=(1920, 1080), metavar="WxH")
    run.add_argument(
        "--text-size",
        choices=("standard", "large", "xlarge"),
        metavar="SIZE",
        help="standard, large or xlarge (200 %%)",
    )
    run.add_argument(
        "--theme",
        choices=("standard", "high-contrast"),
        metavar="NAME",
        help="standard or high-contrast",
    )
    run.add_argument("--furigana", action="store_true", help="show readings above kanji")
    run.add_argument(
        "--language", default=None, metavar="LANG", help="screenshot in this language (ja, ja-easy, en)"
    )

    lessons = commands.add_parser("lessons", help="check or list lesson files")
    lesson_commands = lessons.add_subparsers(dest="lessons_command", required=True, parser_class=_Parser)
    check = lesson_commands.add_parser("check", help="validate lesson files: FILE:LINE: field: problem")
    check.add_argument("dir", nargs="?", type=Path, default=LESSONS_DIR)
    listing = lesson_commands.add_parser("list", help="list the lessons")
    listing.add_argument("dir", nargs="?", type=Path, default=LESSONS_DIR)
    listing.add_argument("--json", action="store_true")

    monkey = commands.add_parser("monkey", help="burn-in: seeded random touches through the real screens")
    monkey.add_argument("--taps", type=int, default=1000, metavar="N")
    monkey.add_argument("--seed", type=int, default=1, metavar="S")
    monkey.add_argument("--trace", action="store_true", help="print every committed record as it lands")

    reading = commands.add_parser("reading", help="print the kana reading a speech engine is fed")
    reading.add_argument("text")
    say = commands.add_parser("say", help="write speech to a WAV file")
    say.add_argument("text")
    say.add_argument("--wav", type=Path, required=True, metavar="OUT.wav")
    say.add_argument("--engine", default="pyttsx3", choices=("pyttsx3", "openjtalk", "timed"), metavar="NAME")
    say.add_argument("--slow", action="store_true")

    procedures = commands.add_parser("procedures", help="check or list the procedure catalog")
    procedure_commands = procedures.add_subparsers(
        dest="procedures_command", required=True, parser_class=_Parser
    )
    procedure_check = procedure_commands.add_parser("check", help="validate procedure files")
    procedure_check.add_argument("dir", nargs="?", type=Path, default=PROCEDURES_DIR)
    procedure_list = procedure_commands.add_parser("list", help="list the procedures")
    procedure_list.add_argument("--json", action="store_true")

    practice = commands.add_parser("practice", help="the practice corner's exercises")
    practice_commands = practice.add_subparsers(dest="practice_command", required=True, parser_class=_Parser)
    practice_list = practice_commands.add_parser("list", help="list the exercises")
    practice_list.add_argument("--json", action="store_true")
    slip = commands.add_parser("slip", help="render a procedure's hand-off slip to PDF")
    slip.add_argument("procedure", metavar="PROCEDURE_ID")
    slip.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")
    slip.add_argument("--paper", choices=("80mm", "58mm", "a4"), default=None)
    slip.add_argument("--lesson", metavar="LESSON_ID", help="print the 「つづきから」 code of this lesson")
    slip.add_argument("--language", default="ja", metavar="LANG", help="ja (default), ja-easy, en …")

    for module in STAFF_COMMANDS if argv is None else _staff_modules_for(argv):
        importlib.import_module(f"kiosk.cli.{module}").add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    utf8_console()  # the `kiosk` command of an install starts here, not in kiosk.entry
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    try:
        return _command(args)
    except BrokenPipeError:
        # The reader went away (`kiosk procedures list | head`): nothing more to say, and no
        # traceback. Python flushes stdout again at exit; point it at nothing first.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _command(args: argparse.Namespace) -> int:
    command = args.command or "run"
    if command == "lessons":
        return _lessons(args)
    for module, names in STAFF_COMMANDS.items():
        if command in names:
            return _staff_command(importlib.import_module(f"kiosk.cli.{module}").run, args)
    if command == "monkey":
        return _monkey(args)
    if command in ("reading", "say"):
        return _speech(args)
    if command == "procedures":
        return _procedures(args)
    if command == "slip":
        return _slip(args)
    if command == "practice":
        return _practice(args)
    return _run(args)


def _practice(args: argparse.Namespace) -> int:
    from kiosk.practice.exercises import COURSE, EXERCISES

    rows = [
        {
            "id": e.id.value,
            "title": e.title,
            "summary": e.summary,
            "rounds": e.rounds,
            "in_course": e.id in COURSE,
        }
        for e in EXERCISES
    ]
    return _list(
        rows,
        args.json,
        lambda row: (
            f"{row['id']:<12} {row['title']}: {row['summary']}{'  (練習コース)' if row['in_course'] else ''}"
        ),
    )


def _list(rows: list[dict[str, Any]], as_json: bool, line: Callable[[dict[str, Any]], str]) -> int:
    """`… list`: JSON for machines, one line a row for people."""
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(line(row))
    return EXIT_OK


def _staff_command(run: Callable[[argparse.Namespace, Path], int], args: argparse.Namespace) -> int:
    """A staff command on the data folder's records; a bad settings file is a usage error."""
    from kiosk.datadir import resolve_data_dir
    from kiosk.settings import SettingsError

    try:
        return run(args, resolve_data_dir(args.data_dir))
    except SettingsError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _settings(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from kiosk.datadir import resolve_data_dir
    from kiosk.settings import load_settings

    return load_settings(resolve_data_dir(args.data_dir))


def _procedures(args: argparse.Namespace) -> int:
    from datetime import date

    from kiosk.content.procedures import freshness_notes, load_procedures
    from kiosk.settings import SettingsError

    try:
        allowlist = _settings(args).url_allowlist
    except SettingsError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    directory = args.dir if args.procedures_command == "check" else PROCEDURES_DIR
    procedures, problems = load_procedures(directory, allowlist)
    if args.procedures_command == "check":
        for problem in sorted(problems):
            print(problem)
        for note in freshness_notes(directory, date.today()):
            print(f"note: {note}")
        print(f"{len(problems)} problem(s); {len(procedures)} procedure(s) usable", file=sys.stderr)
        return EXIT_PROBLEMS if problems else EXIT_OK
    rows = [
        {"id": p.id, "title": p.title, "url": p.url, "pin": p.pin.value, "verified": p.verified}
        for p in procedures.values()
    ]
    return _list(
        rows,
        args.json,
        lambda row: (
            f"{row['id']:<32} {row['pin']:<9} {row['url']}{'' if row['verified'] else '  (unverified)'}"
        ),
    )


def start_printing(asked: str):  # type: ignore[no-untyped-def]
    """Qt without a window, and the slip's words in `asked` (or Japanese, said so) for a PDF.

    Returns (app, languages, language); keep `languages`: its translator must outlive the slip.
    """
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from kiosk.drawing.language import Languages

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    languages = Languages()
    language = languages.use(asked)
    if language != asked:
        print(f"kiosk: language not available: {asked} (printing in {language})", file=sys.stderr)
    return app, languages, language


def _slip(args: argparse.Namespace) -> int:
    from datetime import date

    from kiosk.content.procedures import load_procedures
    from kiosk.settings import SettingsError

    try:
        settings = _settings(args)
    except SettingsError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    procedures, _ = load_procedures(PROCEDURES_DIR, settings.url_allowlist)
    procedure = procedures.get(args.procedure)
    if procedure is None:
        print(f"kiosk: unknown procedure: {args.procedure} (see: kiosk procedures list)", file=sys.stderr)
        return EXIT_USAGE
    resume_code = None
    if args.lesson:
        from kiosk.content.library import load_library
        from kiosk.handoff import resume

        if load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR).get(args.lesson) is None:
            print(f"kiosk: unknown lesson: {args.lesson} (see: kiosk lessons list)", file=sys.stderr)
            return EXIT_USAGE
        resume_code = resume.encode(args.lesson, 1)
    from kiosk.content.translations import ProcedureText, load_texts, translate_procedure
    from kiosk.drawing.language import locale_for
    from kiosk.handoff.slip import build_slip, room_hours

    app, _languages, language = start_printing(args.language)  # the translator lives to the end
    texts, _ = load_texts(PROCEDURES_DIR / language, language, ProcedureText)
    text, _file = texts.get(procedure.id, (None, None))
    procedure, _coverage, _problems = translate_procedure(procedure, text, PROCEDURES_DIR)
    return save_pdf(
        app,
        lambda: build_slip(
            procedure,
            room_name=settings.room_name,
            today=date.today(),
            contact=settings.room_contact,
            hours=room_hours(settings, locale_for(language)),
            resume_code=resume_code,
            language=language,
        ),
        args.paper or settings.paper,
        args.pdf,
    )


def save_pdf(app, build, paper: str, path: Path) -> int:  # type: ignore[no-untyped-def]
    """Write the slip `build()` makes to a PDF; a missing font or an unwritable file is one line."""
    from kiosk.drawing.fonts import FontMissing, load_fonts
    from kiosk.handoff.render import SlipTooNarrow, write_pdf
    from kiosk.handoff.slip import PAPERS

    try:
        load_fonts(app)
        write_pdf(build(), PAPERS[paper], path)
    except (FontMissing, SlipTooNarrow, OSError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(path)
    return EXIT_OK


def _speech(args: argparse.Namespace) -> int:
    from kiosk.speech.engines import SpeechUnavailable, make_engine, text_for
    from kiosk.speech.readings import ReadingsUnavailable, kana_for_speech

    try:
        if args.command == "reading":
            print(kana_for_speech(args.text))
            return EXIT_OK
        engine = make_engine(args.engine)
        fed = text_for(engine, args.text)
        engine.to_wav(fed, args.wav, rate="slow" if args.slow else "normal", volume=1.0)
    except (ReadingsUnavailable, SpeechUnavailable, OSError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{args.wav} ({engine.name}): {fed}")
    return EXIT_OK


def _monkey(args: argparse.Namespace) -> int:
    from kiosk.app import StartError, run_monkey
    from kiosk.datadir import DataDirError, prepare_data_dir, resolve_data_dir, setup_logging
    from kiosk.settings import SettingsError

    if args.taps < 0:
        print("kiosk: --taps must be 0 or more", file=sys.stderr)
        return EXIT_USAGE
    try:
        data_dir = prepare_data_dir(resolve_data_dir(args.data_dir))
        setup_logging(data_dir)
        return run_monkey(data_dir, taps=args.taps, seed=args.seed, trace=args.trace)
    except (DataDirError, SettingsError, StartError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    from kiosk.app import StartError, run
    from kiosk.datadir import DataDirError, prepare_data_dir, resolve_data_dir, setup_logging
    from kiosk.run_options import RunOptions
    from kiosk.settings import SettingsError

    options = RunOptions(
        windowed=getattr(args, "windowed", False),
        screenshot=getattr(args, "screenshot", None),
        screen=getattr(args, "screen", "home"),
        lesson=getattr(args, "lesson", None),
        step=getattr(args, "step", 1),
        size=getattr(args, "size", (1920, 1080)),
        text_size=getattr(args, "text_size", None),
        theme=getattr(args, "theme", None),
        furigana=getattr(args, "furigana", False),
        language=getattr(args, "language", None),
        practice=getattr(args, "practice", None),
    )
    try:
        data_dir = prepare_data_dir(resolve_data_dir(args.data_dir))
        setup_logging(data_dir)
        return run(data_dir, options)
    except (DataDirError, SettingsError, StartError) as exc:  # a screenshot's problem too
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _print_coverage(library: LessonLibrary) -> None:
    """Per language: files fully translated, and each field that still shows Japanese (未翻訳)."""
    for language, files in library.coverage.items():
        lessons = {key: c for key, c in files.items() if not key.startswith("procedure:")}
        for key, cover in files.items():
            for where in cover.missing:
                print(f"note: {language}/{key.removeprefix('procedure:')}: {where}: 未翻訳（日本語で出ます）")
        translated = sum(c.translated for c in files.values())
        total = sum(c.total for c in files.values())
        complete = sum(c.complete for c in lessons.values())
        print(
            f"{language}: {complete}/{len(lessons)} lessons complete, {translated}/{total} texts translated",
            file=sys.stderr,
        )


def _lessons(args: argparse.Namespace) -> int:
    from kiosk.content.library import load_library
    from kiosk.content.markup import plain

    checking = args.lessons_command == "check"
    library = load_library(args.dir, PICTURES_DIR, PROCEDURES_DIR, check_style=checking)
    if checking:
        for problem in sorted(library.problems):
            print(problem)
        count = len(library.lessons)
        for note in library.notes:
            print(f"note: {note}")
        _print_coverage(library)
        if library.problems:
            print(f"{len(library.problems)} problem(s); {count} lesson(s) usable", file=sys.stderr)
            return EXIT_PROBLEMS
        print(f"ok: {count} lesson(s)", file=sys.stderr)
        return EXIT_OK
    rows = [
        {
            "id": lesson.id,
            "category": lesson.category.value,
            "title": plain(lesson.title),
            "steps": len(lesson.steps),
            "with_picture": sum(library.picture_path(step.picture).is_file() for step in lesson.steps),
            "with_help": sum(bool(step.help) for step in lesson.steps),
            "with_tip": sum(bool(step.tip) for step in lesson.steps),
            "devices": bool(lesson.has_variants),
            "procedure": lesson.procedure,
            "check": len(lesson.check),
            "languages": {
                language: {"translated": c.translated, "total": c.total}
                for language, c in ((lang, library.coverage[lang][lesson.id]) for lang in library.coverage)
            },
        }
        for lesson in sorted(library.lessons, key=lambda x: (x.category.value, x.order, x.id))
    ]
    return _list(
        rows,
        args.json,
        lambda row: f"{row['id']:<24} {row['category']:<10} {row['steps']:>2} steps  {row['title']}",
    )
