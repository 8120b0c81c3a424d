"""The data folder (database, settings, logs): chosen, created and checked once at start."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

APP_DIR_NAME = "naruto-kiosk"


class DataDirError(Exception):
    """The data folder cannot be created or written."""


def default_data_dir() -> Path:
    """The platform's per-user app-data folder (the same places QStandardPaths uses)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def resolve_data_dir(given: str | None) -> Path:
    chosen = given or os.environ.get("KIOSK_DATA_DIR")
    return Path(chosen).expanduser() if chosen else default_data_dir()


def prepare_data_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
        (path / "logs").mkdir(exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise DataDirError(
            f"データフォルダに書き込めません / cannot write data folder: {path} ({reason})"
        ) from None
    return path


def setup_logging(data_dir: Path) -> None:
    """Log to logs/kiosk.log (rotated) and warnings to stderr. Never log personal data."""
    root = logging.getLogger("kiosk")
    root.setLevel(logging.INFO)
    file_handler = logging.handlers.RotatingFileHandler(
        data_dir / "logs" / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(file_handler)
