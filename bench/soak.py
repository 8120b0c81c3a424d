"""Keep the kiosk busy for hours and stop at the first leak or error.

    python bench/soak.py --hours H --taps-per-minute N [--idle-seconds S] [--max-growth-mb M]

Rounds of monkey taps (the real window, offscreen) at about N a minute, each followed by
an idle spell that ends in the real idle reset; after every round it checks the RSS,
the open file descriptors, the database's size and `PRAGMA integrity_check`, and prints
one line. It stops with a report at the first monkey error, failed integrity check,
descriptor leak, or RSS growth past --max-growth-mb since the end of the first cycle.

Rounds come in cycles of --cycle rounds, each round with its own seed, and every cycle
repeats the same seeds from the same start (the home screen after an idle reset). The
first cycle fills the caches that new content fills (glyphs, readings, pictures); after
that the touches repeat, so growth is a leak, not a cache.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from run import make_window, rss_mb


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").is_dir() else -1


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--hours", type=float, required=True)
    parser.add_argument("--taps-per-minute", type=int, default=120)
    parser.add_argument("--round-minutes", type=float, default=1.0)
    parser.add_argument("--idle-seconds", type=float, default=5.0)
    parser.add_argument("--max-growth-mb", type=float, default=20.0)
    parser.add_argument("--cycle", type=int, default=10, help="rounds before the seeds repeat")
    args = parser.parse_args()
    from kiosk.ui.monkey import Monkey

    with tempfile.TemporaryDirectory() as scratch:
        app, window, store = make_window(Path(scratch))
        db = Path(scratch) / "records.sqlite3"
        total_taps = 0
        taps = max(1, int(args.taps_per_minute * args.round_minutes))
        end = time.monotonic() + args.hours * 3600
        base_rss: float | None = None
        base_fds: int | None = None
        number = 0
        while time.monotonic() < end:
            number += 1
            started = time.monotonic()
            report = Monkey(window, seed=11 + (number - 1) % args.cycle).run(taps)
            total_taps += report.taps
            while time.monotonic() - started < args.round_minutes * 60:  # the rest of the minute: quiet
                app.processEvents()
                time.sleep(0.1)
            window.idle.watcher.idle.emit()  # nobody comes: the warning, its countdown, the reset
            for _ in range(window.screens.idle_warning.seconds):
                window.screens.idle_warning.tick()
            app.processEvents()
            time.sleep(args.idle_seconds)
            window.state.recorder.flush()
            integrity = store.db.execute("PRAGMA integrity_check").fetchone()[0]
            rss, fds, size = rss_mb(), open_fds(), db.stat().st_size / 2**20
            if number == 1:
                base_fds = fds
            if number == args.cycle:
                base_rss = rss
            grown = rss - base_rss if base_rss is not None else 0.0
            print(
                f"round {number:4d}: {report.taps:7d} taps  RSS {rss:7.1f} MB ({grown:+6.1f})  "
                f"fds {fds:4d}  db {size:6.1f} MB  integrity {integrity}  errors {len(report.errors)}",
                flush=True,
            )
            problem = (
                (report.errors and f"monkey error: {report.errors[0]}")
                or (integrity != "ok" and f"database integrity: {integrity}")
                or (base_fds is not None and fds > base_fds + 20 and f"file descriptors {base_fds} → {fds}")
                or (
                    base_rss is not None
                    and grown > args.max_growth_mb
                    and f"RSS grew {grown:.1f} MB since the first cycle"
                )
            )
            if problem:
                print(f"STOPPED after {number} rounds: {problem}")
                return 1
        print(
            f"OK: {number} rounds, {total_taps} taps, "
            f"RSS {rss_mb() - (base_rss or rss_mb()):+.1f} MB since the first cycle ({args.cycle} rounds)"
        )
        window.allow_close()
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
