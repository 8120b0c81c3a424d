"""The console's text streams, switched to UTF-8 before anything is printed."""

from __future__ import annotations

import sys


def utf8_console() -> None:
    """Read and write UTF-8 whatever the code page: lesson texts have ◁ ¥ ✓ –, which a
    Japanese Windows console or pipe (cp932) cannot encode, and `kiosk procedures list > x.txt`
    stopped with UnicodeEncodeError. The read-aloud worker's JSON lines go through it too
    (a frozen app ignores PYTHONIOENCODING). A windowed app has no streams: nothing to do."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if stream is not None and encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
