"""Staff commands for the consultation records: path, check, backup, purge."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.datadir import DATABASE_FILE
from kiosk.records.store import RecordStore, RecordsUnavailable
from kiosk.settings import Settings, load_settings

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


def open_for_command(data_dir: Path, *, create: bool = False) -> tuple[RecordStore | None, Settings]:
    """The records store for a staff command, or None after saying on stderr why not."""
    path = data_dir / DATABASE_FILE
    settings = load_settings(data_dir)
    if not path.exists() and not create:
        print(f"kiosk: no records database yet at {path}", file=sys.stderr)
        return None, settings
    try:
        return RecordStore(path, kiosk_id=settings.kiosk_id), settings
    except RecordsUnavailable as exc:
        print(f"kiosk: cannot open the records database: {exc}", file=sys.stderr)
        return None, settings


def run(args: argparse.Namespace, data_dir: Path) -> int:
    if args.command == "db" and args.db_command == "path":
        print(data_dir / DATABASE_FILE)
        return EXIT_OK
    return with_store(data_dir, lambda store, _settings: _run(args, store))


def with_store(
    data_dir: Path,
    work: Callable[[RecordStore, Settings], int],
    *,
    create: bool = False,
    failed: int = EXIT_PROBLEM,
) -> int:
    """Open the records, do the command's work, close them; a database fault is one line and `failed`."""
    store, settings = open_for_command(data_dir, create=create)
    if store is None:
        return failed
    try:
        return work(store, settings)
    except RecordsUnavailable as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return failed
    except (sqlite3.Error, OSError) as exc:  # a full disk, a lost USB stick: one line, no traceback
        print(f"kiosk: the records could not be read or written: {exc}", file=sys.stderr)
        return failed
    finally:
        try:
            store.close()
        except (sqlite3.Error, OSError) as exc:
            print(f"kiosk: the records could not be closed cleanly: {exc}", file=sys.stderr)


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
