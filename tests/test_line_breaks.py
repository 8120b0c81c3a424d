"""Lines break where a reader pauses: between Japanese phrases, between English words, and
never leave one character alone on a line (「…動かしま／す。」, 「マイナンバー／カード」, 「しば／らく」)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel

from kiosk.content.markup import plain
from kiosk.content.phrases import (
    NO_LINE_END,
    NO_LINE_START,
    WORD_JOINER,
    break_points,
    is_cjk,
    keep_phrases,
    phrases,
    without_joiners,
)
from kiosk.paths import GLOSSARY_DIR, LESSONS_DIR, PACKAGE_DIR, PROCEDURES_DIR, TROUBLES_DIR
from kiosk.settings import Settings
from kiosk.ui.theme import BODY_PX, TEXT_SIZES
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.ruby_text import RubyText
from tests.helpers import look

# The breaks seen on the kiosk, with the part of the line that pushed each word over the edge.
SEEN = [
    (
        "指を画面につけたまま、右から左へすっと動かします。",
        "動かします。",
        "指を画面につけたまま、右から左へすっと動かしま",
    ),
    ("受付でマイナンバーカードを見せます。", "マイナンバーカード", "受付でマイナンバー"),
    ("画面が消えたら、しばらく待ちます。", "しばらく", "画面が消えたら、しば"),
]


def _lines(text: RubyText, width: float | None = None) -> list[tuple[int, str, float]]:
    """(offset in the shown text, text, inked width) of each line as RubyText lays it out."""
    lines = text.shown_lines(width)
    assert "".join(line.text for line in lines) == plain(text.source())  # every character placed once
    return [(line.offset, line.text, line.inked) for line in lines]


def _phrase_width(text: RubyText, offset: int) -> float:
    """How wide the phrase around `offset` is in this widget's font (bold, size and all)."""
    shown = plain(text.source())
    start = 0
    for phrase in phrases(shown):
        if start <= offset < start + len(phrase):
            return QFontMetricsF(text.text_font()).horizontalAdvance(phrase.rstrip())
        start += len(phrase)
    return 0.0


def misbroken(text: RubyText, width: float | None = None) -> list[str]:
    """Lines a reader would stumble over: one that starts inside a phrase that would have fit
    on a line, or a line with a single character."""
    width = width if width is not None else text.content_width()
    shown = plain(text.source())
    allowed = break_points(shown)
    found = []
    for number, (offset, line, _) in enumerate(_lines(text, width)):
        visible = line.strip()
        if len(visible) == 1 and len(shown.strip()) > 1:
            found.append(f"line {number + 1} is one character: {visible!r}")
        if number == 0 or shown[offset - 1] == "\n" or line == "\n" or offset in allowed:
            continue
        if _phrase_width(text, offset) <= width:
            found.append(
                f"line {number + 1} starts inside a phrase: …{shown[max(0, offset - 6) : offset]}／{line}"
            )
    return found


@pytest.fixture
def body(qtbot, fonts: str):  # type: ignore[no-untyped-def]
    def make(text: str, px: int = 72) -> RubyText:
        widget = RubyText(text)
        font = QFont(fonts)
        font.setPixelSize(px)
        widget.setFont(font)
        qtbot.addWidget(widget)
        return widget

    return make


@pytest.mark.parametrize(("sentence", "word", "before"), SEEN)
@pytest.mark.parametrize("furigana", [False, True])
def test_the_breaks_seen_on_the_kiosk_fall_between_phrases(body, sentence, word, before, furigana) -> None:  # type: ignore[no-untyped-def]
    text = body(sentence)
    text.set_furigana(furigana)
    # The width that used to cut the word: everything up to the break seen on the kiosk.
    width = QFontMetricsF(text.text_font()).horizontalAdvance(before) + 1
    if furigana:
        width = max(width, text.widest_piece() * 3)
    lines = [line for _, line, _ in _lines(text, width)]
    assert any(word in line for line in lines), lines
    assert misbroken(text, width) == []
    assert max(w for *_, w in _lines(text, width)) <= width


def test_a_closing_mark_stays_with_its_phrase(body) -> None:  # type: ignore[no-untyped-def]
    text = body("すぐに画面が動かします。")
    width = QFontMetricsF(text.text_font()).horizontalAdvance("すぐに画面が動かします") + 1
    lines = [line for _, line, _ in _lines(text, width)]
    assert lines == ["すぐに画面が", "動かします。"]


def test_a_phrase_wider_than_the_line_is_broken_by_character_as_a_last_resort(body) -> None:  # type: ignore[no-untyped-def]
    text = body("マイナンバーカードを用意します。")
    width = QFontMetricsF(text.text_font()).horizontalAdvance("マイナンバー") + 1
    lines = _lines(text, width)
    assert "".join(line for _, line, _ in lines) == "マイナンバーカードを用意します。"
    assert all(w <= width for *_, w in lines), "nothing runs off the edge"
    assert all(len(line.strip()) > 1 for _, line, _ in lines)
    assert not any(line.startswith(("ー", "。")) for _, line, _ in lines)


@pytest.mark.parametrize("px", sorted(BODY_PX.values()))
def test_english_words_are_never_split(body, px: int) -> None:  # type: ignore[no-untyped-def]
    sentence = (
        "Press and hold the power button on the right side until the Apple logo appears (about 3 seconds)."
    )
    text = body(sentence, px)
    metrics = QFontMetricsF(text.text_font())
    for width in range(round(metrics.horizontalAdvance("appears (about")) + 1, 1600, 37):
        lines = [line.strip() for _, line, _ in _lines(text, width)]
        assert " ".join(lines).split() == sentence.split(), (width, lines)
        assert all(w <= width for *_, w in _lines(text, width)), (width, lines)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["ja", "ja-easy"])
@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_every_lesson_step_breaks_between_phrases(
    make_window, library, text_size: str, language: str
) -> None:
    window = make_window(settings=Settings(text_size=text_size), idle_ms=3_600_000)
    if language != "ja":
        window.language.choose(language)
    checked = 0
    for lesson in library.in_language(language).lessons:
        window.lessons.open_lesson(lesson.id)
        for _ in lesson.steps:
            look.settle()
            instruction = window.screens.player.instruction
            assert misbroken(instruction) == [], (
                lesson.id,
                window.screens.player.index + 1,
                instruction.text(),
            )
            checked += 1
            window.screens.player.go_next()
    assert checked > 100


def test_a_label_keeps_a_word_on_one_line(qtbot, fonts: str) -> None:
    """QLabel breaks Japanese between any two characters; PhraseLabel between phrases."""
    sentence = "これはマイナンバーカードです"
    font = QFont(fonts)
    font.setPixelSize(72)
    width = round(QFontMetricsF(font).horizontalAdvance("これはマイナンバー")) + 2

    def shown_lines(label: QLabel) -> list[str]:
        shown = QLabel.text(label)  # what Qt lays out and draws, joiners and all
        layout = QTextLayout(shown, label.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            lines.append(without_joiners(shown[line.textStart() : line.textStart() + line.textLength()]))
        layout.endLayout()
        return lines

    labels = []
    for kind in (QLabel, PhraseLabel):
        label = kind(sentence)
        label.setFont(font)
        label.setWordWrap(True)
        qtbot.addWidget(label)
        label.setFixedWidth(width)
        label.show()
        labels.append(label)
    plain_label, phrase_label = labels
    assert "マイナンバーカード" not in "".join(f"{line}|" for line in shown_lines(plain_label))
    lines = shown_lines(phrase_label)
    assert any("マイナンバーカード" in line for line in lines), lines
    assert "".join(lines) == sentence
    # Laid out for that many lines, and everything else sees the clean text.
    assert phrase_label.heightForWidth(width) >= len(lines) * QFontMetricsF(font).lineSpacing()
    assert phrase_label.text() == sentence and phrase_label.accessibleName() == sentence
    assert WORD_JOINER not in phrase_label.text()


def test_a_label_narrower_than_a_phrase_breaks_it_rather_than_cutting_it(qtbot, fonts: str) -> None:
    font = QFont(fonts)
    font.setPixelSize(72)
    metrics = QFontMetricsF(font)
    label = PhraseLabel("マイナンバーカードを用意します")
    label.setFont(font)
    label.setWordWrap(True)
    qtbot.addWidget(label)
    label.setFixedWidth(round(metrics.horizontalAdvance("マイナンバー")) + 2)
    label.show()
    shown = QLabel.text(label)
    needed = metrics.boundingRect(QRect(0, 0, label.width(), 10_000), int(Qt.TextFlag.TextWordWrap), shown)
    assert needed.width() <= label.width()
    assert label.heightForWidth(label.width()) >= needed.height()


def test_joiners_go_only_inside_japanese_phrases() -> None:
    assert without_joiners(keep_phrases("しばらく お待ちください")) == "しばらく お待ちください"
    assert keep_phrases("Press the power button.") == "Press the power button."
    joined = keep_phrases("iPhoneの場合は、右側のボタンを押します。")
    assert joined.startswith("iPhone" + WORD_JOINER + "の")  # no joiner inside a Latin word
    assert "場合は、右" not in joined  # a phrase boundary stays breakable
    assert "、" + WORD_JOINER not in joined


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _japanese_texts() -> set[str]:
    """Every Japanese text the kiosk shows: content in all its Japanese forms, and the screens'."""
    texts: set[str] = set()
    for folder in (LESSONS_DIR, PROCEDURES_DIR, TROUBLES_DIR, GLOSSARY_DIR):
        for file in folder.rglob("*.yaml"):
            if "en" not in file.relative_to(folder).parts:
                texts.update(_strings(yaml.safe_load(file.read_text(encoding="utf-8"))))
    for message in ET.parse(PACKAGE_DIR / "i18n" / "kiosk_ja-easy.ts").iter("message"):
        texts.update(message.findtext(tag) or "" for tag in ("source", "translation"))
    return {plain(text) for text in texts if any(is_cjk(ch) for ch in text)}


def _lone(phrase: str) -> bool:
    char = phrase.strip()
    return len(char) == 1 and is_cjk(char) and char not in NO_LINE_START | NO_LINE_END


def test_no_japanese_character_is_a_phrase_alone() -> None:
    """A phrase of one character ends up alone at the start or end of a line: BudouX cuts some
    off their word (「こまった ことから さが／す」, 「ホーム画面に も／どります」), and a particle
    or counter written apart after a number or Latin word is one too (「171 と」, 「{0} 秒」)."""
    texts = _japanese_texts()
    assert len(texts) > 2000
    cuts = {text: phrases(text) for text in texts if len(text.strip()) > 1}
    alone = {text: "｜".join(cut) for text, cut in cuts.items() if any(_lone(phrase) for phrase in cut)}
    assert alone == {}


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("こまった ことから さがす", "こまった ｜ことから ｜さがす"),  # BudouX: さが｜す
        ("ホーム画面に もどります。", "ホーム画面に ｜もどります。"),  # BudouX: も｜どります
        ("お金がもどることはありません。", "お金がもどる｜ことは｜ありません。"),  # がも｜どる
        ("災害の 伝言ダイヤル 171 と web171", "災害の ｜伝言ダイヤル ｜171 と ｜web171"),
        ("あと {0} 秒", "あと ｜{0} 秒"),
        ("地図が、今 いる 場所に", "地図が、｜今 いる ｜場所に"),  # a word of its own goes forward
        ("ときは ＋ と － を 使います。", "ときは ｜＋ と ｜－ を ｜使います。"),
    ],
)
def test_a_lone_character_goes_with_the_word_it_belongs_to(text: str, cut: str) -> None:
    assert "｜".join(phrases(text)) == cut
