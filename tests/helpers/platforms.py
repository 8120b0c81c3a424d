"""Platform markers: a test that needs Linux (tmpfs, mount, /proc, Xvfb, ALSA, espeak-ng's
aplay, cage) or a POSIX system (SIGKILL, process groups) says so, and is skipped with that
reason on Windows instead of failing there. Registered and applied in tests/conftest.py."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

PLATFORM_MARKERS = {
    "linux": "needs Linux (tmpfs, mount, /proc, Xvfb, ALSA, cage)",
    "posix": "needs a POSIX system (SIGKILL, process groups)",
    "windows": "needs Windows (SAPI5, %PROGRAMDATA%, the Windows session)",
}


def platform_skip(markers: Iterable[str], platform: str = sys.platform, os_name: str = os.name) -> str | None:
    """Why a test with these markers cannot run here, or None when it can."""
    runs_on = {
        "linux": platform.startswith("linux"),
        "posix": os_name == "posix",
        "windows": platform == "win32",
    }
    for marker in markers:
        if marker in runs_on and not runs_on[marker]:
            return f"{PLATFORM_MARKERS[marker]}; this is {platform}"
    return None
