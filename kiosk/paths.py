"""The one resource locator: where the files shipped with the kiosk are (assets, lessons, translations …).

The same names work in three kinds of install:
- a frozen app (PyInstaller): in its folder, `sys._MEIPASS` (or beside the executable);
- an installed wheel: package data in `kiosk/_data/` (setup.py puts the content folders there)
  and the compiled translations in `kiosk/i18n/`;
- the source checkout: the folders at the top of the repository.
Nothing else in the kiosk works out paths from `__file__`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CONTENT_FOLDERS = ("assets", "lessons", "procedures", "troubles", "glossary")
DATA_SUBDIR = "_data"  # inside the kiosk package, in a wheel


@dataclass(frozen=True)
class Layout:
    kind: str  # "frozen", "installed" or "source"
    content: Path  # holds assets/, lessons/, procedures/, troubles/, glossary/
    i18n: Path  # kiosk_<language>.ts and their compiled .qm


def find_layout(
    *,
    frozen: bool | None = None,
    bundle: Path | None = None,
    package_dir: Path = PACKAGE_DIR,
) -> Layout:
    """The first layout whose lessons folder exists (the checkout's, when none has one: its
    loaders then say calmly what is missing)."""
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    candidates: list[Layout] = []
    if frozen:
        if bundle is None:
            bundle = Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
        candidates += [
            Layout("frozen", bundle / "kiosk" / DATA_SUBDIR, bundle / "kiosk" / "i18n"),
            Layout("frozen", bundle, bundle / "kiosk" / "i18n"),
        ]
    candidates += [
        Layout("installed", package_dir / DATA_SUBDIR, package_dir / "i18n"),
        Layout("source", package_dir.parent, package_dir / "i18n"),
    ]
    for layout in candidates:
        if (layout.content / "lessons").is_dir():
            return layout
    return candidates[-1]


LAYOUT = find_layout()

# The checkout when running from one (tests and developer tools use it so); otherwise the content root.
PROJECT_ROOT = LAYOUT.content
ASSETS_DIR = LAYOUT.content / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"
PICTURES_DIR = ASSETS_DIR / "pictures"
LESSONS_DIR = LAYOUT.content / "lessons"
PROCEDURES_DIR = LAYOUT.content / "procedures"
TROUBLES_DIR = LAYOUT.content / "troubles"
GLOSSARY_DIR = LAYOUT.content / "glossary"
I18N_DIR = LAYOUT.i18n  # kiosk_<language>.ts, and the .qm compiled from them at build time


def package_parent() -> Path | None:
    """The folder to put on PYTHONPATH so another Python process imports this same kiosk package:
    the checkout when running from one, else None (an installed package is found by itself)."""
    return PACKAGE_DIR.parent if LAYOUT.kind == "source" else None
