"""A problem found in a content file, printed as `FILE:LINE: field: what is wrong`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: Path
    line: int
    field: str
    message: str
    # A fatal problem means the file cannot be used at all and is skipped.
    fatal: bool = True

    def __str__(self) -> str:
        field = self.field or "-"
        return f"{self.file}:{self.line}: {field}: {self.message}"
