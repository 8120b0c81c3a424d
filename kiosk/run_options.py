"""What `kiosk run` asks of the window (windowed, a screenshot of which screen, size, looks)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.settings import TextSize, ThemeName


@dataclass
class RunOptions:
    windowed: bool = False
    screenshot: Path | None = None
    screen: str = "home"
    lesson: str | None = None
    step: int = 1
    size: tuple[int, int] = (1920, 1080)
    text_size: TextSize | None = None
    theme: ThemeName | None = None
    furigana: bool = False
    language: str | None = None
    practice: str | None = None
