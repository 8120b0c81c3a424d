"""Consultation records in SQLite. Imports no Qt."""

import sys

# sqlite-utils imports numpy, when it is installed, only to map numpy types to column
# types; the kiosk never stores numpy values, and numpy would cost a fifth of the
# kiosk's start-up. Hide it during that one import (pyopenjtalk still gets it later).
if "sqlite_utils" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]
