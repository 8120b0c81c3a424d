"""`kiosk troubles list`, `kiosk glossary list`, `kiosk sheet LESSON_ID --pdf OUT`.

The trouble grid and the plain-word meanings as data (`--json` for tools), and the
take-home lesson sheet as PDF — the same drawing the kiosk's printer gets.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from kiosk.content.lessons import Device
from kiosk.content.library import LessonLibrary, load_library
from kiosk.content.troubles import Trouble
from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR
from kiosk.settings import load_settings

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for name, words in (
        ("troubles", "the 「こまったことから さがす」 grid"),
        ("glossary", "plain-word meanings"),
    ):
        parser = commands.add_parser(name, help=words)
        sub = parser.add_subparsers(dest=f"{name}_command", required=True, parser_class=type(parser))
        listing = sub.add_parser("list", help=f"list the {name}")
        listing.add_argument("--json", action="store_true")
    sheet = commands.add_parser("sheet", help="render a lesson's take-home sheet to PDF")
    sheet.add_argument("lesson", metavar="LESSON_ID")
    sheet.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")
    sheet.add_argument("--paper", choices=("80mm", "58mm", "a4"), default=None)
    sheet.add_argument("--device", choices=[d.value for d in Device], default=None)
    sheet.add_argument("--language", default="ja", metavar="LANG", help="ja (default), ja-easy, en …")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    library = load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR)
    if args.command == "troubles":
        return _print([_trouble_row(t) for t in library.troubles], args.json, "{id:<28} → {leads}  {title}")
    if args.command == "glossary":
        rows: list[dict[str, object]] = [
            {"word": w.word, "also": w.also, "meaning": w.meaning, "picture": w.picture}
            for w in library.glossary.words
        ]
        return _print(rows, args.json, "{word:<16} {meaning}")
    return _sheet(args, library, data_dir)


def _trouble_row(trouble: Trouble) -> dict[str, object]:
    leads = (
        [f"{trouble.lesson}" + (f" step {trouble.step}" if trouble.step else "")] if trouble.lesson else []
    )
    leads += [f"QR {trouble.procedure}"] if trouble.procedure else []
    return {
        "id": trouble.id,
        "title": trouble.title,
        "answer": trouble.answer,
        "lesson": trouble.lesson,
        "step": trouble.step,
        "procedure": trouble.procedure,
        "picture": trouble.picture,
        "leads": ", ".join(leads),
    }


def _print(rows: list[dict[str, object]], as_json: bool, line: str) -> int:
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(line.format(**row))
    return EXIT_OK


def _sheet(args: argparse.Namespace, library: LessonLibrary, data_dir: Path) -> int:
    from kiosk.cli import save_pdf, start_printing
    from kiosk.drawing.language import locale_for
    from kiosk.handoff.sheet import build_sheet
    from kiosk.handoff.slip import room_hours

    if library.get(args.lesson) is None:
        print(f"kiosk: unknown lesson: {args.lesson} (see: kiosk lessons list)", file=sys.stderr)
        return EXIT_USAGE
    settings = load_settings(data_dir)
    app, _languages, language = start_printing(args.language)  # the translator lives to the end
    lesson = library.in_language(language).get(args.lesson)
    assert lesson is not None
    locale = locale_for(language)
    return save_pdf(
        app,
        lambda: build_sheet(
            lesson,
            PICTURES_DIR,
            room_name=settings.room_name,
            today=date.today(),
            device=Device(args.device) if args.device else None,
            contact=settings.room_contact,
            hours=room_hours(settings, locale),
            language=language,
        ),
        args.paper or settings.paper,
        args.pdf,
    )
