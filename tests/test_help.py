"""Help for people who don't know what to ask: the trouble grid, plain-word meanings, the take-home
lesson sheet, the らくらくスマホ variants and the 「わたしのスマホ」 choice."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.content.lessons import Device
from kiosk.content.markup import plain
from kiosk.handoff.printing import BackgroundPrinting
from kiosk.handoff.render import write_pdf
from kiosk.handoff.slip import PAPERS
from kiosk.paths import GLOSSARY_DIR, LESSONS_DIR
from kiosk.records.events import EventKind
from kiosk.settings import Settings
from kiosk.ui.screenshot import show_screen
from kiosk.ui.theme import BODY_PX
from tests.helpers import look
from tests.helpers.cli import kiosk


def _squeezed(text: str) -> str:
    """Text as PDF extraction gives it back, without the line breaks and spaces it adds."""
    return re.sub(r"\s+", "", text)


def test_every_trouble_leads_somewhere_real(make_window, library, store) -> None:
    assert len(library.troubles) >= 20
    window = make_window()
    window.screens.home.troubles_button.click()
    assert window.current() is window.screens.troubles
    for trouble in library.troubles:
        window.lessons.open_trouble(trouble.id)
        card = window.screens.trouble_card
        assert card.isVisible() and card.body.text() == plain(trouble.answer)
        assert card.staff_button.isVisible()  # never a dead end
        assert card.lesson_button.isVisible() == (trouble.lesson is not None)
        assert card.procedure_button.isVisible() == (trouble.procedure is not None)
        if trouble.lesson is not None:
            card.lesson_button.click()
            assert window.current() is window.screens.player
            assert (
                window.screens.player.lesson is not None and window.screens.player.lesson.id == trouble.lesson
            )
            assert window.screens.player.index == (trouble.step or 1) - 1
        else:
            card.procedure_button.click()
            assert window.current() is window.screens.handoff
            assert window.screens.handoff.qr.url == library.procedures[trouble.procedure].url
        window.screens.device_card.hide()
        window.lessons.open_troubles()
    window.state.recorder.flush()
    chosen = [e["detail"] for e in store.events() if e["kind"] == EventKind.TROUBLE_CHOSEN.value]
    assert chosen == [trouble.id for trouble in library.troubles]


@pytest.mark.parametrize("panel", [(1920, 1080), (1280, 800)], ids=lambda p: f"{p[0]}x{p[1]}")
def test_the_grid_pages_through_every_trouble(make_window, library, panel) -> None:
    window = make_window(size=panel)
    window.lessons.open_troubles()
    assert window.screens.troubles.page_count > 1
    seen: list[str] = []
    for _ in range(window.screens.troubles.page_count):
        look.settle()
        assert look.clipped(window) == [] and look.small_targets(window) == []
        seen += [tile.label.text() for tile in window.screens.troubles.tiles if tile.isVisible()]
        window.screens.troubles.next_button.click()
    assert seen == [plain(t.title) for t in library.troubles]


@pytest.mark.parametrize("panel", [(1920, 1080), (1366, 768), (1280, 800)], ids=lambda p: f"{p[0]}x{p[1]}")
@pytest.mark.parametrize("language", ["ja", "en"])
def test_at_xlarge_the_troubles_are_one_list_read_by_scrolling(make_window, library, panel, language) -> None:
    """特大 has room for two tiles a page at most (16 pages, and page buttons too wide for a
    small panel): the troubles become one list of wide buttons, words at the 特大 body size,
    and ▼ brings every one of them into view whole, in order. (So does 大 where fewer than
    four tiles fit a page.)"""
    window = make_window(settings=Settings(text_size="xlarge"), size=panel)
    window.language.choose(language)
    window.lessons.open_troubles()
    screen = window.screens.troubles
    look.settle()
    assert not screen.next_button.isVisible() and not screen.page_label.isVisible()
    shown = [tile for tile in screen.tiles if tile.isVisibleTo(screen)]
    titles = [plain(t.title) for t in screen.troubles]  # in the chosen language
    assert len(titles) == len(library.troubles)
    assert [tile.label.text() for tile in shown] == titles
    assert {tile.label.font().pixelSize() for tile in shown} == {BODY_PX["xlarge"]}
    view = screen.body.area.viewport()
    seen: list[str] = []
    for _ in range(len(shown)):
        look.settle()
        assert look.clipped(window) == [] and look.glyphs_at_edges(window) == []
        assert look.small_targets(window) == []
        for tile in shown:  # its words wholly in view
            top = tile.label.mapTo(view, tile.label.rect().topLeft()).y()
            if top >= 0 and top + tile.label.height() <= view.height() and tile.label.text() not in seen:
                seen.append(tile.label.text())
        if not screen.body.can_scroll(+1):
            break
        screen.body.down_button.click()
    assert seen == titles
    shown[-1].click()
    assert window.screens.trouble_card.isVisible()


def test_lists_as_json(tmp_path: Path) -> None:
    troubles = kiosk("troubles", "list", "--json", data_dir=tmp_path)
    words = kiosk("glossary", "list", "--json", data_dir=tmp_path)
    assert troubles.returncode == 0 and words.returncode == 0, troubles.stderr + words.stderr
    assert len(json.loads(troubles.stdout)) >= 20
    assert len(json.loads(words.stdout)) >= 30


def test_glossary_words_in_lessons_open_their_meaning(make_window, library, store) -> None:
    window = make_window()
    window.screens.home.start_button.click()
    opened = set()
    for lesson in library.lessons:
        for index, step in enumerate(lesson.steps):
            found = library.glossary.find_words(plain(step.text))
            if not found or found[0].word in opened:
                continue
            window.lessons.open_lesson(lesson.id, index)
            window.screens.device_card.hide()
            button = window.screens.player.word_buttons[0]
            assert button.isVisible() and found[0].shown in button.title()
            button.click()
            assert window.screens.glossary_card.isVisible()
            assert window.screens.glossary_card.body.text() == plain(found[0].meaning)
            assert window.reader.speech_text().endswith(found[0].meaning)  # 「よみあげ」 reads the meaning
            window.screens.glossary_card.dismiss()
            opened.add(found[0].word)
    assert len(opened) >= 15, "most glossary words appear in the lessons"
    window.state.recorder.flush()
    assert {e["detail"] for e in store.events() if e["kind"] == EventKind.WORD_OPENED.value} == opened


def test_the_checker_asks_about_unknown_katakana(tmp_path: Path) -> None:
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    shutil.copytree(GLOSSARY_DIR, tmp_path / "glossary")
    text = (LESSONS_DIR / "power-on.yaml").read_text(encoding="utf-8")
    first = re.search(r"  - text: (.*)", text)
    assert first is not None
    text = text.replace(first.group(0), "  - text: ブロックチェーンの ボタンを さがします。", 1)
    (lessons / "power-on.yaml").write_text(text, encoding="utf-8")
    checked = kiosk("lessons", "check", str(lessons), data_dir=tmp_path)
    assert "「ブロックチェーン」は 用語集に ありません" in checked.stdout
    assert "「ボタン」" not in checked.stdout  # a plain word is not asked about


@pytest.mark.parametrize("paper", ("a4", "80mm", "58mm"))
def test_the_lesson_sheet_holds_every_step(tmp_path: Path, library, paper: str) -> None:
    lesson = library.get("mynaportal-app")
    assert lesson is not None
    pdf = tmp_path / f"sheet-{paper}.pdf"
    made = kiosk("sheet", lesson.id, "--pdf", str(pdf), "--paper", paper, data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    text = _squeezed(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    )
    assert _squeezed(plain(lesson.title)) in text
    for step in lesson.steps:
        assert _squeezed(plain(step.text)) in text


def test_the_finish_screen_prints_the_sheet(make_window, library, tmp_path, qtbot) -> None:
    printed: list[Path] = []

    class PdfPrinter:
        def print_slip(self, content: object) -> None:
            path = tmp_path / "sheet.pdf"
            write_pdf(content, PAPERS["a4"], path)  # type: ignore[arg-type]
            printed.append(path)

    window = make_window(printing=BackgroundPrinting(PdfPrinter()))  # type: ignore[arg-type]
    lesson = library.get("text-size")
    window.screens.home.start_button.click()
    window.lessons.open_lesson(lesson.id)
    window.screens.device_card.chosen.emit("android")
    for _ in lesson.steps:
        window.screens.player.next_button.click()
    assert window.current() is window.screens.finish
    window.screens.finish.sheet_button.click()
    qtbot.waitUntil(lambda: bool(printed), timeout=10_000)
    text = _squeezed(
        subprocess.run(["pdftotext", str(printed[0]), "-"], capture_output=True, text=True).stdout
    )
    for step in lesson.steps:
        assert _squeezed(plain(step.for_device(Device.ANDROID).text)) in text


def test_the_device_choice_switches_variants(make_window, library) -> None:
    raku = [lesson for lesson in library.lessons if any(Device.RAKU in s.variants for s in lesson.steps)]
    assert raku, "some lessons have らくらくスマホ variants"
    lesson = raku[0]
    index = next(i for i, s in enumerate(lesson.steps) if Device.RAKU in s.variants)
    window = make_window()
    window.screens.home.start_button.click()
    window.lessons.open_lesson(lesson.id)
    assert window.screens.device_card.isVisible()  # asked at the first lesson that differs by phone
    window.screens.device_card.choices["raku"].click()
    assert window.screens.player.device is Device.RAKU
    window.screens.player.start(lesson, index)
    assert window.screens.player.instruction.text() == plain(lesson.steps[index].for_device(Device.RAKU).text)
    window.lessons.open_lesson(lesson.id)
    assert not window.screens.device_card.isVisible()  # asked once a consultation
    window.idle.reset()
    window.screens.home.start_button.click()
    window.lessons.open_lesson(lesson.id)
    window.screens.device_card.choices[""].click()  # わからない: the steps for every phone
    assert window.screens.player.device is None
    window.screens.player.start(lesson, index)
    assert window.screens.player.instruction.text() == plain(lesson.steps[index].text)


def test_a_raku_phone_falls_back_to_android_steps(library) -> None:
    for lesson in library.lessons:
        for step in lesson.steps:
            if Device.ANDROID in step.variants and Device.RAKU not in step.variants:
                assert step.for_device(Device.RAKU).text == step.for_device(Device.ANDROID).text
                return
    pytest.skip("every android variant has a らくらく one")


@pytest.mark.parametrize("language", ("ja", "en", "ja-easy"))
def test_the_new_screens_fit_at_200_percent(make_window, language: str) -> None:
    window = make_window(settings=Settings(text_size="xlarge"))
    for screen in ("troubles", "trouble", "glossary", "device"):
        window.idle.reset()
        window.language.choose(language)
        show_screen(window, screen, None, 1)
        look.settle()
        assert window.size().height() == 1080, (screen, language)
        assert look.clipped(window) == [], (screen, language)
        assert look.small_targets(window) == [], (screen, language)
    window.idle.reset()


def test_the_phone_card_does_not_tell_iphone_se_owners_they_have_no_button(make_window, library) -> None:
    """Issue 21: 「画面の 下に ボタンが ない」 is wrong for the iPhone SE (2nd/3rd) and 8, which have a home button."""
    import xml.etree.ElementTree as ET

    window = make_window()
    window.screens.home.start_button.click()
    window.lessons.open_lesson(next(lesson.id for lesson in library.lessons if lesson.has_variants))
    iphone = window.screens.device_card.choices["iphone"]
    words = iphone.accessibleName()
    assert "ボタンが ない" not in words and "りんご" in words  # true of every iPhone
    svg = ET.parse(library.pictures_dir / "device-iphone.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    phones = [
        r for r in svg.iter(f"{ns}rect") if r.get("fill") == "#333333" and float(r.get("height", 0)) >= 400
    ]
    assert len(phones) == 2  # a newer iPhone and one with a home button
    home_buttons = [
        c
        for c in svg.iter(f"{ns}circle")
        for phone in phones
        if float(phone.get("x", 0))
        < float(c.get("cx", 0))
        < float(phone.get("x", 0)) + float(phone.get("width", 0))
        and float(c.get("cy", 0)) > float(phone.get("y", 0)) + 0.8 * float(phone.get("height", 0))
        and float(c.get("r", 0)) >= 18
        and c.get("fill") not in (None, "none")
    ]
    assert home_buttons, "the picture shows an iPhone with a round home button under the screen"
