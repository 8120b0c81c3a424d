"""Staff commands for the PIN pad's accounts and the audit log: pin set/check/disable/unlock/list, audit."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from pathlib import Path

from kiosk.cli.records import with_store
from kiosk.records.accounts import Accounts, Outcome, PinRejected, Role
from kiosk.records.store import RecordStore
from kiosk.settings import Settings

EXIT_OK, EXIT_WRONG, EXIT_REJECTED, EXIT_LOCKED = 0, 1, 2, 3


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a date looks like 2025-04-01, not {text!r}") from None


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    pin = commands.add_parser("pin", help="accounts for the PIN pad (the PIN is read from standard input)")
    pin_commands = pin.add_subparsers(dest="pin_command", required=True, parser_class=type(pin))
    pin_set = pin_commands.add_parser("set", help="create an account or replace its PIN; exit 2 if refused")
    pin_set.add_argument("name", metavar="NAME")
    pin_set.add_argument("--role", required=True, choices=[r.value for r in Role])
    pin_check = pin_commands.add_parser("check", help="exit 0 right PIN, 1 wrong, 3 locked")
    pin_check.add_argument("name", metavar="NAME")
    pin_disable = pin_commands.add_parser("disable", help="the account can no longer log in")
    pin_disable.add_argument("name", metavar="NAME")
    pin_commands.add_parser("unlock", help="open the PIN pad (and any locked account) now, after wrong PINs")
    pin_commands.add_parser("list", help="name, role, active, last login")

    audit = commands.add_parser("audit", help="the audit log (logins, PIN changes, purges)")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True, parser_class=type(audit))
    audit_list = audit_commands.add_parser("list", help="one row a line: at, action, actor, detail")
    audit_list.add_argument("--since", type=_day, metavar="YYYY-MM-DD")


def actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError, ImportError):  # no user name in the environment or the password database
        return "cli"


def read_pin(*, confirm: bool) -> str:
    """From a terminal: asked without echo (twice when setting). Otherwise: the first line of stdin."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    pin = getpass.getpass("暗証番号 (PIN): ")
    if confirm and getpass.getpass("もう一度 (again): ") != pin:
        raise PinRejected("2回の 暗証番号が ちがいます。(The two PINs differ.)")
    return pin


def run(args: argparse.Namespace, data_dir: Path) -> int:
    # Only `pin set` may start a database: the first account is made before the kiosk ever runs.
    def work(store: RecordStore, settings: Settings) -> int:
        if args.command == "audit":
            return _audit(store, args.since)
        accounts = Accounts(store, max_tries=settings.pin_max_tries, lock_minutes=settings.pin_lock_minutes)
        try:
            return _pin(args, accounts)
        except PinRejected as exc:
            print(f"kiosk: {exc}", file=sys.stderr)
            return EXIT_REJECTED

    creating = args.command == "pin" and args.pin_command == "set"
    return with_store(data_dir, work, create=creating, failed=EXIT_WRONG)


def _pin(args: argparse.Namespace, accounts: Accounts) -> int:
    if args.pin_command == "set":
        accounts.set_pin(args.name, Role(args.role), read_pin(confirm=True), actor=actor())
        print(f"PIN set: {args.name} ({args.role})")
        return EXIT_OK
    if args.pin_command == "check":
        result = accounts.check(args.name, read_pin(confirm=False))
        if result.outcome is Outcome.OK:
            assert result.account is not None
            print(f"ok: {result.account.name} ({result.account.role})")
            return EXIT_OK
        if result.outcome is Outcome.LOCKED:
            assert result.locked_until is not None
            print(f"locked until {result.locked_until:%Y-%m-%d %H:%M:%S}")
            return EXIT_LOCKED
        print(f"wrong PIN: {result.tries_left} tries left before the lock")
        return EXIT_WRONG
    if args.pin_command == "disable":
        if accounts.disable(args.name, actor=actor()):
            print(f"disabled: {args.name}")
            return EXIT_OK
        print(f"kiosk: no active account named {args.name}", file=sys.stderr)
        return EXIT_WRONG
    if args.pin_command == "unlock":
        locked = accounts.clear_lock(actor=actor())
        print(f"unlocked: {', '.join(locked)}" if locked else "nothing was locked")
        return EXIT_OK
    for account in accounts.list():
        state = "active" if account.active else "disabled"
        print(f"{account.name:<32} {account.role:<9} {state:<8} {account.last_login or '-'}")
    return EXIT_OK


def _audit(store: RecordStore, since: date | None) -> int:
    # Stamps begin with the local date, so comparing the text orders them by day.
    first = since.isoformat() if since else ""
    for row in store.audit_log():
        if row["at"] >= first:
            print(f"{row['at']}  {row['action']:<12} {row['actor']:<16} {row['detail'] or ''}")
    return EXIT_OK
