"""The close-out's last tap: an optional short note for staff, never personal data.

A note that looks like a phone number, My Number, e-mail address or PIN is
refused by the records store; the card then asks, calmly, for a rewrite.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from kiosk.ui.widgets.overlay import Overlay

MAX_NOTE = 100


class NoteCard(Overlay):
    done = Signal(dict, str)  # the close-out answers, the note ("" for none)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.answers: dict[str, str] = {}
        self._refused = False  # the body asks for a rewrite instead of reminding
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setMinimumHeight(80)
        self.skip_button = QPushButton()
        self.skip_button.clicked.connect(lambda: self.done.emit(self.answers, ""))
        self.save_button = QPushButton()
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(lambda: self.done.emit(self.answers, self.note.text().strip()))
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(self.skip_button)
        row.addWidget(self.save_button)
        self.content.addWidget(self.note)
        self.content.addLayout(row)
        self.content.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("メモ（なくても かまいません）"))
        self.note.setAccessibleName(self.tr("メモ"))
        self.skip_button.setText(self.tr("メモなしで おわる"))
        self.save_button.setText(self.tr("メモを 記録して おわる"))
        if self.body.source():
            self._show_body()

    def ask(self, answers: dict[str, str]) -> None:
        self.answers = answers
        self.note.clear()
        self._refused = False
        self._show_body()
        self.open()

    def clear(self) -> None:
        self.note.clear()
        self._refused = False

    def refuse(self) -> None:
        """The store found something personal in the note: nothing was saved; ask for a rewrite."""
        self._refused = True
        self._show_body()

    def _show_body(self) -> None:
        if self._refused:
            self.body.setText(
                self.tr("個人の 情報が 入っている ようです。書き直すか、メモなしで おわって ください。")
            )
        else:
            self.body.setText(self.tr("お名前・電話番号・マイナンバー・暗証番号は 書かないで ください。"))
