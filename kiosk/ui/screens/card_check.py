"""「カードを かざして 調べる」: put the card on the reader, then a calm result.

While the card is read the screen shows where to put it; then the e-certificate's expiry
and each PIN's tries, each with ✓ ！ × and what to do, and the ways on: the renewal lesson,
the PIN lesson, a take-home slip, another card. Nothing about the card is kept once the
person has gone (`clear`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.card.check import CardCheck
from kiosk.content.library import LessonLibrary
from kiosk.drawing.language import SOURCE
from kiosk.handoff.card_slip import MARKS, PIN_LESSON, RENEWAL_LESSON, CardLines, Line, card_lines
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.button_grid import ButtonGrid
from kiosk.ui.widgets.fitting import set_role
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.picture import PictureView
from kiosk.ui.widgets.ruby_text import RubyText

PICTURE = "card-check-place.svg"


class CardCheckScreen(Screen):
    show_home = False  # its own 「はじめに戻る」 is on the screen, as on the finish screen

    read_requested = Signal()
    lesson_requested = Signal(str)
    print_requested = Signal()
    done_requested = Signal()

    def __init__(self, pictures_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: CardCheck | None = None
        self._today = date.today()
        self._language = SOURCE
        self._problem = ""
        self.lead = RubyText()
        self.lead.setProperty("role", "instruction")
        self.picture = PictureView()
        self.picture.setMinimumHeight(220)
        self.picture.show_file(pictures_dir / PICTURE)
        self.note = RubyText()
        self.status = PhraseLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "progress")
        self.expiry = self._row()
        self.pins = [self._row() for _ in range(3)]
        self.print_status = PhraseLabel()
        self.print_status.setWordWrap(True)
        self.print_status.setProperty("role", "progress")
        self.again_button = QPushButton()
        self.again_button.clicked.connect(self.read_requested)
        self.renewal_button = QPushButton()
        self.renewal_button.clicked.connect(lambda: self.lesson_requested.emit(RENEWAL_LESSON))
        self.pin_button = QPushButton()
        self.pin_button.clicked.connect(lambda: self.lesson_requested.emit(PIN_LESSON))
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_requested)
        self.done_button = QPushButton()
        self.done_button.clicked.connect(self.done_requested)
        self.buttons = ButtonGrid(
            (self.renewal_button, self.pin_button, self.print_button, self.again_button, self.done_button),
            3,
            spacing=24,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 24)
        layout.setSpacing(12)
        layout.addWidget(self.lead)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addWidget(self.expiry)
        for row in self.pins:
            layout.addWidget(row)
        layout.addStretch(0)
        layout.addWidget(self.print_status)
        layout.addLayout(self.buttons)
        self.retranslate()
        self.show_waiting()

    @staticmethod
    def _row() -> RubyText:
        row = RubyText()
        row.setObjectName("Card")
        row.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row.setMargin(12)
        return row

    def retranslate(self) -> None:
        self.lead.setText(self.tr("マイナンバーカードを 読み取り機の 上に のせて ください。"))
        self.note.setText(self.tr("暗証番号は いりません。お名前や 住所、マイナンバーは 読みません。"))
        self.again_button.setText(self.tr("もう一度 読み取る"))
        self.renewal_button.setText(self.tr("更新の しかた"))
        self.pin_button.setText(self.tr("暗証番号の 直し方"))
        self.print_button.setText(self.tr("紙に 印刷する"))
        self.done_button.setText(self.tr("はじめに戻る"))
        if self._problem:
            self.status.setText(self._problem_text(self._problem))
        elif self.result is None:
            self.status.setText(self._reading_text())
        self.buttons.fit(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.buttons.fit(self)

    def screen_title(self) -> str:
        return self.tr("カードを 調べる")

    def speech_text(self) -> str:
        if self.result is None:
            return "。".join(
                text for text in (self.lead.text(), self.note.text(), self.status.text()) if text
            )
        rows = [self.expiry.text(), *(row.text() for row in self.pins)]
        spoken = "。".join(row.replace("\n", "。") for row in rows)
        for mark in MARKS.values():  # the words say it; a voice would read the symbol's name
            spoken = spoken.replace(f"{mark} ", "")
        return spoken

    def _reading_text(self) -> str:
        return self.tr("読み取りには 数秒 かかります。終わるまで カードを 動かさないで ください。")

    def _problem_text(self, kind: str) -> str:
        texts = {
            "no_reader": self.tr("読み取り機が つながって いません。係員に お声がけ ください。"),
            "no_card": self.tr(
                "カードが 見つかりませんでした。カードを のせてから 「もう一度 読み取る」を おして ください。"
            ),
            "not_my_number_card": self.tr(
                "マイナンバーカードでは ないようです。マイナンバーカードを のせて ください。"
            ),
            "card_removed": self.tr(
                "カードが はなれました。もう一度 ゆっくり のせて、動かさないで ください。"
            ),
        }
        return texts.get(
            kind, self.tr("うまく 読めませんでした。ケースから 出して、もう一度 ゆっくり のせて ください。")
        )

    # ---- what the flow shows --------------------------------------------------------------

    def show_waiting(self) -> None:
        """Put the card on the reader: the picture, and how long it takes."""
        self.result, self._problem = None, ""
        self._show_parts(result=False)
        self.status.setText(self._reading_text())
        self.again_button.hide()
        self._lead_with(self.done_button)

    def show_problem(self, kind: str) -> None:
        """A calm sentence for what went wrong (a CardProblem's kind), and 「もう一度」."""
        self.result, self._problem = None, kind
        self._show_parts(result=False)
        self.status.setText(self._problem_text(kind))
        self.again_button.show()
        self._lead_with(self.again_button)

    def show_result(self, result: CardCheck, today: date, language: str) -> None:
        self.result, self._today, self._language, self._problem = result, today, language, ""
        lines = card_lines(result, today, language)
        self._show_parts(result=True)
        self.expiry.setText(self._line_text(lines.expiry))
        for row, (name, line) in zip(self.pins, lines.pins, strict=True):
            row.setText(f"{name}\n{self._line_text(line)}")
        self.again_button.show()
        self._lead_with(self.done_button, lines)

    @staticmethod
    def _line_text(line: Line) -> str:
        text = f"{line.mark} {line.text}"
        return f"{text}\n{line.advice}" if line.advice else text

    def _show_parts(self, *, result: bool) -> None:
        for widget in (self.lead, self.picture, self.note, self.status):
            widget.setVisible(not result)
        for row in (self.expiry, *self.pins):
            row.setVisible(result)
        self.print_status.clear()
        self.print_status.hide()

    def _lead_with(self, button: QPushButton, lines: CardLines | None = None) -> None:
        """The buttons for what is shown, `button` in the colour of the next step."""
        for other in (self.again_button, self.done_button):
            set_role(other, "primary" if other is button else None)
        self.renewal_button.setVisible(lines is not None and lines.renewal)
        self.pin_button.setVisible(lines is not None and lines.pin_help)
        self.print_button.setVisible(lines is not None)
        self.buttons.fit(self)

    # ---- printing (the flow's PrintingScreen) ---------------------------------------------

    def show_status(self, text: str, *, failed: bool = False) -> None:
        self.print_status.setText(text)
        self.print_status.show()

    def set_printing(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy)

    # ---- the person and their language ----------------------------------------------------

    def show_in_language(self, library: LessonLibrary) -> None:
        if self.result is not None:
            self.show_result(self.result, self._today, library.language)

    def clear(self) -> None:
        self.show_waiting()
        for row in (self.expiry, *self.pins):
            row.clear()
