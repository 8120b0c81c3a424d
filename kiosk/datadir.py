"""The data folder (database, settings, logs): chosen, created and checked once at start."""

from __future__ import annotations

import contextlib
import errno
import logging
import logging.handlers
import os
import subprocess
import sys
from pathlib import Path

APP_DIR_NAME = "naruto-kiosk"
DATABASE_FILE = "records.sqlite3"  # the consultation records, in the data folder


class DataDirError(Exception):
    """The data folder cannot be created or written."""


def default_data_dir() -> Path:
    """Where the database, settings and logs live unless `--data-dir` / KIOSK_DATA_DIR say.

    Windows: machine-wide (%PROGRAMDATA%, usually C:\\ProgramData), so the kiosk's own account
    and a clerk running `kiosk export` under theirs use the same database. Elsewhere the
    per-user app-data folder (the places QStandardPaths uses).
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("PROGRAMDATA") or os.environ.get("ALLUSERSPROFILE") or r"C:\ProgramData")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}  # no space; over quota


def resolve_data_dir(given: str | None) -> Path:
    chosen = given or os.environ.get("KIOSK_DATA_DIR")
    return Path(chosen).expanduser() if chosen else default_data_dir()


def prepare_data_dir(path: Path) -> Path:
    try:
        new = not path.exists()
        path.mkdir(parents=True, exist_ok=True)
        if new and sys.platform == "win32":
            share_with_local_users(path)
        probe = path / ".write-test"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
        (path / "logs").mkdir(exist_ok=True)
    except OSError as exc:
        if exc.errno in FULL:
            with contextlib.suppress(OSError):
                (path / ".write-test").unlink(missing_ok=True)
            # A full disk is not a folder the kiosk may not write: it starts and teaches, what
            # happens waits in memory, and staff mode says the disk is full.
            logging.getLogger("kiosk").error("the data folder's disk is full: %s", path)
            return path
        reason = exc.strerror or type(exc).__name__
        raise DataDirError(
            f"データフォルダに書き込めません / cannot write data folder: {path} ({reason})"
        ) from None
    return path


def share_with_local_users(path: Path) -> None:
    """Windows: let every local account change what is in a new data folder.

    A folder made in ProgramData lets other accounts read but not change the files its
    maker writes; the kiosk's account and the clerk's must both write the database.
    (Not tried on Windows here; a failure is logged and the kiosk goes on.)
    """
    users = "*S-1-5-32-545"  # BUILTIN\\Users, by its well-known id so any Windows language works
    try:
        subprocess.run(
            ["icacls", str(path), "/grant", f"{users}:(OI)(CI)M", "/Q"],
            capture_output=True,
            check=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        logging.getLogger("kiosk").warning("could not share data folder %s with all users: %s", path, exc)


def setup_logging(data_dir: Path) -> None:
    """Log to logs/kiosk.log (rotated) and warnings to stderr. Never log personal data."""
    root = logging.getLogger("kiosk")
    root.setLevel(logging.INFO)
    # A log line that cannot be written (the disk filled up while running) is dropped, not
    # printed as a traceback: the kiosk goes on.
    logging.raiseExceptions = False
    try:
        (data_dir / "logs").mkdir(exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            data_dir / "logs" / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:  # a full disk: the kiosk starts all the same, logging to stderr only
        root.addHandler(logging.StreamHandler())
        root.error("no log file in %s: %s", data_dir / "logs", exc.strerror or exc)
        return
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(file_handler)
