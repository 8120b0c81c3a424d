"""「本当に しますか？」 before a staff action that changes the whole kiosk (終了, 災害モード).

A big, calm card with two buttons side by side: the action in words (「はい、終了します」)
and 「やめる」. One stray tap on the staff screen no longer closes the kiosk or
turns a shelter's kiosk back to normal.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget

from kiosk.ui.widgets.overlay import Overlay


class Ask(StrEnum):
    EXIT = "exit"
    DISASTER_ON = "disaster-on"
    DISASTER_OFF = "disaster-off"


class ConfirmCard(Overlay):
    confirmed = Signal(str)  # the Ask that was answered 「はい」
    bar_calls_staff = False  # staff are the ones asking

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.asking: Ask | None = None
        self.no_button = QPushButton()
        self.no_button.clicked.connect(self.dismiss)
        self.yes_button = QPushButton()
        self.yes_button.setProperty("role", "primary")
        self.yes_button.clicked.connect(self._yes)
        self.buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.buttons.setSpacing(48)
        self.buttons.addWidget(self.no_button, 1)
        self.buttons.addWidget(self.yes_button, 1)
        self.content.addLayout(self.buttons)
        self.content.addStretch(1)
        self.retranslate()

    def ask(self, what: Ask) -> None:
        self.asking = what
        self.retranslate()
        self.open()

    def retranslate(self) -> None:
        self.no_button.setText(self.tr("やめる"))
        if self.asking is Ask.EXIT:
            self.heading.setText(self.tr("キオスクを 終了しますか？"))
            self.body.setText(
                self.tr(
                    "この 画面が 閉じて、相談に 来た 方は 使えなく なります。\n"
                    "続けるときは「やめる」を 押します。"
                )
            )
            self.yes_button.setText(self.tr("はい、終了します"))
        elif self.asking is Ask.DISASTER_ON:
            self.heading.setText(self.tr("災害モードに しますか？"))
            self.body.setText(
                self.tr("はじめの 画面が 避難所の ご案内に 変わります。\nあとで ふだんの モードに 戻せます。")
            )
            self.yes_button.setText(self.tr("はい、災害モードに します"))
        elif self.asking is Ask.DISASTER_OFF:
            self.heading.setText(self.tr("ふだんの モードに 戻しますか？"))
            self.body.setText(
                self.tr("はじめの 画面が ふだんの 相談室に 戻ります。\n避難所の ご案内は 消えます。")
            )
            self.yes_button.setText(self.tr("はい、ふだんに 戻します"))

        self._fit_buttons()

    def _fit_buttons(self) -> None:
        """Side by side while both labels fit; one above the other at big text sizes."""
        room = self.width() - 2 * 96 - 2 * 24 - self.buttons.spacing()
        widest = max(self.no_button.sizeHint().width(), self.yes_button.sizeHint().width())
        across = 2 * widest <= room
        self.buttons.setDirection(
            QBoxLayout.Direction.LeftToRight if across else QBoxLayout.Direction.TopToBottom
        )
        self.buttons.setSpacing(48 if across else 24)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_buttons()

    def _yes(self) -> None:
        what, self.asking = self.asking, None
        self.hide()
        if what is not None:
            self.confirmed.emit(what.value)

    def dismiss(self) -> None:
        self.asking = None
        super().dismiss()

    def clear(self) -> None:
        """The visit ended (sign-out, idle): nothing stays asked for the next person."""
        self.asking = None
        self.hide()
