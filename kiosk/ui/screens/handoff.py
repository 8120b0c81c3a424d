"""Hand-off: the official page as a big QR for the citizen's own phone, and everything to know
before going, on one screen that scrolls: the PIN and its warnings, the steps, what to bring,
the つづきから number, and 「印刷する」 for a slip to take home."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.library import LessonLibrary
from kiosk.content.procedures import Pin, Procedure
from kiosk.handoff.slip import LOCK_AFTER
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.fitting import set_property
from kiosk.ui.widgets.qr_view import QrView
from kiosk.ui.widgets.ruby_text import RubyText
from kiosk.ui.widgets.scroll_page import ScrollPage

# The slip says the PIN's full name. Shown through translate().
PIN_BADGE = {
    Pin.USER: str(QT_TRANSLATE_NOOP("HandoffScreen", "暗証番号: 数字 4けた")),
    Pin.SIGNATURE: str(QT_TRANSLATE_NOOP("HandoffScreen", "暗証番号: 英数字 6〜16けた")),
    Pin.NONE: str(QT_TRANSLATE_NOOP("HandoffScreen", "暗証番号は いりません")),
}

QR_SMALLEST = 280  # px: below this the QR goes into the scrolling text, where it can be larger
TEXT_CHARS = 12  # the text column beside the QR holds at least this many characters a line
MAX_QR = 560


def pin_lines(pin: Pin) -> tuple[str, str]:
    """The lock rule and 「だれにも 教えない」, in the language chosen now ("" for no PIN)."""
    if pin is Pin.NONE:
        return "", ""
    lock = QCoreApplication.translate("HandoffScreen", "{0}回 まちがえると ロックされます。").format(
        LOCK_AFTER[pin]
    )
    lock += "\n" + QCoreApplication.translate("HandoffScreen", "ロックは 市役所の 窓口で 直せます。")
    secret = QCoreApplication.translate(
        "HandoffScreen", "暗証番号は だれにも 教えないでください。\n係員にも 見せないでください。"
    )
    return lock, secret


def spaced_code(code: str) -> str:
    """123456 → 「123 456」: two groups of three are easier to copy down."""
    return f"{code[:3]} {code[3:]}"


def _text(role: str | None = None) -> RubyText:
    text = RubyText(role=role)
    text.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # a drag on it scrolls
    return text


class _Number(RubyText):
    """A step's number: bold, at the size of the step, as wide as two digits and a dot."""

    def __init__(self) -> None:
        super().__init__(role="progress")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        width = QFontMetricsF(self.font()).horizontalAdvance("00.") + 8
        return QSize(round(width), self.heightForWidth(round(width)))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


def _box(name: str, *texts: QWidget, spacing: int = 8) -> QWidget:
    box = QWidget()
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.setSpacing(spacing)
    for text in texts:
        layout.addWidget(text)
    return box


class HandoffScreen(Screen):
    print_requested = Signal(str)
    scrolls = False  # its text scrolls beside the QR, which stays in view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.procedure: Procedure | None = None
        self.resume_code: str | None = None
        self.status = ""
        self._failed = False
        self._printing = False
        self._wide: bool | None = None

        # The QR with what to do with it: beside the text on a wide panel, above it on a small one.
        self.qr = QrView()
        self.caption = _text()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.print_button = BigButton(centred=True)
        self.print_button.setProperty("role", "primary")
        # Named for the theme: Qt ignores `:disabled` on a button when colouring the words inside it.
        self.print_button.setObjectName("PrintSlip")
        self.print_button.clicked.connect(self._print)
        self.qr_panel = QWidget()
        self._qr_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.qr_panel)
        self._qr_layout.setContentsMargins(0, 0, 0, 0)
        self._qr_layout.setSpacing(24)
        self._qr_layout.addWidget(self.qr, 1)
        beside = QVBoxLayout()
        beside.setSpacing(24)
        beside.addWidget(self.caption)
        beside.addWidget(self.print_button)
        beside.addStretch(0)
        self._beside = beside
        self._qr_layout.addLayout(beside)

        # How printing went: calm when it worked, unmistakable when it did not.
        self.status_icon = QLabel()
        self.status_icon.setProperty("role", "heading")
        self.status_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.status_text = _text()
        self.status_box = QWidget()
        self.status_box.setObjectName("PrintStatus")
        self.status_box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        status_row = QHBoxLayout(self.status_box)
        status_row.setContentsMargins(24, 20, 24, 20)
        status_row.setSpacing(20)
        status_row.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status_text, 1)
        self.status_box.hide()

        # The PIN: which one, that it locks, that nobody else may know it. Always in the list, never paged.
        self.pin_kind = _text(role="heading")
        self.pin_lock = _text()
        self.pin_secret = _text()
        self.pin_box = _box("PinBox", self.pin_kind, self.pin_lock, self.pin_secret, spacing=12)

        self.summary = _text()
        self.summary_box = _box("Card", self.summary)
        self._steps_heading = _text(role="heading")
        self.steps: list[RubyText] = []
        self._numbers: list[_Number] = []
        self._steps_layout = QVBoxLayout()
        self._steps_layout.setSpacing(16)
        self._bring_heading = _text(role="heading")
        self.bring: list[RubyText] = []
        self._bring_layout = QVBoxLayout()
        self._bring_layout.setSpacing(8)
        self.note = _text()
        self.note_box = _box("Card", self.note)

        # つづきから: the number that opens this lesson again, on screen too (the slip may not print).
        self._code_heading = _text(role="heading")
        self.code_digits = QLabel()
        self.code_digits.setProperty("role", "hero")
        self.code_digits.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._code_help = _text()
        self.code_box = _box("Card", self._code_heading, self.code_digits, self._code_help)
        self.code_box.hide()

        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 8, 16)
        details.setSpacing(28)
        self._top_slot = QVBoxLayout()
        details.addLayout(self._top_slot)
        details.addWidget(self.status_box)
        details.addWidget(self.pin_box)
        details.addWidget(self.summary_box)
        details.addWidget(self._steps_heading)
        details.addLayout(self._steps_layout)
        details.addWidget(self._bring_heading)
        details.addLayout(self._bring_layout)
        details.addWidget(self.note_box)
        details.addWidget(self.code_box)
        details.addStretch(1)
        self.pager = ScrollPage(self.details)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 8, 24, 16)
        layout.setSpacing(40)
        layout.addWidget(self.pager, 1)
        self._arrange(wide=False)  # until the screen has its size
        self.retranslate()

    # ---- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.caption.setText(self.tr("スマホで 読み取って ください"))
        self._steps_heading.setText(self.tr("手順"))
        self._bring_heading.setText(self.tr("持ち物"))
        self._code_heading.setText(self.tr("つづきから 番号"))
        self._code_help.setText(
            self.tr("メモして おくと、はじめの 画面の「つづきから」で 同じ 説明を もう一度 見られます。")
        )
        self.set_printing(self._printing)
        if self.procedure is not None:
            # How printing went was told in the old language and cannot be told again.
            self.show_procedure(self.procedure)

    def screen_title(self) -> str:
        return self.procedure.title if self.procedure else ""

    def speech_text(self) -> str:
        """Everything the screen shows, top to bottom."""
        parts = [self.caption.source(), self.print_button.title()]
        if self.status:
            parts.insert(0, self.status_text.source())
        if self.procedure is not None:
            parts += [self.pin_kind.source(), self.pin_lock.source(), self.pin_secret.source()]
            parts += [self.summary.source(), self._steps_heading.source()]
            parts += [f"{n}. {step.source()}" for n, step in enumerate(self.shown_steps(), start=1)]
            parts += [self._bring_heading.source(), *(item.source() for item in self.shown_bring())]
            parts.append(self.note.source() if self.note_box.isVisibleTo(self) else "")
        if self.resume_code:
            # Digit by digit, as it is typed on the つづきから pad.
            parts += [self._code_heading.source(), " ".join(self.resume_code), self._code_help.source()]
        return "\n".join(part for part in parts if part)

    # ---- what the window calls -----------------------------------------------------------

    def show_procedure(self, procedure: Procedure) -> None:
        self.procedure = procedure
        self.qr.set_url(procedure.url)
        set_property(self.pin_box, "pin", procedure.pin.value if procedure.pin is Pin.NONE else "needed")
        self.pin_kind.setText(QCoreApplication.translate("HandoffScreen", PIN_BADGE[procedure.pin]))
        lock, secret = pin_lines(procedure.pin)
        for text, line in ((self.pin_lock, lock), (self.pin_secret, secret)):
            text.setText(line)
            text.setVisible(bool(line))
        self.summary.setText(procedure.summary)
        self._fill_steps(procedure.steps)
        self._fill_bring(procedure.bring)
        self.note.setText(procedure.note or "")
        self.note_box.setVisible(bool(procedure.note))
        self.show_status("")
        self.pager.to_top()

    def show_in_language(self, library: LessonLibrary) -> None:
        if self.procedure is not None:
            self.show_procedure(library.procedures.get(self.procedure.id) or self.procedure)

    def set_resume_code(self, code: str | None) -> None:
        """The つづきから number of the lesson this hand-off came from (None: no lesson)."""
        self.resume_code = code
        self.code_digits.setText(spaced_code(code) if code else "")
        self.code_digits.setAccessibleName(" ".join(code) if code else "")
        self.code_box.setVisible(bool(code))

    def shown_code(self) -> str:
        """The つづきから number as the screen shows it, without the space."""
        return self.code_digits.text().replace(" ", "") if self.code_box.isVisibleTo(self) else ""

    def show_status(self, message: str, *, failed: bool = False) -> None:
        """How printing went, at the top of the text; a failure in the alert colour with ⚠."""
        self.status, self._failed = message, failed and bool(message)
        self.status_text.setText(message)
        state = "failed" if self._failed else ("busy" if self._printing else "done")
        set_property(self.status_box, "state", state)
        self.status_icon.setText({"failed": "⚠", "busy": "", "done": "✓"}[state])
        self.status_icon.setVisible(state != "busy")
        self.status_box.setVisible(bool(message))
        if message:
            # After the layout has made room for it.
            QTimer.singleShot(0, lambda: self.pager.show_widget(self.status_box))

    def print_failed(self) -> bool:
        return self._failed

    def set_printing(self, busy: bool) -> None:
        self._printing = busy
        self.print_button.setEnabled(not busy)
        # A filled button that cannot be pressed would still look pressable.
        set_property(self.print_button, "role", None if busy else "primary")
        self.print_button.set_texts(self.tr("印刷しています…") if busy else self.tr("印刷する"))

    def shown_steps(self) -> list[RubyText]:
        return [step for step in self.steps if not step.isHidden()]

    def shown_bring(self) -> list[RubyText]:
        return [item for item in self.bring if not item.isHidden()]

    def clear(self) -> None:
        self.procedure = None
        self.qr.set_url("")
        for text in (self.pin_kind, self.pin_lock, self.pin_secret, self.summary, self.note):
            text.clear()
        self._fill_steps(())
        self._fill_bring(())
        self.set_resume_code(None)
        self.show_status("")
        self.set_printing(False)
        self.pager.to_top()

    # ---- inside --------------------------------------------------------------------------

    def _new_text(self) -> RubyText:
        text = _text()
        text.set_furigana(self.summary.furigana)  # the window set it on the texts that existed then
        return text

    def _fill_steps(self, steps: tuple[str, ...] | list[str]) -> None:
        while len(self.steps) < len(steps):
            # Bold, at the size of the step, so that number and words stand on one line.
            number = _Number()
            number.set_furigana(self.summary.furigana)  # the same line height as its step
            text = self._new_text()
            row = QHBoxLayout()
            row.setSpacing(20)
            row.addWidget(number, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            self._steps_layout.addLayout(row)
            self._numbers.append(number)
            self.steps.append(text)
        for index, (number, text) in enumerate(zip(self._numbers, self.steps, strict=True)):
            shown = index < len(steps)
            text.setText(steps[index] if shown else "")
            number.setText(f"{index + 1}.")
            number.setVisible(shown)
            text.setVisible(shown)

    def _fill_bring(self, items: tuple[str, ...] | list[str]) -> None:
        while len(self.bring) < len(items):
            text = self._new_text()
            self._bring_layout.addWidget(text)
            self.bring.append(text)
        for index, text in enumerate(self.bring):
            shown = index < len(items)
            text.setText(f"・{items[index]}" if shown else "")
            text.setVisible(shown)

    def minimumSizeHint(self) -> QSize:
        # Never taller than the room it is given: what does not fit scrolls, or the QR moves into the text.
        return QSize(super().minimumSizeHint().width(), 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self._fits_beside())

    def _body_px(self) -> int:
        size = self.font().pixelSize()
        return size if size > 0 else round(self.font().pointSizeF() * 96 / 72)

    def _panel_width(self) -> int:
        return min(680, max(360, round(self.width() * 0.36)))

    def _fits_beside(self) -> bool:
        """Whether the QR column can stand beside the text, both still comfortable to use."""
        margins = self.contentsMargins()
        layout = self.layout()
        assert layout is not None
        inner = layout.contentsMargins()
        width = self.width() - inner.left() - inner.right() - margins.left() - margins.right()
        height = self.height() - inner.top() - inner.bottom()
        panel = self._panel_width()
        arrows = self.pager.down_button.sizeHint().width() + 24
        text_width = width - panel - layout.spacing() - arrows
        panel_text = self.caption.heightForWidth(panel) + self.print_button.heightForWidth(panel)
        qr_height = height - panel_text - 2 * self._qr_layout.spacing()
        return text_width >= TEXT_CHARS * self._body_px() and qr_height >= QR_SMALLEST

    def _arrange(self, wide: bool) -> None:
        """The QR column beside the text (wide), or at the top of the text, scrolling with it."""
        if wide != self._wide:
            self._wide = wide
            layout = self.layout()
            assert isinstance(layout, QHBoxLayout)
            if wide:
                self._top_slot.removeWidget(self.qr_panel)
                layout.insertWidget(0, self.qr_panel)
                self._qr_layout.setDirection(QBoxLayout.Direction.TopToBottom)
                self.qr.setMinimumSize(240, 240)
                self.qr.setMaximumSize(16777215, 16777215)
            else:
                layout.removeWidget(self.qr_panel)
                self._top_slot.addWidget(self.qr_panel)
                self._qr_layout.setDirection(QBoxLayout.Direction.LeftToRight)
        if wide:
            self.qr_panel.setFixedWidth(self._panel_width())
        else:
            # As large as one view of the scrolling text allows, with room for the words beside it.
            view = self.pager.area.viewport()
            side = max(240, min(MAX_QR, view.height() - 16, view.width() // 2))
            self.qr.setFixedSize(side, side)
            self.qr_panel.setMinimumWidth(0)
            self.qr_panel.setMaximumWidth(16777215)

    def _print(self) -> None:
        if self.procedure is not None:
            self.print_requested.emit(self.procedure.id)
