"""Lesson pictures: a settings list shows the word the step asks the person to find, in their language."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.content.lessons import Device
from kiosk.content.library import LessonLibrary
from kiosk.content.markup import plain

SVG = "{http://www.w3.org/2000/svg}"

# Basics steps that say 「tap this menu item」 on a settings list: (lesson, step from 1, phone).
MENU_STEPS = [
    ("text-size", 2, Device.IPHONE),
    ("text-size", 2, Device.ANDROID),
    ("text-size", 3, Device.IPHONE),
    ("text-size", 3, Device.ANDROID),
    ("wifi", 3, Device.ANDROID),
]


def _words(picture: Path) -> str:
    return " ".join(t.text or "" for t in ET.parse(picture).getroot().iter(f"{SVG}text"))


def _named(text: str, language: str) -> str:
    """The menu item the step names: 「…」 in Japanese, “…” in English."""
    found = re.findall(r"“([^”]+)”" if language == "en" else r"「([^」]+)」", plain(text))
    assert found, text
    return found[0]


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize(("lesson_id", "number", "device"), MENU_STEPS)
def test_a_settings_picture_shows_the_word_to_find(
    library: LessonLibrary, language: str, lesson_id: str, number: int, device: Device
) -> None:
    """Issue 21: the settings pictures were grey bars, and kept Japanese words in English."""
    shown = library.in_language(language)
    lesson = shown.get(lesson_id)
    assert lesson is not None
    step = lesson.steps[number - 1].for_device(device)
    picture = shown.picture_path(step.picture)
    assert picture.is_file()
    assert _named(step.text, language) in _words(picture), (picture.name, step.text)


def test_a_picture_in_another_language_falls_back_to_the_japanese_one(library: LessonLibrary) -> None:
    english, japanese = library.in_language("en"), library.in_language("ja")
    assert english.picture_path("wifi-menu-android.svg").name == "wifi-menu-android.en.svg"
    assert japanese.picture_path("wifi-menu-android.svg").name == "wifi-menu-android.svg"
    assert (
        library.in_language("ja-easy").picture_path("wifi-menu-android.svg").name == "wifi-menu-android.svg"
    )
    assert english.picture_path("wifi-password-card.svg").name == "wifi-password-card.svg"  # no English one


def test_the_player_shows_the_english_picture(make_window) -> None:
    window = make_window()
    shown: list[Path | None] = []
    original = window.screens.player.picture.show_file
    window.screens.player.picture.show_file = lambda path: (shown.append(path), original(path))  # type: ignore[method-assign]
    window.language.choose("en")
    window.screens.home.start_button.click()
    window.lessons.open_lesson("text-size")
    window.screens.device_card.choices["android"].click()
    window.screens.player.go_next()
    assert shown[-1] is not None and shown[-1].name == "text-size-display-menu-android.en.svg"
    assert "Display" in window.screens.player.instruction.text()
