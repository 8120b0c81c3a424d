"""Staff commands that export the records: `export csv` (for Excel) and `export opendata` (monthly counts)."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from kiosk.cli.accounts import actor
from kiosk.cli.records import with_store
from kiosk.records.export import write_consultations_csv, write_opendata_csv
from kiosk.records.store import RecordStore
from kiosk.settings import Settings

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = commands.add_parser("export", help="export the records to a file (the export is audited)")
    export_commands = export.add_subparsers(dest="export_command", required=True, parser_class=type(export))
    table = export_commands.add_parser("csv", help="one row per consultation, for Excel (UTF-8 with BOM)")
    table.add_argument("out", type=Path, metavar="OUT", help="the CSV file to write")
    # Dates stay text here so that a bad one gets one calm line from `run`, not argparse's usage.
    table.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="first day (included)")
    table.add_argument("--to", dest="until", metavar="YYYY-MM-DD", help="last day (included)")
    table.add_argument("--events", action="store_true", help="also write OUT-events.csv, one row per event")
    table.add_argument("--notes", action="store_true", help="include the supporters' notes")
    opendata = export_commands.add_parser(
        "opendata", help="the month's counts for the city's open data (small counts shown as *)"
    )
    opendata.add_argument("out", type=Path, metavar="OUT", help="the CSV file to write")
    opendata.add_argument("--month", required=True, metavar="YYYY-MM")


class _BadInput(Exception):
    pass


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _BadInput(f"{option}: a date looks like 2025-04-01, not {text!r}") from None


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """`args`: export_command ("csv" | "opendata"), out; csv: since, until (text or None),
    events, notes; opendata: month."""
    try:
        if args.export_command == "csv":
            since, until = _day(args.since, "--from"), _day(args.until, "--to")
            if since and until and since > until:
                raise _BadInput("--from is after --to")
            return with_store(data_dir, lambda store, _settings: _csv(args, store, since, until))
        if not _MONTH.fullmatch(args.month):
            raise _BadInput(f"--month: a month looks like 2025-04, not {args.month!r}")
    except _BadInput as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return with_store(data_dir, lambda store, settings: _opendata(args, store, settings))


def _csv(args: argparse.Namespace, store: RecordStore, since: date | None, until: date | None) -> int:
    out = Path(args.out)
    try:
        rows = write_consultations_csv(
            store, out, since=since, until=until, with_notes=args.notes, with_events=args.events
        )
    except OSError as exc:
        return _unwritable(out, exc)
    store.audit(
        "export",
        f"kind=csv from={since or '-'} to={until or '-'} rows={rows} "
        f"notes={'yes' if args.notes else 'no'} events={'yes' if args.events else 'no'}",
        actor=actor(),
    )
    print(f"{rows} consultation(s) written to {out}")
    return EXIT_OK


def _opendata(args: argparse.Namespace, store: RecordStore, settings: Settings) -> int:
    from kiosk.content.library import load_library
    from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR

    library = load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR, settings.url_allowlist)
    categories = {lesson.id: lesson.category.value for lesson in library.lessons}
    out = Path(args.out)
    try:
        rows = write_opendata_csv(
            store, out, month=args.month, settings=settings, lesson_categories=categories
        )
    except OSError as exc:
        return _unwritable(out, exc)
    store.audit("export", f"kind=opendata month={args.month} rows={rows} notes=no", actor=actor())
    print(f"{rows} row(s) written to {out}")
    return EXIT_OK


def _unwritable(out: Path, exc: OSError) -> int:
    print(f"kiosk: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
    return EXIT_PROBLEM
