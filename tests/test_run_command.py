"""`kiosk run` from the outside: screenshots, and calm one-line messages for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.app import SCREENS
from kiosk.paths import PROJECT_ROOT
from tests.helpers.cli import kiosk

pytestmark = pytest.mark.slow  # a kiosk process for each screen and exercise


def _kiosk(*args: str, data_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return kiosk(*args, data_dir=data_dir, env=env, timeout=120)


@pytest.mark.parametrize("screen", SCREENS)
def test_screenshot_of_every_screen(tmp_path, screen: str) -> None:
    out = tmp_path / f"{screen}.png"
    done = _kiosk(
        "run",
        "--screenshot",
        str(out),
        "--screen",
        screen,
        "--lesson",
        "power-on",
        "--step",
        "2",
        data_dir=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)
    # More than a blank page: a screen has many colours (text, buttons).
    colours = {image.pixel(x, y) for x in range(0, 1920, 37) for y in range(0, 1080, 23)}
    assert len(colours) > 3


def test_screenshot_options(tmp_path) -> None:
    out = tmp_path / "small.png"
    done = _kiosk(
        "run",
        "--screenshot",
        str(out),
        "--size",
        "1366x768",
        "--text-size",
        "standard",
        "--theme",
        "high-contrast",
        data_dir=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    assert image.pixelColor(5, 1075 * 768 // 1080).name() == "#000000"  # black background of high contrast


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "--screenshot", "x.png", "--screen", "nowhere"], "invalid choice: 'nowhere'"),
        (
            ["run", "--screenshot", "x.png", "--screen", "lesson", "--lesson", "nope"],
            "unknown lesson: nope",
        ),
        (
            [
                "run",
                "--screenshot",
                "x.png",
                "--screen",
                "lesson",
                "--lesson",
                "power-on",
                "--step",
                "99",
            ],
            "step 99 is not in power-on",
        ),
        (["run", "--screenshot", "x.png", "--size", "big"], "size must look like 1920x1080"),
        (["lessons", "fix"], "invalid choice: 'fix'"),
    ],
)
def test_bad_input_gets_one_calm_line(tmp_path, args: list[str], message: str) -> None:
    done = _kiosk(*args, data_dir=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_unwritable_data_dir(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = _kiosk("run", "--screenshot", str(tmp_path / "x.png"), data_dir=blocker / "data")
    assert done.returncode == 2
    assert done.stderr.startswith("kiosk: データフォルダに書き込めません")
    assert "Traceback" not in done.stderr


def test_no_display(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir", str(tmp_path), "run"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 2
    assert "no display found" in done.stderr and "Traceback" not in done.stderr


def test_bad_settings_file(tmp_path) -> None:
    (tmp_path / "settings.toml").write_text("warning_seconds = 5\n", encoding="utf-8")
    done = _kiosk("run", "--screenshot", str(tmp_path / "x.png"), data_dir=tmp_path)
    assert done.returncode == 2
    assert "warning_seconds" in done.stderr and "20" in done.stderr
    assert "Traceback" not in done.stderr


def test_data_dir_flag_and_env(tmp_path) -> None:
    flagged = tmp_path / "flag"
    done = _kiosk(
        "--data-dir",
        str(flagged),
        "run",
        "--screenshot",
        str(tmp_path / "a.png"),
        data_dir=tmp_path / "env",
    )
    assert done.returncode == 0, done.stderr
    assert (flagged / "logs" / "kiosk.log").is_file()
    assert not (tmp_path / "env").exists()


@pytest.mark.parametrize(
    "exercise", ["tap", "double-tap", "long-press", "swipe", "drag", "pinch", "flick", "qwerty"]
)
def test_screenshot_of_each_exercise(tmp_path, exercise: str) -> None:
    out = tmp_path / f"{exercise}.png"
    done = _kiosk(
        "run", "--screenshot", str(out), "--screen", "practice", "--practice", exercise, data_dir=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).width() == 1920


def test_practice_list_and_an_unknown_exercise(tmp_path) -> None:
    listed = _kiosk("practice", "list", "--json", data_dir=tmp_path)
    assert [row["id"] for row in json.loads(listed.stdout)] == [
        "tap",
        "double-tap",
        "long-press",
        "swipe",
        "drag",
        "pinch",
        "flick",
        "qwerty",
    ]
    bad = _kiosk(
        "run",
        "--screenshot",
        str(tmp_path / "x.png"),
        "--screen",
        "practice",
        "--practice",
        "juggle",
        data_dir=tmp_path,
    )
    assert bad.returncode == 2 and "unknown exercise: juggle" in bad.stderr


def test_kiosk_started_waits_for_the_first_paint_of_its_own_window(qtbot) -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QWidget

    from kiosk.ui.first_paint import FirstPaint

    window = QWidget()
    QLabel("ホーム", window)
    qtbot.addWidget(window)
    said: list[str] = []
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(FirstPaint(window, lambda: said.append("kiosk started")))
    other = QLabel("ほかの窓")
    qtbot.addWidget(other)
    other.show()
    app.processEvents()
    assert said == [], "another window's paint does not count"
    window.show()
    qtbot.waitUntil(lambda: said == ["kiosk started"], timeout=5000)
    window.hide()
    window.show()
    window.repaint()
    app.processEvents()
    assert said == ["kiosk started"], "once"


@pytest.mark.parametrize("code_page", ["cp932", "ascii"])
def test_output_is_utf8_whatever_the_code_page(tmp_path, code_page: str) -> None:
    """A Japanese Windows console or pipe is cp932, which has no ◁ or ✓: the kiosk writes UTF-8
    (it stopped with UnicodeEncodeError)."""
    result = kiosk(
        "reading", "「◁」を タップします ✓", data_dir=tmp_path, env={"PYTHONIOENCODING": code_page}
    )
    assert result.returncode == 0, result.stderr
    assert "◁" in result.stdout and "✓" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_reader_that_goes_away_gets_no_traceback(tmp_path) -> None:
    """`kiosk procedures list | head -1`: the reader is gone before the kiosk writes (a
    BrokenPipeError traceback before)."""
    process = subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "procedures", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "KIOSK_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # long before the program has started
    errors = process.stderr.read().decode()
    process.stderr.close()
    process.wait(timeout=60)
    assert "Traceback" not in errors and "BrokenPipe" not in errors, errors


def test_a_kiosk_starting_up_paints_its_home_before_it_reads_records_or_lessons(tmp_path) -> None:
    """`kiosk run` reads its command line and builds and paints its home without importing the
    records (sqlite-utils), the content models or the staff commands: they come after the
    first paint. Every staff command is still offered where one is asked for."""
    code = (
        "import os, sys\n"
        "import kiosk.ui.main_window as window\n"
        "def painted(self):  # the home is painted: what has been imported so far?\n"
        "    heavy = ('sqlite_utils', 'yaml', 'kiosk.records', 'kiosk.content.lessons', 'kiosk.cli.records')\n"
        "    print(sorted(name for name in heavy if name in sys.modules), flush=True)\n"
        "    os._exit(0)\n"
        "window.KioskWindow.build_rest = painted\n"
        "from kiosk.cli import main\n"
        "main(['--data-dir', sys.argv[1], 'run'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    offered = kiosk("--help", data_dir=tmp_path).stdout
    for command in ("db", "pin", "review", "export", "bundle", "report", "course", "doctor", "card"):
        assert command in offered
    assert kiosk("db", "path", data_dir=tmp_path).stdout.strip().endswith("records.sqlite3")
