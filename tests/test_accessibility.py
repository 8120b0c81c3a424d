"""Every screen, at every text size and in both themes: big targets, readable contrast, nothing cut off."""

from __future__ import annotations

import pytest

from kiosk.app import SCREENS
from kiosk.content.lessons import Device
from kiosk.settings import Settings
from kiosk.ui.screenshot import show_screen
from kiosk.ui.theme import TEXT_SIZES, THEMES
from kiosk.ui.widgets.ruby_text import RubyText
from tests.helpers import look

pytestmark = pytest.mark.slow  # every screen × size × theme, every lesson step: the longest module

# Screens with the lesson that has the longest texts and device variants.
LESSON = "power-on"


def _open(make_window, screen: str, text_size: str, theme: str):  # type: ignore[no-untyped-def]
    window = make_window(settings=Settings(text_size=text_size, theme=theme))
    show_screen(window, screen, LESSON, 2)
    look.settle()
    return window


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("screen", [s for s in SCREENS if s != "staff"])  # staff's screen scrolls
def test_screen_is_readable_and_touchable(make_window, screen: str, text_size: str, theme: str) -> None:
    window = _open(make_window, screen, text_size, theme)
    assert window.size().width() == 1920 and window.size().height() == 1080, "layout does not fit the panel"
    assert look.small_targets(window) == []
    assert look.crowded_targets(window) == []
    assert look.small_text(window) == []
    assert look.clipped(window) == []
    assert look.low_contrast(window) == []


def test_every_lesson_step_fits_at_200_percent(make_window, library) -> None:
    window = make_window(settings=Settings(text_size="xlarge"), idle_ms=3_600_000)
    for lesson in library.lessons:
        raku = any(Device.RAKU in step.variants for step in lesson.steps)
        for device in (None, "iphone", "android", *(["raku"] if raku else [])):
            window.lessons.open_lesson(lesson.id)
            if device and lesson.has_variants:
                window.screens.player.device_buttons[device].click()
            for _ in lesson.steps:
                look.settle()
                assert look.clipped(window) == [], (lesson.id, window.screens.player.index + 1, device)
                window.screens.player.show_help()
                look.settle()
                assert look.clipped(window) == [], (
                    lesson.id,
                    window.screens.player.index + 1,
                    device,
                    "help",
                )
                window.screens.player.hide_help()
                window.screens.player.go_next()
            look.settle()
            if lesson.check:  # a course lesson: its self-check first (test_course.py fits each question)
                assert window.current() is window.screens.self_check
                window.screens.self_check.finished.emit(lesson.id)
                look.settle()
            assert window.current() is window.screens.finish
            assert look.clipped(window) == [], (lesson.id, "finish")


def test_contrast_check_catches_pale_text(make_window) -> None:
    """The contrast measurement itself: grey on cream must fail."""
    window = make_window()
    window.screens.home.findChildren(type(window.top_bar.title))[0].setStyleSheet("color: #9A9A9A;")
    look.settle()
    assert look.low_contrast(window) != []


def test_a_lesson_at_the_checkers_length_limits_fits_at_200_percent(qtbot, fonts, library, store) -> None:
    """The checker's limits are what keeps future lessons readable; prove they fit."""
    from kiosk.content.lessons import (
        MAX_HELP,
        MAX_LEARNED,
        MAX_SUMMARY,
        MAX_TEXT,
        MAX_TITLE,
        Lesson,
    )
    from kiosk.content.library import LessonLibrary
    from kiosk.records.recorder import Recorder
    from kiosk.ui.main_window import KioskWindow

    def words(n: int) -> str:
        return ("マイナンバーカードの暗証番号を、ゆっくり入れます。" * 10)[:n]

    longest = Lesson(
        id="longest",
        category="basics",
        title=words(MAX_TITLE),
        summary=words(MAX_SUMMARY),
        learned=[words(MAX_LEARNED)] * 4,
        steps=[{"text": words(MAX_TEXT), "picture": "power-on-unlock.svg", "help": words(MAX_HELP)}],
    )
    extreme = LessonLibrary(
        lessons=[longest], procedures=library.procedures, pictures_dir=library.pictures_dir
    )
    window = KioskWindow(extreme, Settings(text_size="xlarge"), Recorder(store), idle_ms=60_000)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    window.screens.home.start_button.click()
    window.lessons.open_category("basics")
    look.settle()
    assert look.clipped(window) == [], "lesson list"
    window.lessons.open_lesson("longest")
    look.settle()
    assert look.clipped(window) == [], "step"
    window.screens.player.show_help()
    look.settle()
    assert look.clipped(window) == [], "help"
    window.screens.player.hide_help()
    window.screens.player.go_next()
    look.settle()
    assert look.clipped(window) == [], "finish"
    assert window.size().height() == 1080


@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("screen", ["home", "menu", "lessons", "lesson", "help", "finish", "records-info"])
def test_furigana_is_drawn_and_fits(make_window, screen: str, text_size: str) -> None:
    window = _open(make_window, screen, text_size, "standard")
    window.look.set_furigana(True)
    look.settle()
    assert look.clipped(window) == []
    assert window.size().height() == 1080
    assert look.low_contrast(window) == []
    drawn = [
        piece
        for text in window.findChildren(RubyText)
        if text.isVisibleTo(window)
        for piece in text.readings_drawn()
    ]
    if screen in ("lesson", "help", "finish", "lessons"):
        assert drawn, "kanji on this screen carry readings"
        assert all(
            piece.reading and not any("\u4e00" <= ch <= "\u9fff" for ch in piece.reading) for piece in drawn
        )


@pytest.mark.parametrize("text_size", ["large", "xlarge"])
def test_every_lesson_step_fits_with_furigana(make_window, library, text_size: str) -> None:
    window = make_window(settings=Settings(text_size=text_size), idle_ms=3_600_000)
    window.look.set_furigana(True)
    for lesson in library.lessons:
        window.lessons.open_lesson(lesson.id)
        for _ in lesson.steps:
            look.settle()
            assert look.clipped(window) == [], (lesson.id, window.screens.player.index + 1)
            assert window.screens.player.instruction.readings_drawn() or not any(
                "\u4e00" <= ch <= "\u9fff" for ch in window.screens.player.instruction.text()
            )
            window.screens.player.show_help()
            look.settle()
            assert look.clipped(window) == [], (lesson.id, window.screens.player.index + 1, "help")
            window.screens.player.hide_help()
            window.screens.player.go_next()


def test_closing_marks_never_hang_past_the_edge(qtbot, fonts) -> None:
    """「。」 may not start a line; the character before it goes down with it instead of running off."""
    from PySide6.QtGui import QFont, QFontMetricsF

    text = RubyText("あいうえお。かきくけこ。")
    font = QFont(fonts)
    font.setPixelSize(36)
    text.setFont(font)
    qtbot.addWidget(text)
    text.setFixedWidth(round(QFontMetricsF(font).horizontalAdvance("あいうえお")) + 1)
    lines = text.shown_lines(text.width())
    assert text.overflow() == 0
    assert [line.text[0] for line in lines] == ["あ", "お", "け"]


@pytest.mark.parametrize("theme", THEMES)
def test_a_button_that_cannot_be_pressed_looks_it_and_stays_readable(make_window, theme: str) -> None:
    """Issue 21: a disabled button kept a button's outline and looked pressable.

    Now it is flat (no outline in the buttons' colour, a different fill), its words still ≥ 7:1.
    """
    window = _open(make_window, "lessons", "standard", theme)
    screen = window.current()
    off, on = screen.prev_button, screen.next_button  # the first page: back is not possible
    assert not off.isEnabled() and on.isEnabled() and off.isVisible()
    image = look.grab(window)

    def edge_colours(button) -> set[int]:  # type: ignore[no-untyped-def]
        rect = look.window_rect(button, window)
        y = rect.center().y()
        return {image.pixel(x, y) & 0xFFFFFF for x in range(rect.left(), rect.left() + 4)}

    def fill(button) -> int:  # type: ignore[no-untyped-def]
        rect = look.window_rect(button, window)
        return image.pixel(rect.left() + 12, rect.top() + 12) & 0xFFFFFF

    assert not edge_colours(off) & edge_colours(on), "the outline says 'press me'"
    assert fill(off) != fill(on)
    measured = look.text_contrast(image, off, window)
    assert measured is not None and measured.ratio >= look.MIN_CONTRAST, measured
