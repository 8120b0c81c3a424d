"""「係員を呼ぶ」 that reaches a person: the open call, its chime and webhook, and the banner.

A call stays open until a supporter or staff member answers it — by signing in through
the hidden door and PIN (they are at the kiosk), or with 「対応しました」 on the banner when
one is already signed in. It outlives screen changes and the end of a visit (idle reset,
はじめに戻る): the person may have walked to the counter, and staff should still see that
someone asked. A restart of the kiosk forgets it (the records keep the call).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Literal

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from kiosk.notify.chime import Chime
from kiosk.notify.formats import WebhookFormat
from kiosk.notify.notice import StaffCallNotice
from kiosk.notify.webhook import RETRY_DELAYS_S, TIMEOUT_S, Delivery, WebhookSender
from kiosk.records.events import EventKind
from kiosk.records.recorder import Recorder
from kiosk.settings import Settings
from kiosk.ui.retranslate import Retranslating

log = logging.getLogger("kiosk.ui")


class Notice(StrEnum):
    """Whether staff were told through the webhook (what the card may honestly say)."""

    NOT_SET = "not_set"  # no webhook: the person must raise a hand
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


def _now() -> datetime:
    return datetime.now().astimezone()


class StaffCall(QObject):
    """The one open staff call of this kiosk, if any. `changed` after every change."""

    changed = Signal()
    _delivered = Signal(int, object)  # (call number, Delivery), from the sender's thread

    def __init__(
        self,
        recorder: Recorder,
        settings: Callable[[], Settings],
        *,
        chime: Chime | None = None,
        clock: Callable[[], datetime] = _now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.recorder = recorder
        self._settings = settings  # read at each call: staff may change them while the kiosk runs
        self.chime = chime or Chime()
        self._clock = clock
        self.timeout = TIMEOUT_S
        self.retry_delays: tuple[float, ...] = RETRY_DELAYS_S
        self.since: datetime | None = None  # when the open call was made; None: no call open
        self.notice = Notice.NOT_SET
        self.helper: str | None = None  # the supporter or staff member signed in, who can answer
        self._number = 0  # which call a late webhook result belongs to
        self._consultation: str | None = None  # the consultation the call was made in
        self._delivered.connect(self._on_delivered)

    @property
    def open(self) -> bool:
        return self.since is not None

    def call(self, screen: str) -> None:
        """The button was pressed on `screen` (a class name): chime, banner, tell staff."""
        settings = self._settings()
        self.recorder.record(EventKind.STAFF_CALLED, detail=screen)
        if settings.staff_call_chime:
            self.chime.play()
        first = self.since is None
        if first:
            self.since = self._clock()
            self._number += 1
        url = settings.staff_call_webhook
        if not url:
            self.notice = Notice.NOT_SET
        elif first or self.notice in (Notice.FAILED, Notice.NOT_SET):  # pressed again: not sent twice
            self._send(
                url,
                settings.staff_call_webhook_format,
                StaffCallNotice(settings.kiosk_id, self._clock(), screen),
            )
        self.changed.emit()

    def _send(self, url: str, fmt: WebhookFormat | Literal[""], notice: StaffCallNotice) -> None:
        self.notice = Notice.SENDING
        self._consultation = self.recorder.consultation_id
        number = self._number
        sender = WebhookSender(url, fmt=fmt, timeout=self.timeout, retry_delays=self.retry_delays)
        sender.send(notice, lambda delivery: self._from_thread(number, delivery))

    def _from_thread(self, number: int, delivery: Delivery) -> None:
        try:
            self._delivered.emit(number, delivery)  # queued to the UI thread
        except RuntimeError:  # the window has gone (the kiosk closed meanwhile)
            log.info("staff-call webhook result after the window closed: %s", delivery.detail())

    def _on_delivered(self, number: int, delivery: Delivery) -> None:
        if self.recorder.consultation_id == self._consultation and self._consultation is not None:
            self.recorder.record(EventKind.STAFF_NOTIFIED, detail=delivery.detail())
        else:  # the person has gone: not worth a consultation of its own; the log keeps it
            log.info("staff-call webhook result after the visit ended: %s", delivery.detail())
        if number == self._number and self.since is not None:
            self.notice = Notice.SENT if delivery.sent else Notice.FAILED
            self.changed.emit()

    def set_helper(self, name: str | None) -> None:
        """A supporter or staff member signed in (that answers the call: they are here) or out."""
        self.helper = name
        if name is not None:
            self.answer()
        else:
            self.changed.emit()

    def answer(self) -> bool:
        """Someone has come: the call is closed. False when none was open."""
        if self.since is None:
            return False
        since, self.since = self.since, None
        self.notice = Notice.NOT_SET
        log.info("staff call from %s answered", f"{since:%H:%M}")
        self.recorder.audit("staff_call_answered", f"called {since:%H:%M}", actor=self.helper or "kiosk")
        self.changed.emit()
        return True


class StaffCallBanner(Retranslating):
    """A calm strip at the top of every screen while a call is open: 「よびだし中」.

    For the room and for staff, one line at the standard size (the theme keeps it there), so
    that at 特大 it takes little from the screen; the card tells the citizen in their size.
    """

    def __init__(self, calls: StaffCall) -> None:
        super().__init__()
        self.setObjectName("StaffCallBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.calls = calls
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer_button = QPushButton()
        self.answer_button.clicked.connect(calls.answer)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 4, 24, 4)
        layout.setSpacing(24)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.answer_button)
        calls.changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.answer_button.setText(self.tr("対応しました"))
        self.refresh()

    def refresh(self) -> None:
        since = self.calls.since
        self.setVisible(since is not None)
        if since is None:
            return
        self.label.setText(self.tr("よびだし中：係員を 呼んでいます（{0} から）").format(f"{since:%H:%M}"))
        # Only a signed-in supporter or staff member answers here; a citizen's call stays up.
        self.answer_button.setVisible(self.calls.helper is not None)
