"""The words on a big button: a RubyText set like a QLabel (single-spaced, centred in its
height), so the buttons keep their size and furigana reaches them like body text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.markup import plain
from kiosk.content.phrases import is_cjk
from kiosk.speech.readings import ruby
from kiosk.ui.widgets.ruby_text import Rubifier, RubyText

JAPANESE_SPACING = 1.17


class ButtonText(RubyText):
    """A title or description inside a button. The button stays the one thing pressed: the text
    lets the mouse through, and its readings never reach the button's accessible name."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, rubify: Rubifier = ruby) -> None:
        super().__init__(text, parent, rubify=rubify, line_spacing=1.0)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def setText(self, text: str) -> None:
        # The spacing of the label this replaces, which the screens were fitted to: Japanese
        # lines 1.17 (its phrases' joiners came from a fallback font with taller lines, a gap
        # that Japanese needs anyway), Latin lines single.
        self._line_spacing = JAPANESE_SPACING if any(is_cjk(ch) for ch in plain(text)) else 1.0
        super().setText(text)

    def _reading_band(self) -> bool:
        # A button's words without kanji stay centred: no empty band above them.
        return bool(self.readings_drawn())

    def _text_top(self, lines: int) -> float:
        top = super()._text_top(lines)
        if not self.alignment() & Qt.AlignmentFlag.AlignVCenter:
            return top
        spare = self.contentsRect().height() - lines * self._line_height()
        return top + max(0.0, spare / 2)

    def sizeHint(self) -> QSize:
        # QLabel's choice of width for a wrapped text (the one the buttons were sized by),
        # and this widget's height at that width (readings add a band to each line).
        width = QLabel.sizeHint(self).width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # As narrow as the widest piece that may not be broken (a character, a Latin word,
        # a word with its reading): the button does not widen the layout for whole phrases.
        margins = self.contentsMargins()
        widest = max([0.0, *(box.width for box in self._boxes() if not box.blank)])
        return QSize(
            round(widest) + 1 + margins.left() + margins.right(),
            round(self._line_height()) + margins.top() + margins.bottom(),
        )
