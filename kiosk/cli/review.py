"""`kiosk review stats|stumbles`: the review figures as text, for staff at a terminal (audited)."""

from __future__ import annotations

import argparse
import getpass
from datetime import date
from pathlib import Path

from kiosk.cli.records import with_store
from kiosk.records.card_checks import card_checks
from kiosk.records.review import Filter, practice_stumbles, statistics, stumbles
from kiosk.records.store import RecordStore
from kiosk.settings import Settings

TOP = 10


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    review = commands.add_parser("review", help="statistics and つまずき from the records (staff)")
    review_commands = review.add_subparsers(dest="review_command", required=True, parser_class=type(review))
    for name, words in (
        ("stats", "counts by month, weekday, hour, age band …"),
        ("stumbles", "つまずき top 10"),
    ):
        sub = review_commands.add_parser(name, help=words)
        sub.add_argument("--from", dest="since", type=date.fromisoformat, metavar="YYYY-MM-DD")
        sub.add_argument("--to", dest="until", type=date.fromisoformat, metavar="YYYY-MM-DD")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    chosen = Filter(since=args.since, until=args.until)

    def work(store: RecordStore, _settings: Settings) -> int:
        store.audit(
            "review", f"{args.review_command} {args.since or ''}..{args.until or ''}", actor=cli_actor()
        )
        if args.review_command == "stats":
            _print_stats(store, chosen)
        else:
            _print_stumbles(store, chosen)
        return 0

    return with_store(data_dir, work)


def cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _print_stats(store: RecordStore, chosen: Filter) -> None:
    stats = statistics(store, chosen)
    print(f"consultations: {stats.consultations}")
    for name, rows in stats.by.items():
        print(f"{name}: " + ", ".join(f"{key or '-'} {n}" for key, n in rows))
    print(
        f"hand-offs shown {stats.handoffs_shown}, slips printed {stats.slips_printed}, "
        f"staff calls {stats.staff_calls}, idle resets {stats.idle_resets}"
    )
    for month in card_checks(store, chosen):  # categories only: expiry band, cards with a PIN low / locked
        bands = ", ".join(f"{band} {n}" for band, n in month.bands.items())
        print(
            f"card checks {month.month}: {month.checks} ({bands}; "
            f"PIN low {month.cards_low}, locked {month.cards_locked})"
        )


def _print_stumbles(store: RecordStore, chosen: Filter) -> None:
    for lesson in stumbles(store, chosen)[:TOP]:
        worst = lesson.worst_step
        print(
            f"{lesson.lesson_id}: started {lesson.started}, finished {lesson.finished}, "
            f"「わからない」 {sum(lesson.dont_understand.values())}, "
            f"left unfinished {sum(lesson.left_at.values())}, worst step {worst if worst else '-'}"
        )
    for exercise in practice_stumbles(store, chosen):
        print(
            f"practice {exercise.exercise}: {exercise.attempts} attempts, "
            f"{exercise.successes} right ({exercise.not_yet_rate:.0%} not yet)"
        )
