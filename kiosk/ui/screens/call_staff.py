"""「係員を呼ぶ」: a calm full-screen card that says honestly who has been told."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.staff_call import Notice, StaffCall
from kiosk.ui.widgets.overlay import Overlay


class CallStaffCard(Overlay):
    bar_calls_staff = False  # this card is the call

    def __init__(self, parent: QWidget, calls: StaffCall) -> None:
        super().__init__(parent)
        self.calls = calls
        self.back_button = self.add_dismiss_button()
        calls.changed.connect(self.retranslate)  # the webhook's answer arrives while it is shown
        self.retranslate()

    def retranslate(self) -> None:
        notice = self.calls.notice
        if notice is Notice.SENT:
            self.heading.setText(self.tr("係員に 知らせました。"))
            body = self.tr("このまま 少し お待ちください。")
        elif notice is Notice.SENDING:
            self.heading.setText(self.tr("係員を 呼んでいます。"))
            body = self.tr("係員に 知らせを 送っています。")
        elif notice is Notice.FAILED:
            self.heading.setText(self.tr("係員を 呼んでいます。"))
            body = self.tr("知らせを 送れませんでした。\n受付の 係員に 手を あげて お知らせ ください。")
        else:  # no channel to staff is set up: only the chime and the banner
            self.heading.setText(self.tr("係員を 呼んでいます。"))
            body = self.tr("受付の 係員に 手を あげて お知らせ ください。")
        self.body.setText(body + "\n" + self.tr("画面は そのままで だいじょうぶです。"))
        self.back_button.setText(self.tr("画面に もどる"))
