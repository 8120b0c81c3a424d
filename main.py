"""Start the kiosk: `python main.py` (same as `kiosk run`); sub-commands as `kiosk`.

Also the frozen app's entry: the same executable started with `--speech-worker` is the
read-aloud worker (a frozen app has no `python -m`), so that is handled before anything else.
"""

import sys


def _main() -> int:
    from kiosk.speech.worker import WORKER_FLAG

    if sys.argv[1:2] == [WORKER_FLAG]:
        from kiosk.speech.worker import main as speech_worker

        return speech_worker(sys.argv[2:])
    from kiosk.cli import main

    return main()


if __name__ == "__main__":
    raise SystemExit(_main())
