"""A calm card when read-aloud cannot work on this machine (staff find the reason in the log)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.overlay import Overlay


class NoSpeechCard(Overlay):
    """No voice at all, or (`no_voice`) none for the language chosen: either way, said plainly."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.back_button = self.add_dismiss_button()
        self.no_voice = False
        self.retranslate()

    def open(self, *, no_voice: bool = False) -> None:
        self.no_voice = no_voice
        self.retranslate()
        super().open()

    def retranslate(self) -> None:
        if self.no_voice:
            self.heading.setText(self.tr("この ことばの 声が ありません。"))
            self.body.setText(
                self.tr("この ことばで 読みあげる 声が ありません。\n画面の 文字を ごらんください。")
            )
        else:
            self.heading.setText(self.tr("よみあげは いま つかえません。"))
            self.body.setText(
                self.tr("この機械では 声で 読みあげることが できません。\n文字を 大きくして ごらんください。")
            )
        self.back_button.setText(self.tr("画面に もどる"))
