"""Shared fixtures: offscreen Qt, the bundled font, real lessons, a real SQLite store in tmp_path.

Qt is imported only by the fixtures that need it (fonts, make_window, and whatever asks for
qtbot or qapp), so the tests in tests/domain/ run without loading Qt at all."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kiosk.card.reader import CardOpener
from kiosk.content.library import LessonLibrary, load_library
from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR
from kiosk.records.recorder import Recorder
from kiosk.records.store import RecordStore
from kiosk.settings import Settings
from tests.helpers.platforms import PLATFORM_MARKERS, platform_skip

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kiosk.handoff.printing import BackgroundPrinting
    from kiosk.ui.main_window import KioskWindow
    from kiosk.ui.speech_client import SpeechClient
    from tests.helpers.vpcd import Pcscd

# pytest-qt's settings in pyproject.toml; without the plugin (`-p no:pytest-qt`, the domain
# tests) they are declared here, so that --strict-config does not call them unknown.
PYTEST_QT_SETTINGS = ("qt_api", "qt_log_level_fail", "qt_log_ignore")


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    if not pluginmanager.has_plugin("pytest-qt"):
        for name in PYTEST_QT_SETTINGS:
            parser.addini(name, "pytest-qt's setting (the plugin is not loaded)", type="linelist")


def pytest_configure(config: pytest.Config) -> None:
    for name, needs in PLATFORM_MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {needs}")


def pytest_runtest_setup(item: pytest.Item) -> None:
    reason = platform_skip(marker.name for marker in item.iter_markers())
    if reason is not None:
        pytest.skip(reason)


@pytest.fixture(autouse=True)
def free_closed_windows() -> Iterator[None]:
    """pytest-qt closes a test's windows with deleteLater; free them at the end of each test,
    as the kiosk's loop would, instead of letting thousands of widgets pile up until some
    later test happens to run a loop. (Nothing to free where Qt was never loaded.)"""
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from kiosk.ui.monkey import free_released_widgets

        free_released_widgets()


@pytest.fixture(scope="session")
def fonts(qapp: QApplication) -> str:
    from kiosk.drawing.fonts import load_fonts

    return load_fonts(qapp)


@pytest.fixture(scope="session")
def library() -> LessonLibrary:
    # As the kiosk loads it: other languages are read when first chosen.
    return load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR, translate_now=False)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RecordStore]:
    store = RecordStore(tmp_path / "records.sqlite3", kiosk_id="test-kiosk")
    yield store
    store.close()


@pytest.fixture(scope="module")
def pcscd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pcscd]:
    """A pcscd of the module's own with vsmartcard's virtual reader (tests/helpers/vpcd.py);
    skipped with the reason where it cannot run (no pyscard, pcscd or vpcd, another pcscd)."""
    from tests.helpers.vpcd import Pcscd, why_pcscd_cannot_run

    reason = why_pcscd_cannot_run()
    if reason is not None:
        pytest.skip(reason)
    daemon = Pcscd(tmp_path_factory.mktemp("pcscd"))
    daemon.start()
    yield daemon
    daemon.stop()


WindowFactory = Callable[..., "KioskWindow"]


@pytest.fixture
def make_window(
    qtbot,
    fonts: str,
    library: LessonLibrary,
    store: RecordStore,  # type: ignore[no-untyped-def]
) -> WindowFactory:
    """A real kiosk window at the reference size; times are injected (ms, not s)."""
    from kiosk.ui.main_window import KioskWindow

    def make(
        *,
        idle_ms: int = 60_000,
        tick_ms: int = 1000,
        settings: Settings | None = None,
        kiosk_mode: bool = False,
        size: tuple[int, int] = (1920, 1080),
        speech: SpeechClient | None = None,
        printing: BackgroundPrinting | None = None,
        door_hold_ms: int = 3000,
        data_dir: Path | None = None,
        card_opener: CardOpener | None = None,
        home_first: bool = False,
    ) -> KioskWindow:
        window = KioskWindow(
            library,
            settings or Settings(),
            Recorder(store),
            speech=speech,
            printing=printing,
            door_hold_ms=door_hold_ms,
            data_dir=data_dir,
            kiosk_mode=kiosk_mode,
            idle_ms=idle_ms,
            tick_ms=tick_ms,
            card_opener=card_opener,
            home_first=home_first,
        )
        qtbot.addWidget(window)
        window.allow_close()
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make
