"""A wrapped paragraph that can draw furigana (ruby) above kanji.

Qt's rich text ignores <ruby>, so this widget lays the text out itself: pieces
with a reading are kept whole and their reading is drawn above them at half
size. Lines break between phrases (kiosk.content.phrases: BudouX for Japanese,
spaces for English), never inside a word; only a phrase wider than the whole line
is broken between characters. Line spacing is 1.5 without furigana (WCAG 1.4.8);
the readings sit in that space.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.content.markup import plain
from kiosk.content.phrases import NO_LINE_START, break_points, script_points
from kiosk.speech.readings import Piece, ReadingsUnavailable, ruby

log = logging.getLogger("kiosk.ui")

Rubifier = Callable[[str], list[Piece]]


@dataclass
class _Box:
    text: str
    reading: str | None
    width: float
    # A line may break before this box (a phrase starts here); "\n" boxes always break.
    break_before: bool = True
    # Second best, inside a phrase wider than a line: the script changes here (カード｜を).
    soft_before: bool = True

    @property
    def blank(self) -> bool:
        return self.text.isspace()


@dataclass
class _Placed:
    box: _Box
    x: float
    line: int


@dataclass(frozen=True)
class ShownLine:
    """One line as a reader sees it."""

    offset: int  # where it starts in the shown text
    text: str
    inked: float  # how far (px) its last visible character reaches


READING_FLOOR_PX = 22  # 18 px (half of 標準's 36) was too small for the people who need readings
READING_MAX_RATIO = 0.7  # on a small text the floor gives way: readings stay clearly smaller
LINE_GAP = 0.1  # of the text's height, between a line and the readings of the next


def reading_px(text_px: int) -> int:
    """Pixel size of the readings above a text of `text_px`: half of it, as ruby usually is,
    but at least 22 px on any text of 32 px or more (標準's body 36 → 22, 大 48 → 24, 特大 72 → 36)."""
    return max(12, round(text_px * 0.5), min(READING_FLOOR_PX, round(text_px * READING_MAX_RATIO)))


_WORD = re.compile(r"[「『（【]*(?:[A-Za-z0-9#@.,:/+\-]+|.)")


def _unbreakable(text: str) -> list[str]:
    """Units a line may not break inside even when a phrase must be broken: a Latin word or number
    (iPhone, #9110), an opening bracket with what follows it; anything else one character."""
    return _WORD.findall(text)


def _phrases(boxes: list[_Box], soft: bool = False) -> list[list[_Box]]:
    """Boxes grouped into what may not be broken: a phrase (a script run when `soft`),
    or a forced line break alone."""
    groups: list[list[_Box]] = []
    for box in boxes:
        starts = box.soft_before if soft else box.break_before
        if box.text == "\n" or starts or not groups or groups[-1][0].text == "\n":
            groups.append([box])
        else:
            groups[-1].append(box)
    return groups


def _inked(boxes: list[_Box]) -> float:
    """Width without the spaces at the end (they may hang past the edge: nothing is drawn)."""
    end = len(boxes)
    while end and boxes[end - 1].blank:
        end -= 1
    return sum(box.width for box in boxes[:end])


def _split_long(boxes: list[_Box], room: float, width: float) -> list[list[_Box]]:
    """A phrase wider than a line, cut between characters: the first part fills the `room`
    left on the current line (it may be empty), the others whole lines. A part never starts
    with 。 or a small kana, and the last part is never one character alone."""
    parts: list[list[_Box]] = [[]]
    for box in boxes:
        part = parts[-1]
        if (part or room < width) and _inked([*part, box]) > room:
            carried: list[_Box] = []
            if box.text in NO_LINE_START:  # 。 may not start a line: the character before goes too
                keep = 0 if len(parts) == 1 and room < width else 1
                while len(part) > keep and len(carried) < 4:
                    carried.insert(0, part.pop())
                    if carried[0].text not in NO_LINE_START:
                        break
                if not carried or carried[0].text in NO_LINE_START:  # one long word: it hangs
                    part.extend(carried)
                    part.append(box)
                    continue
            parts.append(carried)
            room = width
        parts[-1].append(box)
    last = parts[-1]
    if len(parts) > 1 and len(last) == 1 and len(last[0].text) == 1 and len(parts[-2]) > 2:
        moved = parts[-2][-1]
        if moved.text not in NO_LINE_START and _inked([moved, *last]) <= width:
            last.insert(0, parts[-2].pop())
    return parts


class RubyText(QLabel):
    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        role: str | None = None,
        rubify: Rubifier = ruby,
        line_spacing: float = 1.5,
    ) -> None:
        super().__init__(parent)
        self._line_spacing = line_spacing
        self._source = ""
        self._pieces: list[Piece] = []
        self._furigana = False
        self._rubify = rubify
        self._centred = False
        # Laid-out boxes for the current text and fonts, and lines for the last few widths:
        # layout runs on every paint and every heightForWidth the layouts ask for.
        self._boxes_cache: tuple[tuple[str, str, bool], list[_Box]] | None = None
        self._layouts: dict[float, tuple[list[_Placed], int]] = {}
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
        self._boxes_cache = None
        self._layouts.clear()
        self.updateGeometry()
        self.update()

    # ---- layout --------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        base = self.font()
        small = QFont(base)
        small.setPixelSize(reading_px(self._pixel_size()))
        small.setBold(False)
        return base, small

    def _pixel_size(self) -> int:
        size = self.font().pixelSize()
        return size if size > 0 else round(self.font().pointSizeF() * 96 / 72)

    def reading_pixel_size(self) -> int:
        """Pixel size the readings are drawn at (with furigana on)."""
        return self._fonts()[1].pixelSize()

    def _reading_band(self) -> bool:
        """Whether each line has a band for readings (all lines alike: a paragraph's lines stay
        evenly spaced, and texts side by side line up)."""
        return self._furigana

    def _line_height(self) -> float:
        base, small = self._fonts()
        height = QFontMetricsF(base).height()
        if self._reading_band():
            # The UD font's kanji and kana fill their whole height: the readings get a band of
            # their own, and a gap keeps them off the line above.
            return QFontMetricsF(small).height() + height * (1 + LINE_GAP)
        return height * self._line_spacing

    def _above_text(self) -> float:
        """Space in a line above the text's own glyphs: the readings' band, or half the spacing."""
        base, small = self._fonts()
        height = QFontMetricsF(base).height()
        if self._reading_band():
            return height * LINE_GAP / 2 + QFontMetricsF(small).height()
        return (self._line_height() - height) / 2

    def _text_top(self, lines: int) -> float:
        """Where the first line starts (a paragraph starts at the top of its contents)."""
        return float(self.contentsMargins().top())

    def _boxes(self) -> list[_Box]:
        base, small = self._fonts()
        key = (base.key(), small.key(), self._furigana)
        if self._boxes_cache is not None and self._boxes_cache[0] == key:
            return self._boxes_cache[1]
        metrics, small_metrics = QFontMetricsF(base), QFontMetricsF(small)
        shown = "".join(piece.text for piece in self._pieces)
        breaks, soft = break_points(shown), script_points(shown)
        boxes: list[_Box] = []
        start = 0
        for piece in self._pieces:
            if piece.reading and self._furigana:
                width = max(
                    metrics.horizontalAdvance(piece.text), small_metrics.horizontalAdvance(piece.reading)
                )
                boxes.append(_Box(piece.text, piece.reading, width, start in breaks, start in soft))
                start += len(piece.text)
                continue
            for run in _unbreakable(piece.text.replace("\n", "\0")):
                text = "\n" if run == "\0" else run
                width = 0.0 if text == "\n" else metrics.horizontalAdvance(text)
                boxes.append(_Box(text, None, width, start in breaks, start in soft))
                start += len(run)
        self._boxes_cache = (key, boxes)
        self._layouts.clear()
        return boxes

    def _layout(self, width: float) -> tuple[list[_Placed], int]:
        boxes = self._boxes()
        if width in self._layouts:
            return self._layouts[width]
        placed: list[_Placed] = []
        x, line = 0.0, 0

        def place(part: list[_Box], new_line: bool) -> None:
            nonlocal x, line
            if new_line:
                x, line = 0.0, line + 1
            for box in part:
                placed.append(_Placed(box, x, line))
                x += box.width

        for phrase in _phrases(boxes):
            if phrase[0].text == "\n":
                x, line = 0.0, line + 1
                continue
            # A phrase wider than a line breaks where its script changes, and a run still
            # wider by character, starting where the line has room for two characters.
            for run in _phrases(phrase, soft=True) if _inked(phrase) > width else [phrase]:
                if _inked(run) <= width:
                    place(run, x > 0 and x + _inked(run) > width)
                    continue
                room = width - x if x == 0 or x + _inked(run[:2]) <= width else 0.0
                for number, part in enumerate(_split_long(run, room, width)):
                    place(part, number > 0)
        result = placed, (placed[-1].line + 1) if placed else 0
        if len(self._layouts) > 8:
            self._layouts.clear()
        self._layouts[width] = result
        return result

    def overflow(self) -> float:
        """How far (px) the widest line runs past the text area: 0 when everything shows."""
        width = self.content_width()
        placed, _ = self._layout(width)
        return max([0.0, *(item.x + item.box.width - width for item in placed if not item.box.blank)])

    def content_width(self) -> float:
        """The width (px) the text may use inside the margins."""
        margins = self.contentsMargins()
        return max(1.0, self.width() - margins.left() - margins.right())

    def text_font(self) -> QFont:
        """The font the text (not its readings) is drawn in."""
        return self._fonts()[0]

    def widest_piece(self) -> float:
        """The widest unbreakable piece (px): a word with its reading above it, say."""
        return max((box.width for box in self._boxes()), default=0.0)

    def shown_lines(self, width: float | None = None) -> list[ShownLine]:
        """The lines a reader sees when the text is `width` px wide (its own width by default)."""
        placed, _ = self._layout(self.content_width() if width is None else width)
        lines: dict[int, ShownLine] = {}
        offset = 0
        for item in placed:
            line = lines.setdefault(item.line, ShownLine(offset, "", 0.0))
            inked = line.inked if item.box.blank else item.x + item.box.width
            lines[item.line] = ShownLine(line.offset, line.text + item.box.text, inked)
            offset += len(item.box.text)
        return [lines[number] for number in sorted(lines)]

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
        width = self.content_width()
        placed, lines = self._layout(width)
        base_metrics = QFontMetricsF(base)
        above = self._above_text()
        ruby_height = QFontMetricsF(small).height()
        first_top = self._text_top(lines)
        line_widths: dict[int, float] = {}
        for item in placed:
            if not item.box.blank:
                line_widths[item.line] = item.x + item.box.width
        for item in placed:
            if item.box.blank or item.box.text == "\n":
                continue
            shift = (width - line_widths[item.line]) / 2 if self._centred else 0.0
            left = margins.left() + shift + item.x
            top = first_top + item.line * line_height
            base_rect = QRectF(left, top + above, item.box.width, base_metrics.height())
            painter.setFont(base)
            # Not clipped to the line's box: the UD font's g, p, y reach a fraction below it.
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextDontClip
            painter.drawText(base_rect, flags, item.box.text)
            if item.box.reading:
                painter.setFont(small)
                ruby_rect = QRectF(left - 20, top + above - ruby_height, item.box.width + 40, ruby_height)
                painter.drawText(
                    ruby_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, item.box.reading
                )
