"""A QLabel whose Japanese lines break between phrases, not between any two characters.

Qt's line breaker (UAX #14) may break CJK text anywhere (「マイナンバー／カード」) but
honours U+2060 WORD JOINER, which BIZ UDPGothic draws as nothing. The label shows its
text with joiners inside each phrase (kiosk.content.phrases) and gives the clean text to
everything else: `text()`, the accessible name, read-aloud. A phrase wider than the label
is left breakable, so Qt breaks it between characters instead of cutting it off.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.phrases import is_cjk, join_phrase, phrases, script_runs, without_joiners

_TALL = 100_000


def fitted_phrases(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` with joiners inside each phrase that fits in `width` px; a phrase wider than
    that is joined only within its script runs that fit (マイナンバーカード｜を)."""
    if not any(is_cjk(ch) for ch in text):
        return text

    def fits(part: str) -> bool:
        return metrics.horizontalAdvance(part.rstrip()) <= width

    out = []
    for phrase in phrases(without_joiners(text)):
        if fits(phrase):
            out.append(join_phrase(phrase))
        else:
            out.extend(join_phrase(run) if fits(run) else run for run in script_runs(phrase))
    return "".join(out)


class PhraseLabel(QLabel):
    """Drop-in for a word-wrapped QLabel showing Japanese: same API, phrase-aware wrapping."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clean = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        clean = without_joiners(text)
        if self.accessibleName() in ("", self._clean):
            self.setAccessibleName(clean)
        self._clean = clean
        self._show_for(self._text_width(self.width()))

    def text(self) -> str:
        return self._clean

    def _text_width(self, width: int) -> int:
        margins = self.contentsMargins()
        return width - margins.left() - margins.right() - 2 * self.margin() - max(0, self.indent())

    def _shown_for(self, text_width: int) -> str:
        if not self.wordWrap() or self.textFormat() == Qt.TextFormat.RichText:
            return self._clean
        return fitted_phrases(self._clean, self.fontMetrics(), text_width)

    def _show_for(self, text_width: int) -> None:
        shown = self._shown_for(text_width)
        if shown != super().text():
            super().setText(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_for(self._text_width(event.size().width()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new text size or role: phrases measure anew
            self._show_for(self._text_width(self.width()))

    def setWordWrap(self, on: bool) -> None:
        super().setWordWrap(on)
        self._show_for(self._text_width(self.width()))

    def heightForWidth(self, width: int) -> int:
        # QLabel measures the text it holds, which was fitted to the current width; a layout
        # asking about another width gets the height of the text as it would be fitted there.
        shown = self._shown_for(self._text_width(width))
        if shown == super().text():
            return super().heightForWidth(width)
        margins = self.contentsMargins()
        extra = margins.top() + margins.bottom() + 2 * self.margin()
        flags = int(self.alignment()) | int(Qt.TextFlag.TextWordWrap)
        box = QRect(0, 0, max(1, self._text_width(width)), _TALL)
        return self.fontMetrics().boundingRect(box, flags, shown).height() + extra

    def widest_phrase(self) -> int:
        """The width its widest phrase (or word) needs on one line, margins included: where
        a name must never break («わからない», "Android"), what a layout gives it at least."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(part.strip()) for part in phrases(self._clean)), default=0)
        margins = self.contentsMargins()
        return widest + margins.left() + margins.right() + 2 * self.margin() + max(0, self.indent())

    def minimumSizeHint(self) -> QSize:
        # As narrow as the text broken by character: joined phrases must not widen the layout
        # (a phrase wider than the width it gets is broken anyway).
        hint = super().minimumSizeHint()
        if not self.wordWrap() or not any(is_cjk(ch) for ch in self._clean):
            return hint
        flags = int(Qt.TextFlag.TextWordWrap)
        narrow = self.fontMetrics().boundingRect(QRect(0, 0, 1, _TALL), flags, self._clean).width()
        margins = self.contentsMargins()
        extra = margins.left() + margins.right() + 2 * self.margin() + max(0, self.indent())
        return QSize(min(hint.width(), narrow + extra), hint.height())
