"""「係員が来ます」: a calm full-screen card after 係員を呼ぶ."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.overlay import Overlay


class CallStaffCard(Overlay):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.back_button = self.add_dismiss_button()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("係員が 来ます。"))
        self.body.setText(self.tr("このまま 少し お待ちください。\n画面は そのままで だいじょうぶです。"))
        self.back_button.setText(self.tr("画面に もどる"))
