"""Every screen, at every text size and in both themes: big targets, readable contrast, nothing cut off."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import SCREENS
from kiosk.settings import Settings
from kiosk.ui.screenshot import show_screen
from kiosk.ui.theme import TEXT_SIZES, THEMES
from tests.helpers import look

# Screens with the lesson that has the longest texts and device variants.
LESSON = "power-on"


def _open(make_window, screen: str, text_size: str, theme: str):  # type: ignore[no-untyped-def]
    window = make_window(settings=Settings(text_size=text_size, theme=theme))
    show_screen(window, screen, LESSON, 2)
    QApplication.processEvents()
    return window


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen_is_readable_and_touchable(make_window, screen: str, text_size: str, theme: str) -> None:
    window = _open(make_window, screen, text_size, theme)
    assert window.size().width() == 1920 and window.size().height() == 1080, "layout does not fit the panel"
    assert look.small_targets(window) == []
    assert look.crowded_targets(window) == []
    assert look.small_text(window) == []
    assert look.clipped(window) == []
    assert look.low_contrast(window) == []


def test_every_lesson_step_fits_at_200_percent(make_window, library) -> None:
    window = make_window(settings=Settings(text_size="xlarge"))
    for lesson in library.lessons:
        for device in (None, "iphone", "android"):
            window.open_lesson(lesson.id)
            if device and lesson.has_variants:
                window.player.device_buttons[device].click()
            for _ in lesson.steps:
                QApplication.processEvents()
                assert look.clipped(window) == [], (lesson.id, window.player.index + 1, device)
                window.player.go_next()
            window.player.show_help()
            QApplication.processEvents()
            assert look.clipped(window) == [], (lesson.id, "help")


def test_contrast_check_catches_pale_text(make_window) -> None:
    """The contrast measurement itself: grey on cream must fail."""
    window = make_window()
    window.home.findChildren(type(window.top_bar.title))[0].setStyleSheet("color: #9A9A9A;")
    QApplication.processEvents()
    assert look.low_contrast(window) != []
