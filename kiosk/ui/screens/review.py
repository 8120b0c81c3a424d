"""記録を 見る (staff): the consultations page by page, the counts, and where people get stuck.

The list is a Qt model over SQL that fetches 50 rows at a time as the table
scrolls, so a year of records never sits in memory. Numbers come from
`kiosk.records.review`, the same code the command line and reports use.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.records import review
from kiosk.records.store import RecordStore
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.choices import add_choices

COLUMNS = (
    ("started_at", "開始"),
    ("kiosk_id", "端末"),
    ("mode", "モード"),
    ("age_band", "年代"),
    ("device", "電話"),
    ("outcome", "結果"),
    ("lessons", "レッスン"),
    ("dont_understand", "わからない"),
)
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the table has no parents


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
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        value = self.rows[index.row()][COLUMNS[index.column()][0]]
        if COLUMNS[index.column()][0] == "started_at" and value:
            return str(value)[:16].replace("T", " ")
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][1]
        return None


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(56)

    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


class ReviewScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: RecordStore | None = None
        self.titles: dict[str, str] = {}  # lesson id → title, for people rather than ids
        self.chosen = review.Filter()
        self.period_buttons: dict[str, QPushButton] = {}
        self.view_buttons: dict[str, QPushButton] = {}
        top = QHBoxLayout()
        top.setSpacing(16)
        self.period_buttons = add_choices(
            self,
            top,
            (("month", self.tr("今月")), ("last", self.tr("先月")), ("all", self.tr("全部"))),
            self.choose_period,
        )
        top.addStretch(1)
        views = QButtonGroup(self)
        self.pages = QStackedWidget()
        self.list_view = QTableView()
        self.list_view.verticalHeader().setDefaultSectionSize(56)
        self.list_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.list_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list_view.clicked.connect(self._show_detail)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.list_view, 3)
        listing_layout.addWidget(self.detail, 1)
        self.stats_holder = QVBoxLayout()
        self.stumbles_holder = QVBoxLayout()
        for key, words, page in (
            ("list", self.tr("一覧"), listing),
            ("stats", self.tr("集計"), self._holder(self.stats_holder)),
            ("stumbles", self.tr("つまずき"), self._holder(self.stumbles_holder)),
        ):
            button = QPushButton(words)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, p=page: self.pages.setCurrentWidget(p))
            views.addButton(button)
            top.addWidget(button)
            self.view_buttons[key] = button
            self.pages.addWidget(page)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 16)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)

    @staticmethod
    def _holder(box: QVBoxLayout) -> QWidget:
        widget = QWidget()
        widget.setLayout(box)
        box.setContentsMargins(0, 0, 0, 0)
        return widget

    def screen_title(self) -> str:
        return self.tr("記録を 見る")

    def speech_text(self) -> str:
        return self.screen_title()

    def open(self, store: RecordStore, titles: dict[str, str], today: date | None = None) -> None:
        self.store = store
        self.titles = titles
        self._today = today or date.today()
        self.period_buttons["month"].setChecked(True)
        self.view_buttons["list"].setChecked(True)
        self.pages.setCurrentIndex(0)
        self.choose_period("month")

    def choose_period(self, key: str) -> None:
        first = self._today.replace(day=1)
        if key == "month":
            self.chosen = review.Filter(since=first)
        elif key == "last":
            end = first - timedelta(days=1)
            self.chosen = review.Filter(since=end.replace(day=1), until=end)
        else:
            self.chosen = review.Filter()
        self.refresh()

    def refresh(self) -> None:
        if self.store is None:
            return
        self.model = ConsultationModel(self.store, self.chosen)
        self.list_view.setModel(self.model)
        self.detail.clear()
        stats = review.statistics(self.store, self.chosen)
        self.summary.setText(
            self.tr("相談 {0} 件　手続きの案内 {1}（印刷 {2}）　係員を呼ぶ {3}　途中で終了 {4}").format(
                stats.consultations,
                stats.handoffs_shown,
                stats.slips_printed,
                stats.staff_calls,
                stats.idle_resets,
            )
        )
        self._fill(self.stats_holder, self._stats_table(stats))
        self._fill(self.stumbles_holder, self._stumbles_table())

    def _fill(self, box: QVBoxLayout, table: QTableWidget) -> None:
        while box.count():
            item = box.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()
        box.addWidget(table)

    def _stats_table(self, stats: review.Statistics) -> QTableWidget:
        names = {
            "topic": "ご相談",
            "month": "月",
            "weekday": "曜日 (0=日)",
            "hour": "時",
            "age_band": "年代",
            "device": "電話",
            "outcome": "結果",
            "mode": "モード",
            "kiosk": "端末",
        }
        rows = [
            [words, ", ".join(f"{key or '-'}: {n}" for key, n in stats.by.get(name, []))]
            for name, words in names.items()
        ]
        return _table([self.tr("区分"), self.tr("件数")], rows)

    def _stumbles_table(self) -> QTableWidget:
        assert self.store is not None
        rows = [
            [
                self.titles.get(s.lesson_id, s.lesson_id),
                str(s.started),
                str(s.finished),
                str(sum(s.dont_understand.values())),
                str(sum(s.left_at.values())),
                str(s.worst_step or "-"),
            ]
            for s in review.stumbles(self.store, self.chosen)[:20]
        ]
        headers = ["レッスン", "開始", "最後まで", "わからない", "途中で終了", "つまずく 手順"]
        return _table([self.tr(h) for h in headers], rows)

    def _show_detail(self, index: QModelIndex) -> None:
        if self.store is None or not index.isValid():
            return
        row = self.model.rows[index.row()]
        events = review.events_of(self.store, row["id"])
        lines = [
            " ".join(
                str(x)
                for x in (str(e["at"])[11:16], e["kind"], e["lesson_id"], e["step"], e["procedure_id"])
                if x
            )
            for e in events[:30]
        ]
        self.detail.setText(" ／ ".join(lines))

    def clear(self) -> None:
        self.store = None
        self.list_view.setModel(None)
        self.detail.clear()
