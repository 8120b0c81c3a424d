"""The consultations list of the staff review: a Qt model over SQL, 50 rows at a time.

A year of records never sits in memory: the table asks for more as it scrolls.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kiosk.records import review
from kiosk.records.labels import GROUPINGS, label
from kiosk.records.store import RecordStore

# (column, heading): staff read standard Japanese whatever the last visitor chose.
COLUMNS = (
    ("started_at", "開始"),
    ("kiosk_id", "端末"),
    ("mode", "だれと"),
    ("topic", "ご相談"),
    ("age_band", "年代"),
    ("device", "電話"),
    ("outcome", "結果"),
    ("lessons", "レッスン"),
    ("dont_understand", "わからない"),
)
KIOSK_COLUMN = 1
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the table has no parents


def started(value: object) -> str:
    """2026-12-04T16:40:00+09:00 → 2026-12-04 16:40."""
    return str(value)[:16].replace("T", " ") if value else ""


class ConsultationModel(QAbstractTableModel):
    """Consultations, newest first, fetched a page at a time."""

    def __init__(self, store: RecordStore, chosen: review.Filter) -> None:
        super().__init__()
        self.store, self.chosen = store, chosen
        self.total = review.count(store, chosen)
        self.rows: list[dict[str, Any]] = []
        self._fetch()

    def _fetch(self) -> None:
        more = review.page(self.store, self.chosen, len(self.rows) // review.PAGE)
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows += more
            self.endInsertRows()

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = ROOT) -> None:
        self._fetch()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("lessons", "dont_understand"):
            return Qt.AlignmentFlag.AlignCenter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.rows[index.row()][column]
        if column == "started_at":
            return started(value)
        if column in GROUPINGS:
            return label(column, value) if value else ""
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][1]
        return None
