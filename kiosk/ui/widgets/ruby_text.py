"""A wrapped paragraph that can draw furigana (ruby) above kanji.

Qt's rich text ignores <ruby>, so this widget lays the text out itself: pieces
with a reading are kept whole and their reading is drawn above them at half
size; everything else wraps between characters, as Japanese does. Line spacing
is 1.5 without furigana (WCAG 1.4.8); the readings sit in that space.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.speech.readings import Piece, ReadingsUnavailable, plain, ruby

log = logging.getLogger("kiosk.ui")

Rubifier = Callable[[str], list[Piece]]
_NO_LINE_START = set("、。，．・）」』】ー！？ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ")


@dataclass
class _Box:
    text: str
    reading: str | None
    width: float


@dataclass
class _Placed:
    box: _Box
    x: float
    line: int


_WORD = re.compile(r"[「『（【]*(?:[A-Za-z0-9#@.,:/+\-]+|.)")


def _unbreakable(text: str) -> list[str]:
    """Units a line may not break inside: a Latin word or number (iPhone, #9110), an opening bracket
    with what follows it; anything else one character at a time, as Japanese wraps."""
    return _WORD.findall(text)


def _carry(placed: list[_Placed], line: int) -> list[_Placed]:
    """Take the last characters off `line` to move down with a character that may not start a line.

    Returns nothing when that would empty the line (one long word: it hangs instead).
    """
    carried: list[_Placed] = []
    while placed and placed[-1].line == line and len(carried) < 4:
        carried.insert(0, placed.pop())
        if carried[0].box.text not in _NO_LINE_START:
            break
    if placed and placed[-1].line == line:
        return carried
    placed.extend(carried)
    return []


class RubyText(QLabel):
    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        role: str | None = None,
        rubify: Rubifier = ruby,
    ) -> None:
        super().__init__(parent)
        self._source = ""
        self._pieces: list[Piece] = []
        self._furigana = False
        self._rubify = rubify
        self._centred = False
        if role:
            self.setProperty("role", role)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setWordWrap(True)
        self.setText(text)

    # ---- text ----------------------------------------------------------------------

    def setText(self, text: str) -> None:
        self._source = text
        shown = plain(text)
        super().setText(shown)  # what text() returns, what screen readers get
        self.setAccessibleName(shown)
        self._update_pieces()

    def text(self) -> str:
        return plain(self._source)

    def source(self) -> str:
        return self._source

    def clear(self) -> None:
        self.setText("")

    def set_furigana(self, on: bool) -> None:
        if on != self._furigana:
            self._furigana = on
            self._update_pieces()

    @property
    def furigana(self) -> bool:
        return self._furigana

    def setAlignment(self, alignment: Qt.AlignmentFlag) -> None:
        super().setAlignment(alignment)
        self._centred = bool(alignment & Qt.AlignmentFlag.AlignHCenter)
        self.update()

    def readings_drawn(self) -> list[Piece]:
        """The pieces that carry a reading on screen now (for tests and checks)."""
        return [p for p in self._pieces if p.reading] if self._furigana else []

    def _update_pieces(self) -> None:
        self._pieces = [Piece(plain(self._source))] if self._source else []
        if self._furigana and self._source:
            try:
                self._pieces = self._rubify(self._source)
            except ReadingsUnavailable as exc:
                log.warning("furigana unavailable: %s", exc)
        self.updateGeometry()
        self.update()

    # ---- layout --------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        base = self.font()
        small = QFont(base)
        small.setPixelSize(max(12, round(self._pixel_size() * 0.5)))
        small.setBold(False)
        return base, small

    def _pixel_size(self) -> int:
        size = self.font().pixelSize()
        return size if size > 0 else round(self.font().pointSizeF() * 96 / 72)

    def _line_height(self) -> float:
        base, small = self._fonts()
        height = QFontMetricsF(base).height()
        if self._furigana:
            return QFontMetricsF(small).height() + height * 1.1
        return height * 1.5

    def _boxes(self) -> list[_Box]:
        base, small = self._fonts()
        metrics, small_metrics = QFontMetricsF(base), QFontMetricsF(small)
        boxes: list[_Box] = []
        for piece in self._pieces:
            if piece.reading and self._furigana:
                width = max(
                    metrics.horizontalAdvance(piece.text), small_metrics.horizontalAdvance(piece.reading)
                )
                boxes.append(_Box(piece.text, piece.reading, width))
            else:
                for line_part in piece.text.split("\n"):
                    boxes.extend(
                        _Box(run, None, metrics.horizontalAdvance(run)) for run in _unbreakable(line_part)
                    )
                    boxes.append(_Box("\n", None, 0))
                boxes.pop()
        return boxes

    def _layout(self, width: float) -> tuple[list[_Placed], int]:
        placed: list[_Placed] = []
        x, line = 0.0, 0
        for box in self._boxes():
            if box.text == "\n":
                x, line = 0.0, line + 1
                continue
            if x > 0 and x + box.width > width:
                # 。、」 and small kana may not start a line: the character before goes down with them.
                carried = _carry(placed, line) if box.text in _NO_LINE_START else []
                if box.text not in _NO_LINE_START or carried:
                    x, line = 0.0, line + 1
                    for item in carried:
                        placed.append(_Placed(item.box, x, line))
                        x += item.box.width
            placed.append(_Placed(box, x, line))
            x += box.width
        lines = (placed[-1].line + 1) if placed else 0
        return placed, lines

    def overflow(self) -> float:
        """How far (px) the widest line runs past the text area: 0 when everything shows."""
        width = self._content_width()
        placed, _ = self._layout(width)
        return max([0.0, *(item.x + item.box.width - width for item in placed)])

    def _content_width(self) -> float:
        margins = self.contentsMargins()
        return max(1.0, self.width() - margins.left() - margins.right())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        _, lines = self._layout(max(1, width - margins.left() - margins.right()))
        return round(max(1, lines) * self._line_height()) + margins.top() + margins.bottom() + 2

    def sizeHint(self) -> QSize:
        width = max(200, self.width())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        base, _ = self._fonts()
        return QSize(round(QFontMetricsF(base).horizontalAdvance("漢字漢字")), round(self._line_height()))

    # ---- drawing -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(self.palette().windowText().color())
        base, small = self._fonts()
        line_height = self._line_height()
        margins = self.contentsMargins()
        width = self._content_width()
        placed, _ = self._layout(width)
        base_metrics = QFontMetricsF(base)
        ruby_height = (
            QFontMetricsF(small).height() if self._furigana else (line_height - base_metrics.height()) / 2
        )
        line_widths: dict[int, float] = {}
        for item in placed:
            line_widths[item.line] = item.x + item.box.width
        for item in placed:
            shift = (width - line_widths[item.line]) / 2 if self._centred else 0.0
            left = margins.left() + shift + item.x
            top = margins.top() + item.line * line_height
            base_rect = QRectF(left, top + ruby_height, item.box.width, base_metrics.height())
            painter.setFont(base)
            painter.drawText(
                base_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, item.box.text
            )
            if item.box.reading:
                painter.setFont(small)
                ruby_rect = QRectF(left - 20, top, item.box.width + 40, ruby_height)
                painter.drawText(
                    ruby_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, item.box.reading
                )
