"""Run the real `kiosk` program (python main.py …) as a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.paths import PROJECT_ROOT


def _env(data_dir: Path, env: dict[str, str] | None) -> dict[str, str]:
    return {**os.environ, "KIOSK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen", **(env or {})}


def kiosk(
    *args: str, data_dir: Path, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=_env(data_dir, env),
    )


def start_kiosk(*args: str, data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "main.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(data_dir, None),
    )
