"""A kiosk starting up paints its home before it builds the other screens (`home_first`):
the home a person sees first is the home they then use, and a tap made before the rest
is built is answered, not lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from kiosk.settings import Settings
from kiosk.ui.main_window import KioskWindow
from tests.conftest import WindowFactory
from tests.helpers import look


def _visibly_different(one: QColor, other: QColor) -> bool:
    """More than the glyphs' anti-aliasing, which may differ by a few levels between two paints."""
    return max(abs(a - b) for a, b in zip(one.getRgb()[:3], other.getRgb()[:3], strict=True)) > 32


def _shot(window: KioskWindow) -> QImage:
    look.settle()
    return window.grab().toImage()


@pytest.mark.parametrize(
    "settings",
    [
        Settings(),
        Settings(text_size="xlarge", card_reader="any"),
        Settings(theme="high-contrast", text_size="large"),
    ],
    ids=["standard", "xlarge-card-reader", "high-contrast-large"],
)
def test_the_home_painted_first_is_the_home_then_used(make_window: WindowFactory, settings: Settings) -> None:
    """Nothing on the home moves, appears or changes colour when the rest arrives."""
    window = make_window(home_first=True, settings=settings, size=(1366, 768))
    assert not window.ready
    assert window.stack.currentWidget() is not None
    alone = _shot(window)
    window.build_rest()
    assert window.ready and window.current() is window.screens.home
    after = _shot(window)
    assert alone.size() == after.size()
    differing = sum(
        _visibly_different(alone.pixelColor(x, y), after.pixelColor(x, y))
        for x in range(0, alone.width(), 3)
        for y in range(0, alone.height(), 3)
    )
    assert differing == 0, f"{differing} sampled pixels changed when the other screens were built"
    assert window.home.card_button.isVisible() == bool(settings.card_reader)


def test_a_tap_before_the_rest_is_built_is_answered(make_window: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(home_first=True)
    assert not window.ready
    button = window.home.start_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() // 2))
    assert window.ready
    assert window.current() is window.screens.menu, "the tap on 「はじめる」 was lost"
    assert window.state.recorder.started, "the consultation began with that tap"


def test_a_window_started_without_the_rest_still_closes_and_records(
    make_window: WindowFactory, store
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(home_first=True)
    assert not window.ready
    window.close()
    assert window.ready, "closing built what closing needs"


def test_a_new_window_is_in_japanese_after_one_left_in_english(make_window: WindowFactory) -> None:
    """Tests replace windows (a kiosk never does): one left in English must not word the next."""
    first = make_window()
    first.language.choose("en")
    assert "Supporter" in first.screens.menu.course_entry.accessibleName()
    second = make_window()
    assert second.state.visit.language == "ja"
    assert "サポーター" in second.screens.menu.course_entry.accessibleName()
    assert "画面に" in second.home.start_button.accessibleName()
