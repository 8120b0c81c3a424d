"""PySide6 6.12.0 on Python 3.11 leaks a reference to None on every void call and aborts
(`Fatal Python error: none_dealloc`) after a few thousand. We pin below 6.12; this proves it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import PySide6

SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(20_000):
        label.setText(str(i))
    after = sys.getrefcount(None)
    print(before, after)
    """
)


def test_installed_pyside_is_below_the_broken_release() -> None:
    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12), PySide6.__version__


def test_twenty_thousand_void_calls_do_not_drain_none() -> None:
    # A separate process: the broken release kills the interpreter, not just a test.
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    before, after = (int(n) for n in done.stdout.split())
    assert after >= before - 100, f"None lost {before - after} references"
