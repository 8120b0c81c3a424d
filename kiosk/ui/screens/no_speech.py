"""A calm card when read-aloud cannot work on this machine (staff find the reason in the log)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.overlay import Overlay


class NoSpeechCard(Overlay):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.heading.setText(self.tr("よみあげは いま つかえません。"))
        self.body.setText(
            self.tr("この機械では 声で 読みあげることが できません。\n文字を 大きくして ごらんください。")
        )
        self.back_button = self.add_dismiss_button(self.tr("画面に もどる"))
