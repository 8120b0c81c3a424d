"""Furigana on the big buttons too, and readings large enough to read (issue 21, point 9:
「furigana only on body text, never on buttons, even in やさしい日本語, at ~16 px」)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.content.markup import has_kanji
from kiosk.settings import Settings
from kiosk.ui.screenshot import show_screen
from kiosk.ui.theme import BODY_PX, TEXT_SIZES, style_sheet
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.ruby_text import RubyText
from tests.helpers import look

MIN_READING_PX = 20  # at 標準; it was half the body, 18 px


def _kanji(text: str) -> set[str]:
    return {ch for ch in text if has_kanji(ch)}


def _buttons_with_kanji(window: QWidget) -> list[BigButton]:
    return [b for b in window.findChildren(BigButton) if b.isVisibleTo(window) and has_kanji(b.title())]


@pytest.mark.parametrize("screen", ["home", "menu", "lessons"])
def test_big_buttons_show_readings_above_their_kanji_in_easy_japanese(make_window, screen: str) -> None:
    window = make_window()
    window.language.choose("ja-easy")  # its readers get furigana from the start
    show_screen(window, screen, "mynaportal-app", 1)
    look.settle()
    buttons = _buttons_with_kanji(window)
    assert buttons, "this screen has buttons with kanji"
    for button in buttons:
        texts = button.findChildren(RubyText)
        drawn = "".join(piece.text for text in texts for piece in text.readings_drawn())
        assert _kanji(button.title()) <= _kanji(drawn), f"{button.title()!r} has kanji without readings"
        # The readings are drawn, not spoken: the button's name is its words as shown.
        readings = [piece.reading for text in texts for piece in text.readings_drawn()]
        name = button.accessibleName()
        assert name.startswith(button.title())
        assert not any(reading and reading in name for reading in readings), name
    assert look.clipped(window) == []


def test_readings_go_with_furigana_off_and_the_button_keeps_one_name(make_window) -> None:
    window = make_window()
    window.language.choose("ja-easy")
    show_screen(window, "lessons", "mynaportal-app", 1)
    look.settle()
    button = _buttons_with_kanji(window)[0]
    window.look.set_furigana(False)
    assert all(not text.readings_drawn() for text in button.findChildren(RubyText))
    window.look.set_furigana(True)
    assert any(text.readings_drawn() for text in button.findChildren(RubyText))


def test_the_button_is_still_one_button_pressed_anywhere(qtbot, fonts) -> None:
    button = BigButton("{暗証番号|あんしょうばんごう}を 入れる", "4けたの 数字です")
    qtbot.addWidget(button)
    button.resize(900, 300)
    button.show()
    for text in button.findChildren(RubyText):
        text.set_furigana(True)
    look.settle()
    assert button.accessibleName() == "暗証番号を 入れる　4けたの 数字です"
    assert button.title() == "暗証番号を 入れる"
    title = button.findChildren(RubyText)[0]
    assert next(piece.reading for piece in title.readings_drawn()) == "あんしょうばんごう"
    inside = title.mapTo(button, title.rect().center())
    assert button.childAt(inside) is None, "the words let a press through to the button"
    with qtbot.waitSignal(button.clicked):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=inside)


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_readings_are_at_least_20_px_at_standard_and_grow_with_the_size(make_window, text_size: str) -> None:
    window = make_window(settings=Settings(text_size=text_size))
    window.language.choose("ja-easy")
    show_screen(window, "lessons", "mynaportal-app", 1)
    look.settle()
    texts = [t for t in window.findChildren(RubyText) if t.isVisibleTo(window) and t.readings_drawn()]
    assert texts
    floor = {"standard": MIN_READING_PX, "large": 24, "xlarge": 36}[text_size]
    for text in texts:
        assert text.reading_pixel_size() >= floor, (text.text(), text.reading_pixel_size())
        assert text.reading_pixel_size() < text.font().pixelSize(), "readings stay smaller than the text"


def _ink_rows(image: QImage) -> list[int]:
    background = image.pixelColor(0, 0)
    return [
        y
        for y in range(image.height())
        if any(
            abs(QColor(image.pixel(x, y)).lightness() - background.lightness()) > 96
            for x in range(image.width())
        )
    ]


def _bands(rows: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive inked rows: (first, last)."""
    bands: list[tuple[int, int]] = []
    for y in rows:
        if bands and y == bands[-1][1] + 1:
            bands[-1] = (bands[-1][0], y)
        else:
            bands.append((y, y))
    return bands


@pytest.mark.parametrize("kind", ["body", "button"])
def test_readings_are_drawn_large_and_clear_of_the_line_above(qtbot, fonts, kind: str) -> None:
    """Two lines of kanji at 標準's body size: the readings' ink is as tall as a 20 px kana's
    at least, and there is a clear gap between a line's kanji and the readings of the next."""
    holder = QWidget()
    holder.setStyleSheet(style_sheet("standard", "standard"))
    column = QVBoxLayout(holder)
    qtbot.addWidget(holder)
    if kind == "body":
        text: RubyText = RubyText("時間\n時間")
        column.addWidget(text)
    else:
        button = BigButton("時間\n時間")
        column.addWidget(button)
        text = button.findChildren(RubyText)[0]
        font = QFont(text.font())
        font.setPixelSize(BODY_PX["standard"])
        text.setFont(font)
    holder.resize(600, 400)
    holder.show()
    text.set_furigana(True)
    look.settle()
    assert [piece.text for piece in text.readings_drawn()] == ["時間", "時間"]
    image = look.grab(holder).copy(look.window_rect(text, holder))
    bands = _bands(_ink_rows(image))
    assert len(bands) == 4, bands  # reading, kanji, reading, kanji
    (reading_top, reading_bottom), (_, first_kanji_bottom), (next_reading_top, _) = bands[:3]
    # じかん in the UD font: 17 rows of ink at 20 px (19 at 22 px; the old 18 px: 16)
    assert reading_bottom - reading_top + 1 >= 17, bands
    assert next_reading_top - first_kanji_bottom > 4, "the readings touch the line above"
    assert text.heightForWidth(text.width()) <= text.height() + 1


@pytest.mark.parametrize("text", ["はじめる", "練習 する", "マイナンバーカードを 受け取る", "Practice"])
def test_without_furigana_a_buttons_words_take_the_room_they_took_before(qtbot, fonts, text: str) -> None:
    """The screens were fitted to the buttons' size: with furigana off, it is what it was with
    a QLabel inside."""
    holder = QWidget()
    holder.setStyleSheet(style_sheet("xlarge", "standard"))
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    button = BigButton(text, "説明の 文です")
    before = QPushButton()  # what BigButton held before: a PhraseLabel, styled as its title
    label = PhraseLabel(text)
    label.setProperty("role", "title")
    label.setWordWrap(True)
    inside = QVBoxLayout(before)
    inside.setContentsMargins(32, 12, 32, 12)  # BigButton's
    inside.addWidget(label)
    column.addWidget(button)
    column.addWidget(before)
    holder.show()
    title = button.findChildren(RubyText)[0]
    for width in (500, 800, 1400):
        holder.resize(width, 1000)
        look.settle()
        assert title.font().pixelSize() == label.font().pixelSize() == BODY_PX["xlarge"] + 9
        assert title.width() == label.width()
        old = label.heightForWidth(label.width())
        # QLabel's lines were taller only where a phrase's joiner pulled in a fallback font:
        # to a few pixels, or (a title broken inside a long word) within a few percent.
        assert abs(title.heightForWidth(title.width()) - old) <= max(4, 0.15 * old), width
    assert title.minimumSizeHint().width() <= label.minimumSizeHint().width() + 4


# The visitor's screens, and the practice keyboard (its erase key); supporter screens are not the visitor's.
EASY_SCREENS = [
    ("home", None),
    ("menu", None),
    ("lessons", None),
    ("lesson", None),
    ("help", None),
    ("finish", None),
    ("self-check", None),
    ("troubles", None),
    ("trouble", None),
    ("glossary", None),
    ("device", None),
    ("idle-warning", None),
    ("call-staff", None),
    ("records-info", None),
    ("handoff", None),
    ("resume", None),
    ("card-check", None),
    ("card-result", None),
    ("practice", None),
    ("practice", "flick"),
    ("practice", "qwerty"),
]
# A language is shown by its own name, so its speakers find it; a phone keyboard's keys as the
# phone shows them (゛゜小, 変換).
AS_THEY_ARE = {"日本語", "変換"}


@pytest.mark.slow
def test_easy_japanese_one_line_buttons_are_written_in_kana(make_window) -> None:
    """A one-line button has no room for readings above its words: in やさしい日本語 they are in
    kana (「かかりを よぶ」, 「つぎへ ▶」); a big button's and a tile's kanji carry readings."""
    found = []
    for screen, practice in EASY_SCREENS:
        window = make_window()
        window.language.choose("ja-easy")
        show_screen(window, screen, "mynaportal-app", 2, practice)
        look.settle()
        found += [
            f"{screen}: {button.text()!r}"
            for button in look.buttons(window)
            if button.layout() is None
            and has_kanji(button.text())
            and button.text() not in AS_THEY_ARE
            and button.property("role") != "key"
        ]
        window.allow_close()
        window.close()
    assert found == []
