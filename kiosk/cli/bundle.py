"""Staff commands to carry records between kiosks (bundle, merge) and to fill a database with demo data."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kiosk.cli.accounts import _day, actor
from kiosk.cli.records import with_store
from kiosk.records.bundle import BundleError, bundle_target, merge_bundles, write_bundle
from kiosk.records.demo import make_demo_data
from kiosk.records.store import RecordStore
from kiosk.settings import Settings

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    bundle = commands.add_parser(
        "bundle", help="write this kiosk's consultations to one file, to merge on another computer"
    )
    bundle.add_argument("out", type=Path, metavar="OUT", help="a new file, or a folder for a dated file")
    bundle.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="only consultations from this day")
    merge = commands.add_parser(
        "merge", help="add the consultations in bundles from other kiosks; exit 1 on conflicts or errors"
    )
    merge.add_argument("bundles", type=Path, nargs="+", metavar="BUNDLE")
    demo = commands.add_parser("demo-data", help="fill the database with synthetic consultations (for demos)")
    demo.add_argument("--consultations", type=int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument("--start", type=_day, metavar="YYYY-MM-DD", help="first day (default: ends today)")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    if args.command == "bundle":
        return with_store(data_dir, lambda store, settings: _bundle(args, store, settings.bundle_key))
    if args.command == "merge":
        # A central computer may have no records of its own yet.
        return with_store(
            data_dir, lambda store, settings: _merge(args, store, settings.bundle_key), create=True
        )
    if args.consultations < 0:
        print("kiosk: --consultations must be 0 or more", file=sys.stderr)
        return EXIT_USAGE
    return with_store(data_dir, lambda store, settings: _demo(args, store, settings), create=True)


def _bundle(args: argparse.Namespace, store: RecordStore, key: str) -> int:
    since = getattr(args, "since", None)
    try:
        target = bundle_target(args.out, store.kiosk_id)
        count = write_bundle(store, target, since=since, key=key)
    except BundleError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    store.audit(
        "bundle",
        f"file={target.name} consultations={count} since={since.isoformat() if since else 'all'}",
        actor=actor(),
    )
    print(f"{target}: {count} consultation(s)")
    return EXIT_OK


def _merge(args: argparse.Namespace, store: RecordStore, key: str) -> int:
    problems = False
    for path in args.bundles:
        # One bundle at a time, so a bad file is named and the good ones still go in.
        try:
            report = merge_bundles(store, [path], key=key)
        except BundleError as exc:
            problems = True
            print(f"kiosk: {exc}", file=sys.stderr)
            store.audit("merge", f"file={path.name} refused", actor=actor())
            continue
        conflicts = len(report.conflicts)
        problems = problems or bool(conflicts)
        store.audit(
            "merge",
            f"file={path.name} from={','.join(report.kiosks)} consultations={report.added_consultations} "
            f"events={report.added_events} already_present={report.already_present} conflicts={conflicts}",
            actor=actor(),
        )
        print(
            f"{path}: added {report.added_consultations} consultation(s) and {report.added_events} event(s); "
            f"{report.already_present} already present; {conflicts} conflict(s)"
        )
        for conflict in report.conflicts:
            print(f"  conflict: {conflict} (kept the one already here)")
    return EXIT_PROBLEM if problems else EXIT_OK


def _demo(args: argparse.Namespace, store: RecordStore, settings: Settings) -> int:
    from kiosk.content.lessons import COURSE
    from kiosk.content.library import load_library
    from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR

    library = load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR)
    if not library.lessons:
        print("kiosk: no lessons found to make demo data with", file=sys.stderr)
        return EXIT_PROBLEM
    course = library.in_category(COURSE)
    citizen = [lesson for lesson in library.lessons if lesson.category != COURSE] or library.lessons
    began = time.perf_counter()
    added = make_demo_data(
        store,
        consultations=args.consultations,
        seed=args.seed,
        lesson_ids=[lesson.id for lesson in citizen],
        start=getattr(args, "start", None),
        steps={lesson.id: len(lesson.steps) for lesson in citizen},
        procedures={lesson.id: lesson.procedure for lesson in citizen if lesson.procedure},
        course={lesson.id: (len(lesson.steps), len(lesson.check)) for lesson in course},
    )
    seconds = time.perf_counter() - began
    store.audit("demo_data", f"consultations={added} seed={args.seed}", actor=actor())
    print(f"added {added} demo consultation(s) for kiosk {settings.kiosk_id} in {seconds:.1f} s")
    return EXIT_OK
