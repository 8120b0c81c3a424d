"""Staff commands for the consultation records: path, check, backup, purge."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.app import DATABASE_FILE
from kiosk.records.store import RecordStore, RecordsUnavailable
from kiosk.settings import load_settings

EXIT_OK, EXIT_PROBLEM = 0, 1


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = commands.add_parser("db", help="the records database")
    db_commands = db.add_subparsers(dest="db_command", required=True, parser_class=type(db))
    db_commands.add_parser("path", help="print where the database is")
    db_commands.add_parser("check", help="integrity check and open consultations; exit 1 on a problem")
    backup = commands.add_parser(
        "backup", help="a consistent copy of the database, safe while the kiosk runs"
    )
    backup.add_argument("dest", type=Path, metavar="DEST", help="a file, or a folder to put a dated file in")
    purge = commands.add_parser(
        "purge", help="delete consultations older than DAYS (the deletion is audited)"
    )
    purge.add_argument("--older-than", type=int, required=True, metavar="DAYS")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    path = data_dir / DATABASE_FILE
    if args.command == "db" and args.db_command == "path":
        print(path)
        return EXIT_OK
    if not path.exists():
        print(f"kiosk: no records database yet at {path}", file=sys.stderr)
        return EXIT_PROBLEM
    settings = load_settings(data_dir)
    try:
        store = RecordStore(path, kiosk_id=settings.kiosk_id)
    except RecordsUnavailable as exc:
        print(f"kiosk: cannot open the records database: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        return _run(args, store)
    except RecordsUnavailable as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        store.close()


def _run(args: argparse.Namespace, store: RecordStore) -> int:
    if args.command == "db":
        result = store.check()
        print(f"integrity: {result.integrity}")
        print(f"consultations: {result.consultations} ({result.open_consultations} open)")
        print(f"events: {result.events}")
        return EXIT_OK if result.ok else EXIT_PROBLEM
    if args.command == "backup":
        target = store.backup(args.dest)
        print(target)
        return EXIT_OK
    if args.older_than < 1:
        print("kiosk: --older-than must be at least 1 day", file=sys.stderr)
        return 2
    consultations, events = store.purge(args.older_than, actor="cli")
    print(f"deleted {consultations} consultation(s) and {events} event(s) older than {args.older_than} days")
    return EXIT_OK
