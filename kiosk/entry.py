"""The program's first step (main.py, `python -m kiosk`, a frozen app): the read-aloud worker or the kiosk.

A frozen app has no `python -m`, so its read-aloud worker is the same executable started
with `--speech-worker`; that is decided here, before the kiosk's own imports.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from kiosk.speech.worker import WORKER_FLAG

    args = sys.argv[1:] if argv is None else argv
    if args[:1] == [WORKER_FLAG]:
        from kiosk.speech.worker import main as speech_worker

        return speech_worker(args[1:])
    from kiosk.cli import main as kiosk

    return kiosk(argv)
