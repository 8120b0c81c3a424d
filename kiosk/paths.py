"""The one root for files shipped with the kiosk (assets, lessons, procedures)."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = PROJECT_ROOT / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"
PICTURES_DIR = ASSETS_DIR / "pictures"
LESSONS_DIR = PROJECT_ROOT / "lessons"
PROCEDURES_DIR = PROJECT_ROOT / "procedures"
TROUBLES_DIR = PROJECT_ROOT / "troubles"
GLOSSARY_DIR = PROJECT_ROOT / "glossary"
I18N_DIR = PROJECT_ROOT / "kiosk" / "i18n"  # kiosk_<language>.ts in the repo, .qm built from them
