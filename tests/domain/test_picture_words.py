"""Settings pictures show the word the person looks for on their phone, in their language.

Which pictures are settings pictures comes from the lessons, not from a list: a step that
opens 「設定」, and every later step of that lesson (on the same phone) or a step that says
設定, which names an item 「…」 to tap, press or switch. The other phones' pictures of such a
step count too (the one for an unknown phone shows each phone's word).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.content.lessons import Device
from kiosk.content.library import load_library
from kiosk.content.markup import plain
from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR

SVG = "{http://www.w3.org/2000/svg}"
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
NAMED_JA = re.compile(r"「([^」]+)」")
NAMED_EN = re.compile(r"“([^”]+)”")
# The step asks the person to do something with the item it names (not only to look at a screen).
ACTION = re.compile(r"タップ|押し込|オンに|スイッチ|さわ")
DEVICES: list[Device | None] = [None, *Device]

LIBRARY = load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR, translate_now=False)
ENGLISH = LIBRARY.in_language("en")

# らくらくスマホ steps that borrow the picture for an unknown phone, whose words are the
# iPhone's and Android's: they need their own picture in the lesson file (lessons/text-size.yaml).
NEEDS_OWN_PICTURE = {("text-size", 2, Device.RAKU), ("text-size", 3, Device.RAKU)}


@dataclass(frozen=True)
class SettingsStep:
    lesson: str
    number: int  # from 1, as the person sees it
    device: Device | None
    picture: str
    word: str  # the item the step names (the last 「…」: 「設定」の「バッテリー」で「低電力モード」)

    def __str__(self) -> str:
        return f"{self.lesson}-{self.number}-{self.device or 'any'}"


def _settings_steps() -> list[SettingsStep]:
    found: dict[tuple[str, int, Device | None], SettingsStep] = {}
    for lesson in LIBRARY.lessons:
        for device in DEVICES:
            opened = False
            for number, step in enumerate(lesson.steps, 1):
                shown = step.for_device(device)
                text = plain(shown.text)
                named = NAMED_JA.findall(text)
                opens = "設定" in named
                in_settings = opens or opened or "設定" in text
                if named and in_settings and ACTION.search(text):
                    key = (lesson.id, number, device)
                    found[key] = SettingsStep(lesson.id, number, device, shown.picture, named[-1])
                opened = opened or opens
    return list(found.values())


def _settings_pictures(steps: list[SettingsStep]) -> list[str]:
    """Every phone's picture of a step that is a settings step on some phone."""
    pictures: set[str] = set()
    for lesson_id, number in {(s.lesson, s.number) for s in steps}:
        lesson = LIBRARY.get(lesson_id)
        assert lesson is not None
        pictures |= {lesson.steps[number - 1].for_device(d).picture for d in DEVICES}
    return sorted(pictures)


def _worded_pictures(steps: list[SettingsStep]) -> list[str]:
    """The pictures that must carry a word: each settings step's, and the one for an unknown
    phone when every phone with its own picture names its word (it shows each phone's)."""
    keys = {(s.lesson, s.number, s.device) for s in steps}
    pictures = {s.picture for s in steps}
    for lesson_id, number in {(s.lesson, s.number) for s in steps}:
        lesson = LIBRARY.get(lesson_id)
        assert lesson is not None
        step = lesson.steps[number - 1]
        own = [d for d, variant in step.variants.items() if variant.picture]
        if own and all((lesson_id, number, d) in keys for d in own):
            pictures.add(step.picture)
    return sorted(pictures)


STEPS = _settings_steps()
PICTURES = _settings_pictures(STEPS)
WORDED = _worded_pictures(STEPS)


def _texts(picture: Path) -> list[str]:
    return [t.text or "" for t in ET.parse(picture).getroot().iter(f"{SVG}text")]


def _shows(picture: Path, word: str) -> bool:
    """The word is drawn (spaces and line breaks in the drawing do not count)."""
    drawn = "".join("".join(_texts(picture)).split())
    return "".join(word.split()) in drawn


def _english_text(step: SettingsStep) -> str:
    lesson = ENGLISH.get(step.lesson)
    assert lesson is not None
    return plain(lesson.steps[step.number - 1].for_device(step.device).text)


def _keeps_japanese(step: SettingsStep) -> bool:
    """The English lesson itself sends the person to the Japanese word (らくらくスマホ's menus)."""
    return step.word in _english_text(step) and not NAMED_EN.findall(_english_text(step))


def _marked(steps: list[SettingsStep]) -> list[object]:
    return [
        pytest.param(s, id=str(s), marks=pytest.mark.xfail(reason="borrows another phone's picture"))
        if (s.lesson, s.number, s.device) in NEEDS_OWN_PICTURE
        else pytest.param(s, id=str(s))
        for s in steps
    ]


def test_the_rule_finds_the_settings_pictures() -> None:
    """Without this, a rule that found nothing would pass every test below."""
    assert {
        "text-size-open-settings.svg",
        "text-size-display-menu-iphone.svg",
        "text-size-size-menu.svg",
        "wifi-menu-android.svg",
        "notifications-off-menu.svg",
        "disaster-battery-saver.svg",
    } <= set(WORDED)
    assert len(STEPS) >= 20


@pytest.mark.parametrize("step", _marked(STEPS))
def test_a_settings_picture_shows_the_word_to_find(step: SettingsStep) -> None:
    picture = LIBRARY.picture_path(step.picture)
    assert _shows(picture, step.word), f"{picture.name} should show 「{step.word}」: {_texts(picture)}"


@pytest.mark.parametrize("step", _marked(STEPS))
def test_the_english_picture_shows_the_english_word(step: SettingsStep) -> None:
    text = _english_text(step)
    picture = ENGLISH.picture_path(step.picture)
    if _keeps_japanese(step):
        assert _shows(picture, step.word), (picture.name, text)
        return
    named = NAMED_EN.findall(text)
    assert named, f"the English step names no item: {text}"
    assert _shows(picture, named[-1]), f"{picture.name} should show “{named[-1]}”: {_texts(picture)}"


@pytest.mark.parametrize("name", WORDED)
def test_a_settings_picture_has_words_not_only_grey_bars(name: str) -> None:
    assert any(len(t.strip()) >= 2 for t in _texts(PICTURES_DIR / name)), f"{name}: only grey bars"


@pytest.mark.parametrize("name", PICTURES)
def test_a_settings_picture_with_japanese_words_has_an_english_one(name: str) -> None:
    if not any(JAPANESE.search(t) for t in _texts(PICTURES_DIR / name)):
        return
    uses = [s for s in STEPS if s.picture == name]
    if uses and all(_keeps_japanese(s) for s in uses):
        return  # らくらくスマホ: its menus are Japanese, and the English lesson quotes them
    assert (PICTURES_DIR / name).with_suffix(".en.svg").is_file(), f"{name} has no English drawing"


def _drawing(picture: Path) -> list[tuple[str, dict[str, str]]]:
    """Everything but the words (and where a word starts and its size, fitted to its length)."""
    return [
        (
            e.tag,
            {k: v for k, v in e.attrib.items() if k not in ("x", "font-size")}
            if e.tag == f"{SVG}text"
            else e.attrib,
        )
        for e in ET.parse(picture).getroot().iter()
    ]


ENGLISH_PICTURES = sorted(p.name for p in PICTURES_DIR.glob("*.en.svg"))


@pytest.mark.parametrize("name", ENGLISH_PICTURES)
def test_an_english_picture_is_the_same_drawing_in_english(name: str) -> None:
    english = PICTURES_DIR / name
    japanese = english.with_name(name.removesuffix(".en.svg") + ".svg")
    assert japanese.is_file(), f"{name} has no Japanese picture beside it"
    assert _drawing(english) == _drawing(japanese), f"{name} is not the same drawing as {japanese.name}"
    assert not [t for t in _texts(english) if JAPANESE.search(t)], f"{name} still has Japanese words"
    sizes = [float(t.get("font-size", "0")) for t in ET.parse(english).getroot().iter(f"{SVG}text")]
    assert min(sizes, default=28) >= 28, f"{name}: words smaller than 28 px are hard to read"
