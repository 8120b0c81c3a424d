"""Regenerate the README's screenshots (docs/screenshots/*.png) from the real program.

    .venv/bin/python scripts/screenshots.py [--only NAME ...]

Every screen is `main.py run --screenshot` on a fresh data folder (records from
`demo-data` for the staff review, a settings.toml with 災害モード and a shelter Wi-Fi
for the disaster shots); the paper images are the program's PDFs through `pdftoppm`.
The few shots that need a tap the command line cannot give run the same
`kiosk run --screenshot` in a child process with one more step after the screen
is reached (see DRIVES). Prints one line per image; exit 1 if anything failed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from kiosk.ui.main_window import KioskWindow

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
README = ROOT / "README.md"
PYTHON = sys.executable  # the venv's python: run this script with .venv/bin/python

Data = Literal["plain", "demo", "disaster", "card"]

DISASTER_SETTINGS = """\
disaster_mode = true
shelter_wifi_ssid = "naruto-kouminkan"
shelter_wifi_password = "hinan2026"
shelter_wifi_note = "受付の 横の 掲示も ご覧ください。"
"""

CARD_SETTINGS = 'card_reader = "any"\n'  # a card reader set up: 「カードを かざして 調べる」 shows
DATA_NOTES = {"demo": "demo-data records", "disaster": "災害モード settings", "card": "a card reader set up"}


@dataclass(frozen=True)
class Screen:
    """`main.py run --screenshot OUT --screen NAME ...` (data: which data folder)."""

    args: tuple[str, ...]
    data: Data = "plain"
    drive: str | None = None  # a step after the screen is reached, from DRIVES


@dataclass(frozen=True)
class Paper:
    """A `main.py` command that writes `--pdf`, then `pdftoppm -r DPI` of its one page."""

    args: tuple[str, ...]
    dpi: int


def screen(name: str, *more: str, data: Data = "plain", drive: str | None = None) -> Screen:
    return Screen(("--screen", name, *more), data, drive)


XL = ("--text-size", "xlarge")
CARD = ("--lesson", "mynumber-card")

SHOTS: dict[str, Screen | Paper] = {
    "home": screen("home"),
    "lesson": screen("lesson", "--lesson", "power-on", "--step", "2"),
    "idle-warning": screen("idle-warning"),
    "lesson-xlarge": screen("lesson", *CARD, "--step", "5", *XL),
    "home-high-contrast": screen("home", "--theme", "high-contrast"),
    "furigana-standard": screen("lesson", *CARD, "--step", "5", "--furigana"),
    "furigana-xlarge": screen("lesson", *CARD, "--step", "5", "--furigana", *XL),
    "handoff": screen("handoff", *CARD),
    "resume": screen("resume"),
    "slip-80mm": Paper(("slip", "mynaportal", "--lesson", "mynumber-card", "--paper", "80mm"), 203),
    "home-ja-xlarge": screen("home", *XL, "--language", "ja"),
    "lesson-ja-xlarge": screen("lesson", *CARD, "--step", "5", *XL, "--language", "ja"),
    "home-ja-easy-xlarge": screen("home", *XL, "--language", "ja-easy"),
    "lesson-ja-easy-xlarge": screen("lesson", *CARD, "--step", "5", *XL, "--language", "ja-easy"),
    "home-en-xlarge": screen("home", *XL, "--language", "en"),
    "lesson-en-xlarge": screen("lesson", *CARD, "--step", "5", *XL, "--language", "en"),
    "menu-xlarge": screen("menu", *XL),
    "handoff-xlarge": screen("handoff", *CARD, *XL),
    "review-xlarge": screen("review", *XL, data="demo"),
    "lesson-basics": screen("lesson", "--lesson", "text-input", "--step", "3"),
    "lesson-mynumber": screen("lesson", "--lesson", "mynaportal-app", "--step", "5"),
    "practice-menu": screen("practice"),
    "practice-tap": screen("practice", "--practice", "tap"),
    "practice-flick": screen("practice", "--practice", "flick"),
    "practice-drag": screen("practice", "--practice", "drag"),
    "review": screen("review", data="demo"),
    "review-filters": screen("review-filters", data="demo"),
    "review-stats": screen("review-stats", data="demo"),
    "review-cards": screen("review-cards", data="demo"),
    "review-stumbles": screen("review-stumbles", data="demo"),
    "pin-pad": screen("pin-pad"),
    "intake": screen("intake"),
    "supporter-lesson": screen("supporter-lesson"),
    "close-out": screen("close-out"),
    "staff": screen("staff"),
    "self-check": screen("self-check", "--lesson", "supporter-mynumber"),
    "self-check-answered": screen("self-check", "--lesson", "supporter-mynumber", drive="answer-right"),
    "certificate-80mm": Paper(("course", "certificate", "--paper", "80mm"), 203),
    "menu-course-entry": screen("menu", drive="show-course-entry"),
    "review-course": screen("review-course", data="demo"),
    "troubles": screen("troubles"),
    "trouble": screen("trouble"),
    "glossary": screen("glossary"),
    "device": screen("device"),
    "sheet-a4": Paper(("sheet", "text-size", "--paper", "a4"), 100),
    "disaster-home": screen("home", data="disaster"),
    "disaster-home-xlarge": screen("home", *XL, data="disaster"),
    "card-home": screen("home", data="card"),
    "card-check": screen("card-check", data="card"),
    "card-result": screen("card-result", data="card"),
    "card-result-en": screen("card-result", "--language", "en", data="card"),
    "card-result-ja-easy-xlarge": screen("card-result", "--language", "ja-easy", *XL, data="card"),
    "disaster-lesson": screen("lesson", "--lesson", "disaster-171", "--step", "2", data="disaster"),
}


# ---- shots that need one more tap than --screen gives (run in a child process) -------------


def _answer_right(window: KioskWindow) -> None:
    """The self-check after the right answer was tapped: the answer and its reason show."""
    check = window.screens.self_check
    question = check.current()
    assert question is not None, "no self-check question on screen"
    check.answer(question.right)


def _show_course_entry(window: KioskWindow) -> None:
    """The menu scrolled (if it scrolls) so that 「サポーターに なりたい 方へ」 is in view."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.widgets.scroll_page import ScrollPage

    QApplication.processEvents()  # lay the menu out at the window's size first
    entry = window.screens.menu.course_entry
    page = entry.parentWidget()
    while page is not None and not isinstance(page, ScrollPage):
        page = page.parentWidget()
    if page is not None:
        page.show_widget(entry)


DRIVES: dict[str, Callable[[KioskWindow], None]] = {
    "answer-right": _answer_right,
    "show-course-entry": _show_course_entry,
}


def drive(name: str, kiosk_args: list[str]) -> int:
    """`kiosk ... run --screenshot` with DRIVES[name] done after the screen is reached."""
    sys.path.insert(0, str(ROOT))
    import kiosk.ui.screenshot as screenshot
    from kiosk.cli import main

    reach = screenshot.show_screen

    def show_then_drive(
        window: KioskWindow, screen: str, lesson_id: str | None, step: int, practice: str | None = None
    ) -> None:
        reach(window, screen, lesson_id, step, practice)
        DRIVES[name](window)

    screenshot.show_screen = show_then_drive  # render_screen looks it up when it runs
    return main(kiosk_args)


# ---- running the commands --------------------------------------------------------------------


class Failed(Exception):
    pass


def _run(command: list[str]) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("KIOSK_DATA_DIR", None)
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()[-3:]
        shown = " ".join(Path(part).name if part.startswith("/") else part for part in command)
        raise Failed(f"`{shown}` exited {done.returncode}: {' / '.join(said)}")


class DataDirs:
    """The data folders, each made the first time a shot needs it (in one temporary folder)."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.made: dict[str, Path] = {}

    def get(self, kind: Data) -> Path:
        if kind not in self.made:
            folder = self.base / kind
            folder.mkdir()
            if kind == "demo":
                demo = ["demo-data", "--consultations", "3000", "--seed", "7"]
                _run([PYTHON, "main.py", "--data-dir", str(folder), *demo])
            elif kind == "disaster":
                (folder / "settings.toml").write_text(DISASTER_SETTINGS, encoding="utf-8")
            elif kind == "card":
                (folder / "settings.toml").write_text(CARD_SETTINGS, encoding="utf-8")
            self.made[kind] = folder
        return self.made[kind]


def make(name: str, shot: Screen | Paper, dirs: DataDirs) -> str:
    """Write docs/screenshots/NAME.png; return how it was made."""
    target = OUT / f"{name}.png"
    if isinstance(shot, Paper):
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm is None:
            raise Failed("pdftoppm not found (apt-get install poppler-utils, or run ./test.sh once)")
        pdf = dirs.base / f"{name}.pdf"
        _run([PYTHON, "main.py", "--data-dir", str(dirs.get("plain")), *shot.args, "--pdf", str(pdf)])
        _run([pdftoppm, "-r", str(shot.dpi), "-png", "-singlefile", str(pdf), str(target.with_suffix(""))])
        return f"kiosk {' '.join(shot.args)} --pdf, pdftoppm -r {shot.dpi}"
    data = ["--data-dir", str(dirs.get(shot.data))]
    run = ["run", "--screenshot", str(target), *shot.args]
    if shot.drive is None:
        _run([PYTHON, "main.py", *data, *run])
    else:
        _run([PYTHON, str(Path(__file__).resolve()), "--drive", shot.drive, *data, *run])
    how = f"kiosk run {' '.join(shot.args)}"
    if shot.data != "plain":
        how += f" ({DATA_NOTES[shot.data]})"
    if shot.drive:
        how += f", then {shot.drive}"
    return how


def referenced() -> list[str]:
    """The screenshots README.md shows, in order, without .png."""
    names = re.findall(r"docs/screenshots/([\w.-]+)\.png", README.read_text(encoding="utf-8"))
    return list(dict.fromkeys(names))


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--drive":
        return drive(sys.argv[2], sys.argv[3:])
    parser = argparse.ArgumentParser(description="Regenerate docs/screenshots/*.png from the real program.")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="just these images (e.g. home review.png)")
    args = parser.parse_args()
    in_readme = referenced()
    names = in_readme + [name for name in SHOTS if name not in in_readme]
    if args.only:
        wanted = [Path(name).name.removesuffix(".png") for name in args.only]
        unknown = [name for name in wanted if name not in names]
        if unknown:
            parser.error(f"not a screenshot: {', '.join(unknown)} (have: {', '.join(names)})")
        names = [name for name in names if name in wanted]
    OUT.mkdir(parents=True, exist_ok=True)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="kiosk-screenshots-") as temp:
        dirs = DataDirs(Path(temp))
        for name in names:
            shot = SHOTS.get(name)
            if shot is None:
                print(f"kept    {name}.png  (not regenerated: no recipe in this script)", flush=True)
                continue
            try:
                how = make(name, shot, dirs)
            except Failed as exc:
                failed += 1
                print(f"FAILED  {name}.png  {exc}", flush=True)
                continue
            note = "" if name in in_readme else "; not shown in README.md"
            print(f"made    {name}.png  ({how}{note})", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
