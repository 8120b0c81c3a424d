"""The program's first step (main.py, `python -m kiosk`, a frozen app): the read-aloud worker or the kiosk.

A frozen app has no `python -m`, so its read-aloud worker is the same executable started
with `--speech-worker` (the furigana worker with `--readings-worker`); that is decided
here, before the kiosk's own imports.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

from kiosk.console import utf8_console


def system_library_path(environ: MutableMapping[str, str]) -> None:
    """The programs a frozen app starts (aplay for read-aloud and the chime, through pyttsx3's
    os.system too) get the system's library path, not the bundle's: PyInstaller points
    LD_LIBRARY_PATH at its own folder, where a bundled library could shadow the system's copy
    on another Linux. Its own libraries are already loaded; a frozen read-aloud worker sets
    the bundle's path again for itself."""
    original = environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        environ["LD_LIBRARY_PATH"] = original
    else:
        environ.pop("LD_LIBRARY_PATH", None)


def main(argv: list[str] | None = None) -> int:
    from kiosk.speech.readings_worker import READINGS_FLAG
    from kiosk.speech.worker import WORKER_FLAG

    utf8_console()
    if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):
        system_library_path(os.environ)
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == [WORKER_FLAG]:
        from kiosk.speech.worker import main as speech_worker

        return speech_worker(args[1:])
    if args[:1] == [READINGS_FLAG]:
        from kiosk.speech.readings_worker import main as readings_worker

        return readings_worker(args[1:])
    from kiosk.cli import main as kiosk

    return kiosk(argv)
