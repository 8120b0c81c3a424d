"""A wrapped paragraph with generous line spacing (WCAG 1.4.8 asks for 1.5) for older readers.

QLabel style sheets cannot set line height, so the text is laid out as rich text;
`text()` still returns the plain text, which is also the accessible name.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

LINE_HEIGHT = "150%"


class TextBlock(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str | None = None) -> None:
        super().__init__(parent)
        self._plain = ""
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        if role:
            self.setProperty("role", role)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._plain = text
        body = html.escape(text).replace("\n", "<br>")
        align = "center" if self.alignment() & Qt.AlignmentFlag.AlignHCenter else "left"
        super().setText(
            f'<p style="line-height:{LINE_HEIGHT}; margin:0" align="{align}">{body}</p>' if text else ""
        )
        self.setAccessibleName(text)

    def text(self) -> str:
        return self._plain

    def clear(self) -> None:
        self.setText("")

    def setAlignment(self, alignment: Qt.AlignmentFlag) -> None:
        super().setAlignment(alignment)
        self.setText(self._plain)
