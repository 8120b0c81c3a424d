"""`kiosk mode disaster|normal`: switch the kiosk to 災害モード or back (saved and audited).

The running kiosk takes the switch from the staff screen at once; a switch made here is
read when the kiosk starts next.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.records import with_store
from kiosk.cli.review import cli_actor
from kiosk.records.store import RecordStore
from kiosk.settings import Settings, save_settings


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    mode = commands.add_parser("mode", help="災害モード (disaster) or the usual kiosk (normal)")
    mode.add_argument("mode", choices=("disaster", "normal"), nargs="?", help="leave out to show the mode")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    def work(store: RecordStore, settings: Settings) -> int:
        if args.mode is None:
            print("disaster" if settings.disaster_mode else "normal")
            return 0
        on = args.mode == "disaster"
        if on != settings.disaster_mode:
            save_settings(data_dir, {"disaster_mode": on})
            store.audit("disaster_mode", "on" if on else "off", actor=cli_actor())
        print(f"{args.mode} (a running kiosk switches at its next start; its staff screen at once)")
        return 0

    return with_store(data_dir, work, create=True)
