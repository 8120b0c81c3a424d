"""`kiosk course progress|certificate`: the supporter course for staff at a terminal.

`progress` lists who finished which course lesson and the self-check counts (audited);
`certificate` renders the 「修了」 slip to PDF (no name is printed: the person writes it).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from kiosk.cli.records import with_store
from kiosk.cli.review import cli_actor
from kiosk.content.lessons import COURSE
from kiosk.content.library import load_library
from kiosk.content.markup import plain
from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR
from kiosk.records.course import check_counts, everyone
from kiosk.records.store import RecordStore
from kiosk.settings import Settings, load_settings

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    course = commands.add_parser("course", help="the supporter course: progress, 「修了」 slip")
    course_commands = course.add_subparsers(dest="course_command", required=True, parser_class=type(course))
    progress = course_commands.add_parser("progress", help="who finished which lesson; self-check counts")
    progress.add_argument("--json", action="store_true")
    certificate = course_commands.add_parser("certificate", help="render the 「修了」 slip to PDF")
    certificate.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")
    certificate.add_argument("--paper", choices=("80mm", "58mm", "a4"), default=None)
    certificate.add_argument("--language", default="ja", metavar="LANG", help="ja (default), ja-easy, en …")


def course_lessons(language: str = "ja") -> list[tuple[str, str]]:
    """(id, title as shown) of the course's lessons, in course order."""
    library = load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR).in_language(language)
    return [(lesson.id, plain(lesson.title)) for lesson in library.in_category(COURSE)]


def run(args: argparse.Namespace, data_dir: Path) -> int:
    if args.course_command == "certificate":
        return _certificate(args, load_settings(data_dir))
    lessons = course_lessons()

    def work(store: RecordStore, _settings: Settings) -> int:
        store.audit("review", "course progress", actor=cli_actor())
        ids = [lesson_id for lesson_id, _title in lessons]
        people = everyone(store, ids)
        counts = check_counts(store, ids)
        if args.json:
            print(
                json.dumps(
                    {
                        "lessons": [{"id": i, "title": t} for i, t in lessons],
                        "supporters": [
                            {
                                "supporter_id": p.supporter_id,
                                "finished": sorted(set(p.finished) & set(ids)),
                                "complete": p.complete(ids),
                                "answered": p.answered,
                                "correct": p.correct,
                            }
                            for p in people
                        ],
                        "self_check": [c.__dict__ for c in counts],
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return EXIT_OK
        for p in people:
            done = len(set(p.finished) & set(ids))
            print(
                f"{p.supporter_id}: {done}/{len(ids)} lessons"
                f"{' (修了)' if p.complete(ids) else ''}, self-check {p.correct}/{p.answered} right"
            )
        for c in counts:
            print(f"{c.lesson_id}: finished by {c.finished_by}, self-check {c.correct}/{c.answered} right")
        return EXIT_OK

    return with_store(data_dir, work)


def _certificate(args: argparse.Namespace, settings: Settings) -> int:
    from kiosk.cli import save_pdf, start_printing
    from kiosk.handoff.certificate import build_certificate

    app, _languages, language = start_printing(args.language)  # the translator lives to the end
    lessons = course_lessons(language)
    if not lessons:
        print("kiosk: the course has no lessons (see: kiosk lessons check)", file=sys.stderr)
        return EXIT_PROBLEMS
    return save_pdf(
        app,
        lambda: build_certificate(
            [title for _id, title in lessons],
            room_name=settings.room_name,
            today=date.today(),
            contact=settings.room_contact,
            language=language,
        ),
        args.paper or settings.paper,
        args.pdf,
    )
