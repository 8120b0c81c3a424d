"""「きろくについて」: what the kiosk records and why, in plain words (APPI transparency)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.overlay import Overlay


class RecordsInfoCard(Overlay):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.close_button = self.add_dismiss_button()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("きろくについて"))
        self.body.setText(
            self.tr(
                "相談室の お手伝いを よくするために、\n"
                "見たレッスン、「わからない」を おした ところ、\n"
                "係員を 呼んだことを 記録します。\n"
                "カードを 調べたときは、期限が 近いか、暗証番号が ロックされて いるか だけを 記録します。\n"
                "カードの お名前・住所・生年月日・マイナンバー・顔写真は 読みません。\n"
                "お名前・住所・電話番号・マイナンバー・暗証番号は 記録しません。\n"
                "記録は 決められた 期間が すぎると 消します。"
            )
        )
        self.close_button.setText(self.tr("とじる"))
