"""「カードの 確認（月ごと）」 on the staff review's 集計 page: card checks per month, for the counter.

Per month: how many cards were checked, by when their e-certificate runs out (renewals to
come), and how many had a PIN at its last try or locked (resets at the counter). The
figures come from `kiosk.records.card_checks`, as the monthly report's do.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QSizePolicy, QTableWidget, QVBoxLayout, QWidget

from kiosk.card.check import EXPIRY_BANDS
from kiosk.records.card_checks import PINS, CardMonth, pin_words
from kiosk.records.labels import EXPIRY_BAND_LABELS, label
from kiosk.ui.screens.review_tables import staff_table

TITLE = "カードの 確認（月ごと）"
NOTE = (
    "マイナンバーカードを かざして 調べた 件数です。電子証明書が 切れるまでの 期間ごとに 数えています"
    "（更新や 暗証番号の 再設定の 窓口の 準備に）。"
)
NONE_YET = "この 期間に カードを 調べた 記録は ありません。"
HEADERS = (
    "月",
    "調べた 件数",
    *(EXPIRY_BAND_LABELS[band] for band in EXPIRY_BANDS),
    "暗証番号 あと1回",
    "暗証番号 ロック",
)


def card_rows(months: Sequence[CardMonth]) -> list[list[str]]:
    """A row a month, as the table shows it: 「2026年11月」, the checks, each band, low and locked cards."""
    return [
        [
            label("month", month.month),
            str(month.checks),
            *(str(month.bands[band]) for band in EXPIRY_BANDS),
            str(month.cards_low),
            str(month.cards_locked),
        ]
        for month in months
    ]


def pin_totals(months: Sequence[CardMonth]) -> str:
    """Which PINs they were, over the whole period (the table counts cards, this the PINs)."""
    low = {name: sum(month.low[name] for month in months) for name in PINS}
    locked = {name: sum(month.locked[name] for month in months) for name in PINS}
    return (
        f"暗証番号ごとの 合計 — あと1回: {pin_words(low, every=True)}"
        f"／ロック: {pin_words(locked, every=True)}"
    )


class CardChecksSection(QWidget):
    """The heading, a line on what is counted, the table of months and the PINs' totals."""

    def __init__(self, months: Sequence[CardMonth], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(TITLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 24, 0, 0)
        self.title = QLabel(TITLE)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.note = QLabel(NOTE if months else NONE_YET)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table: QTableWidget | None = None
        self.pins: QLabel | None = None
        if not months:
            return
        self.table = staff_table(list(HEADERS), card_rows(months))
        # Every month shown at once: the 集計 page scrolls, not the table inside it.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.table)
        self.pins = QLabel(pin_totals(months))
        self.pins.setWordWrap(True)
        layout.addWidget(self.pins)
