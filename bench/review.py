"""Staff review on a large database, side by side with the sqlite3 command line.

    python bench/review.py [--consultations N] [--quick] [--db PATH]

Fills (once) a database with N synthetic consultations (`kiosk demo-data`, seed 7),
then times what staff do — open the list, each filter, statistics, つまずき, the CSV
export — as the median of several runs, with the `sqlite3` CLI doing comparable work
in the same run as the floor. Prints a table and writes bench/results-review.json.
Targets (issue 9, 1,000,000 consultations): list < 1 s, any filter < 300 ms,
statistics < 500 ms, つまずき < 1 s, CSV ≤ 2× `sqlite3 -csv`.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TZ", "JST-9")  # the room is in Japan; exports write Japan time
time.tzset()

from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.records import review  # noqa: E402
from kiosk.records.export import write_consultations_csv  # noqa: E402
from kiosk.records.store import RecordStore  # noqa: E402
from kiosk.ui.screens.review import ConsultationModel  # noqa: E402

RESULTS = ROOT / "bench" / "results-review.json"
DATA = ROOT / "bench" / ".data"
CSV_SQL = (
    "SELECT id, kiosk_id, started_at, ended_at, end_reason, mode, supporter_id, language, age_band, "
    "device, outcome, follow_up, lessons, dont_understand, handoffs, slips "
    "FROM consultations ORDER BY started_at, id"
)


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm the page cache and SQLite's statement cache once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def sqlite_cli_ms(db: Path, sql: str, runs: int, *, csv_out: Path | None = None) -> float:
    args = ["sqlite3", *(["-csv"] if csv_out else []), str(db), sql]

    def run() -> None:
        if csv_out:
            with csv_out.open("wb") as out:
                subprocess.run(args, stdout=out, check=True)
        else:
            subprocess.run(args, stdout=subprocess.DEVNULL, check=True)

    return median_ms(run, runs)


def database(consultations: int, given: Path | None) -> Path:
    if given:
        return given
    folder = DATA / f"review-{consultations}"
    db = folder / "records.sqlite3"
    if not db.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"filling {db} with {consultations:,} consultations (once) …", flush=True)
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "--data-dir",
                str(folder),
                "demo-data",
                "--consultations",
                str(consultations),
                "--seed",
                "7",
            ],
            check=True,
        )
    return db


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--consultations", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="50,000 consultations, 3 runs each")
    parser.add_argument("--db", type=Path, help="an existing records database to measure instead")
    args = parser.parse_args()
    if shutil.which("sqlite3") is None:
        print("bench: the sqlite3 command is needed (apt-get install sqlite3)", file=sys.stderr)
        return 2
    size = 50_000 if args.quick else args.consultations
    runs = 3 if args.quick else 5
    db = database(size, args.db)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = RecordStore(db, kiosk_id="bench")  # brings the schema up to date first
    total = review.count(store, review.Filter())
    newest = date.fromisoformat(
        store.db.execute("SELECT MAX(started_at) FROM consultations").fetchone()[0][:10]
    )
    month = review.Filter(since=newest.replace(day=1), until=newest)
    topic = store.db.execute("SELECT topic FROM consultations WHERE topic IS NOT NULL LIMIT 1").fetchone()[0]
    kiosk = review.kiosks(store)[0]
    filters = {
        "kiosk": review.Filter(kiosk=kiosk),
        "mode": review.Filter(mode="supporter"),
        "topic": review.Filter(topic=topic),
        "outcome": review.Filter(outcome="referred_city"),
        "age band": review.Filter(age_band="80+"),
        "device": review.Filter(device="raku"),
        "language": review.Filter(language="en"),
        "follow-up": review.Filter(follow_up=True),
        "note search": review.Filter(note_contains="写真"),
        "this month": month,
        "month + 80+ + raku": replace(month, age_band="80+", device="raku"),
    }
    rows: list[tuple[str, float, float | None, str]] = []

    def add(name: str, ms: float, floor: float | None, target: str) -> None:
        rows.append((name, ms, floor, target))
        beside = f"sqlite3 CLI {floor:8.1f} ms {ms / floor:5.2f}×" if floor else ""
        print(f"{name:<36} {ms:9.1f} ms   {beside:<29} target {target}", flush=True)

    print(f"{total:,} consultations in {db} ({db.stat().st_size / 2**30:.1f} GiB)")
    add(
        "open the list (count + first page)",
        median_ms(lambda: ConsultationModel(store, review.Filter()), runs),
        None,
        "< 1000 ms",
    )
    for name, chosen in filters.items():
        add(
            f"filter: {name}",
            median_ms(lambda c=chosen: ConsultationModel(store, c), runs),
            None,
            "< 300 ms",
        )
    add(
        "statistics (all)",
        median_ms(lambda: review.statistics(store, review.Filter()), runs),
        None,
        "< 500 ms",
    )
    add("statistics (this month)", median_ms(lambda: review.statistics(store, month), runs), None, "< 500 ms")
    add(
        "statistics (80+)",
        median_ms(lambda: review.statistics(store, filters["age band"]), runs),
        None,
        "< 500 ms",
    )

    def all_stumbles(chosen: review.Filter) -> None:
        review.stumbles(store, chosen)
        review.practice_stumbles(store, chosen)

    add("つまずき (all)", median_ms(lambda: all_stumbles(review.Filter()), runs), None, "< 1000 ms")
    add("つまずき (this month)", median_ms(lambda: all_stumbles(month), runs), None, "< 1000 ms")
    add("つまずき (80+)", median_ms(lambda: all_stumbles(filters["age band"]), runs), None, "< 1000 ms")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "all.csv"
        csv_runs = max(1, runs // 2)
        ours = median_ms(lambda: write_consultations_csv(store, out, since=None, until=None), csv_runs)
        floor = sqlite_cli_ms(db, CSV_SQL, csv_runs, csv_out=Path(scratch) / "cli.csv")
        add("CSV export, all consultations", ours, floor, "≤ 2× sqlite3 -csv")

        def python_floor() -> None:  # the least Python can do: the raw rows through csv.writer
            with (Path(scratch) / "py.csv").open("w", encoding="utf-8-sig", newline="") as file:
                csv.writer(file, lineterminator="\r\n").writerows(store.db.conn.execute(CSV_SQL))

        add("  python csv.writer, raw rows", median_ms(python_floor, csv_runs), floor, "(floor for Python)")
    store.close()
    del app
    RESULTS.write_text(
        json.dumps(
            {
                "consultations": total,
                "machine": f"{platform.machine()} {os.cpu_count()} cores, {platform.platform()}",
                "python": platform.python_version(),
                "figures": [
                    {"name": n, "ms": round(ms, 1), "floor_ms": round(f, 1) if f else None, "target": t}
                    for n, ms, f, t in rows
                ],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"written: {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
