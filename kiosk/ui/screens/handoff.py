"""Hand-off: the official page as a big QR for the citizen's own phone, the PIN warning,
one step at a time, and 「印刷する」 for a slip to take home."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content.procedures import Pin, Procedure
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.qr_view import QrView
from kiosk.ui.widgets.ruby_text import RubyText

PIN_PAGES = {
    Pin.USER: ("4けたの 暗証番号が いります。", "3回 まちがえると ロックされます。"),
    Pin.SIGNATURE: ("6〜16けたの 英数字の 暗証番号が いります。", "5回 まちがえると ロックされます。"),
}


def pin_page(pin: Pin) -> str:
    """The PIN warning, short enough for one page at 特大."""
    if pin is Pin.NONE:
        return "暗証番号は いりません。"
    return "\n".join((*PIN_PAGES[pin], "だれにも 教えないでください。"))


class HandoffScreen(Screen):
    print_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.procedure: Procedure | None = None
        self.pages: list[str] = []
        self.page = 0
        self.qr = QrView()
        caption = QLabel(self.tr("スマホの カメラで 読み取って ください"))
        caption.setWordWrap(True)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left = QVBoxLayout()
        left.addWidget(self.qr, 1)
        left.addWidget(caption)
        self.page_text = RubyText()
        self.page_text.setObjectName("Card")
        self.page_text.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.page_text.setContentsMargins(24, 16, 24, 16)
        self.status = RubyText()
        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self.page_text)
        right.addWidget(self.status)
        right.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(40)
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        self.prev_button = QPushButton(self.tr("◀ 前へ"))
        self.next_button = QPushButton(self.tr("次へ ▶"))
        self.print_button = QPushButton(self.tr("印刷する"))
        self.print_button.setProperty("role", "primary")
        self.prev_button.clicked.connect(lambda: self._turn(-1))
        self.next_button.clicked.connect(lambda: self._turn(+1))
        self.print_button.clicked.connect(self._print)
        footer = QHBoxLayout()
        footer.setSpacing(32)
        footer.addWidget(self.prev_button, 1)
        footer.addWidget(self.print_button, 2)
        footer.addWidget(self.next_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 24)
        layout.setSpacing(20)
        layout.addLayout(body, 1)
        layout.addLayout(footer)

    def screen_title(self) -> str:
        return self.procedure.title if self.procedure else ""

    def speech_text(self) -> str:
        return self.page_text.source()

    def show_procedure(self, procedure: Procedure) -> None:
        self.procedure = procedure
        self.qr.set_url(procedure.url)
        steps = [
            f"手順 {n} / {len(procedure.steps)}\n{step}" for n, step in enumerate(procedure.steps, start=1)
        ]
        self.pages = [f"{procedure.summary}", pin_page(procedure.pin), *steps]
        self.page = 0
        self.show_status("")
        self._fill()

    def show_status(self, message: str) -> None:
        self.status.setText(message)
        self.status.setVisible(bool(message))

    def set_printing(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy)
        self.print_button.setText(self.tr("印刷しています…") if busy else self.tr("印刷する"))

    def clear(self) -> None:
        self.procedure, self.pages, self.page = None, [], 0
        self.qr.set_url("")
        self.page_text.clear()
        self.show_status("")
        self.set_printing(False)

    def _turn(self, delta: int) -> None:
        self.page = min(max(0, self.page + delta), len(self.pages) - 1)
        self._fill()

    def _fill(self) -> None:
        self.page_text.setText(self.pages[self.page] if self.pages else "")
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < len(self.pages) - 1)

    def _print(self) -> None:
        if self.procedure is not None:
            self.print_requested.emit(self.procedure.id)
