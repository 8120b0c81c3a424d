"""Hand-off: the official page as a big QR for the citizen's own phone, the PIN warning,
one step at a time, and 「印刷する」 for a slip to take home."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content.procedures import Pin, Procedure
from kiosk.handoff.slip import LOCK_AFTER
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.fitting import compact_if_cut, set_compact
from kiosk.ui.widgets.qr_view import QrView
from kiosk.ui.widgets.ruby_text import RubyText

# Short enough for one line at 特大; the slip says the PIN's full name. Shown through translate().
PIN_BADGE = {
    Pin.USER: str(QT_TRANSLATE_NOOP("HandoffScreen", "暗証番号: 数字 4けた")),
    Pin.SIGNATURE: str(QT_TRANSLATE_NOOP("HandoffScreen", "暗証番号: 英数字 6〜16けた")),
    Pin.NONE: str(QT_TRANSLATE_NOOP("HandoffScreen", "暗証番号は いりません")),
}


# The card holds four lines at 特大 (about 13 characters each); a heading takes one.
CHARS_PER_LINE, LINES_PER_PAGE = 13, 3


def _fill_pages(items: list[str]) -> list[list[str]]:
    """Items packed in order onto as few pages as fit under a heading, none split."""
    pages: list[list[str]] = [[]]
    used = 0
    for item in items:
        lines = -(-len(item) // CHARS_PER_LINE)
        if pages[-1] and used + lines > LINES_PER_PAGE:
            pages.append([])
            used = 0
        pages[-1].append(item)
        used += lines
    return pages


def handoff_pages(procedure: Procedure) -> list[str]:
    """What the card on the right shows, one page at a time, each short enough for 特大.

    The words around the procedure's own text are in the language chosen now.
    """
    pages = [procedure.summary]
    if procedure.pin is not Pin.NONE:
        lock = QCoreApplication.translate("HandoffScreen", "{0}回 まちがえると ロックされます。").format(
            LOCK_AFTER[procedure.pin]
        )
        pages += [
            lock + "\n" + QCoreApplication.translate("HandoffScreen", "ロックは 市役所の 窓口で 直せます。"),
            QCoreApplication.translate(
                "HandoffScreen", "暗証番号は だれにも 教えないでください。\n係員にも 見せないでください。"
            ),
        ]
    count = len(procedure.steps)
    step_of = QCoreApplication.translate("HandoffScreen", "手順 {0} / {1}")
    pages += [f"{step_of.format(n, count)}\n{step}" for n, step in enumerate(procedure.steps, start=1)]
    bring = QCoreApplication.translate("HandoffScreen", "持ち物")
    pages += ["\n".join((bring, *chunk)) for chunk in _fill_pages([f"・{i}" for i in procedure.bring])]
    if procedure.note:
        pages.append(procedure.note)
    return pages


class HandoffScreen(Screen):
    print_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.procedure: Procedure | None = None
        self.pages: list[str] = []
        self.page = 0
        self.qr = QrView()
        self._caption = caption = QLabel()
        caption.setWordWrap(True)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left = QVBoxLayout()
        left.addWidget(self.qr, 1)
        left.addWidget(caption)
        self.page_text = RubyText()
        self.page_text.setObjectName("Card")
        self.page_text.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.page_text.setContentsMargins(24, 16, 24, 16)
        # Which PIN stays in view on every page: it is what people most need to know before they go.
        self.pin_badge = RubyText(role="warning")
        self.pin_badge.setContentsMargins(24, 6, 24, 6)
        self.status = ""
        self._printing = False
        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(self.pin_badge)
        right.addWidget(self.page_text)
        right.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(40)
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        self.prev_button = QPushButton()
        self.next_button = QPushButton()
        self.print_button = QPushButton()
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
        layout.setContentsMargins(48, 8, 48, 16)
        layout.setSpacing(16)
        layout.addLayout(body, 1)
        layout.addLayout(footer)
        self.retranslate()

    def retranslate(self) -> None:
        self._caption.setText(self.tr("スマホで 読み取って ください"))
        self.prev_button.setText(self.tr("◀ 前へ"))
        self.next_button.setText(self.tr("次へ ▶"))
        self.set_printing(self._printing)
        if self.procedure is not None:
            self.pin_badge.setText(QCoreApplication.translate("HandoffScreen", PIN_BADGE[self.procedure.pin]))
            self.pages = handoff_pages(self.procedure)
            # How printing went was told in the old language and cannot be told again: the page shows.
            self.show_status("")

    def screen_title(self) -> str:
        return self.procedure.title if self.procedure else ""

    def speech_text(self) -> str:
        return "\n".join(part for part in (self.pin_badge.source(), self.page_text.source()) if part)

    def show_procedure(self, procedure: Procedure) -> None:
        self.procedure = procedure
        self.qr.set_url(procedure.url)
        self.pin_badge.setText(QCoreApplication.translate("HandoffScreen", PIN_BADGE[procedure.pin]))
        self.pages = handoff_pages(procedure)
        self.page = 0
        self.show_status("")

    def show_status(self, message: str) -> None:
        """How printing went, in the card the person is looking at; 前へ/次へ return to the pages."""
        self.status = message
        self._fill()

    def set_printing(self, busy: bool) -> None:
        self._printing = busy
        self.print_button.setEnabled(not busy)
        self.print_button.setText(self.tr("印刷しています…") if busy else self.tr("印刷する"))

    def clear(self) -> None:
        self.procedure, self.pages, self.page = None, [], 0
        self.qr.set_url("")
        self.pin_badge.clear()
        self.show_status("")
        self.set_printing(False)

    def _turn(self, delta: int) -> None:
        self.status = ""
        self.page = min(max(0, self.page + delta), len(self.pages) - 1)
        self._fill()

    def _fill(self) -> None:
        self.page_text.setText(self.status or (self.pages[self.page] if self.pages else ""))
        set_compact(self.page_text, False)
        compact_if_cut(self.page_text)
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < len(self.pages) - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        compact_if_cut(self.page_text)

    def _print(self) -> None:
        if self.procedure is not None:
            self.print_requested.emit(self.procedure.id)
