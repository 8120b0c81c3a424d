"""記録を 見る (staff): the consultations page by page, the counts, and where people get stuck.

The list is a Qt model over SQL that fetches 50 rows at a time as the table
scrolls, so a year of records never sits in memory. Numbers come from
`kiosk.records.review`, the same code the command line and reports use.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.practice.exercises import TITLES
from kiosk.records import course, review
from kiosk.records.labels import GROUPINGS, label
from kiosk.records.store import RecordStore
from kiosk.ui.charts import CountChartView
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.choices import add_choices

# Words in the tables stay Japanese here and are shown through translate("ReviewScreen", …).
COLUMNS = (
    ("started_at", str(QT_TRANSLATE_NOOP("ReviewScreen", "開始"))),
    ("kiosk_id", str(QT_TRANSLATE_NOOP("ReviewScreen", "端末"))),
    ("mode", str(QT_TRANSLATE_NOOP("ReviewScreen", "だれと"))),
    ("topic", str(QT_TRANSLATE_NOOP("ReviewScreen", "ご相談"))),
    ("age_band", str(QT_TRANSLATE_NOOP("ReviewScreen", "年代"))),
    ("device", str(QT_TRANSLATE_NOOP("ReviewScreen", "電話"))),
    ("outcome", str(QT_TRANSLATE_NOOP("ReviewScreen", "結果"))),
    ("lessons", str(QT_TRANSLATE_NOOP("ReviewScreen", "レッスン"))),
    ("dont_understand", str(QT_TRANSLATE_NOOP("ReviewScreen", "わからない"))),
)
LESSON_HEADERS = (
    str(QT_TRANSLATE_NOOP("ReviewScreen", "レッスン")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "開始")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "最後まで")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "わからない")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "途中で終了")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "つまずく 手順")),
)
PRACTICE_HEADERS = (
    str(QT_TRANSLATE_NOOP("ReviewScreen", "練習")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "ためした 回数")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "できた 回数")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "まだ できない 割合")),
)
SUPPORTER_HEADERS = (  # the course's lesson numbers go after the first
    str(QT_TRANSLATE_NOOP("ReviewScreen", "サポーター")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "修了")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "確かめ問題 正しい / 答えた")),
)
COURSE_HEADERS = (
    str(QT_TRANSLATE_NOOP("ReviewScreen", "講座の レッスン")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "終えた サポーター")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "確かめ問題 答えた 数")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "正しかった 数")),
)
TROUBLE_HEADERS = (
    str(QT_TRANSLATE_NOOP("ReviewScreen", "こまりごと（こまったことから さがす）")),
    str(QT_TRANSLATE_NOOP("ReviewScreen", "えらばれた 回数")),
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
        column = COLUMNS[index.column()][0]
        value = self.rows[index.row()][column]
        if column == "started_at" and value:
            return str(value)[:16].replace("T", " ")
        if column in GROUPINGS:
            return label(column, value) if value else ""
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _shown(COLUMNS[section][1])
        return None


def _shown(text: str) -> str:
    """A table word in the language chosen now."""
    return QCoreApplication.translate("ReviewScreen", text)


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


FILTERS = ("kiosk", "kiosk_mode", "mode", "topic", "outcome", "age_band", "device", "language")
ANY = str(QT_TRANSLATE_NOOP("ReviewScreen", "すべて"))


class ReviewScreen(Screen):
    """Choose a period and any filters; see the list, the charts, or where people got stuck.

    Statistics and つまずき are counted only when their page is shown (and again only
    after the filters change), so moving through the list stays quick on large records.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: RecordStore | None = None
        self.titles: dict[str, str] = {}  # lesson id → title, for people rather than ids
        self.course: list[str] = []  # the supporter course's lesson ids, in order
        self.trouble_titles: dict[str, str] = {}  # trouble id → its words on the grid
        self.chosen = review.Filter()
        self._period = review.Filter()
        self._stale: set[str] = set()
        self._totals: review.Statistics | None = None
        top = QHBoxLayout()
        top.setSpacing(16)
        self.period_buttons = add_choices(
            self, top, ((key, "") for key in ("month", "last", "all")), self.choose_period
        )
        top.addStretch(1)
        self.view_buttons = add_choices(
            self, top, ((key, "") for key in ("list", "stats", "stumbles", "course")), self.show_view
        )
        self.filters: dict[str, QComboBox] = {}
        filters = QGridLayout()
        filters.setSpacing(16)
        for place, name in enumerate(FILTERS):
            box = QComboBox()
            box.activated.connect(self._filters_changed)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(2)
            filters.addWidget(box, place // 4, place % 4)  # 次回, 条件を消す and the note search at the ends
            self.filters[name] = box
        for column in range(4):
            filters.setColumnStretch(column, 1)
        self.follow_up = QPushButton()
        self.follow_up.setCheckable(True)
        self.follow_up.toggled.connect(self._filters_changed)
        filters.addWidget(self.follow_up, 0, 4)
        self.note_search = QLineEdit()
        self.note_search.setClearButtonEnabled(True)
        self.note_search.editingFinished.connect(self._filters_changed)

        self._clear_button = clear = QPushButton()
        clear.clicked.connect(self.clear_filters)
        filters.addWidget(clear, 0, 5)
        filters.addWidget(self.note_search, 1, 4, 1, 2)
        self.pages = QStackedWidget()
        self.list_view = QTableView()
        self.list_view.verticalHeader().setDefaultSectionSize(56)
        self.list_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list_view.clicked.connect(self._show_detail)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.list_view, 1)
        listing_layout.addWidget(self.detail)
        self.detail.hide()  # until a consultation is chosen
        self.charts = QGridLayout()
        self.charts.setSpacing(24)
        self.stumbles_holder = QVBoxLayout()
        self.course_holder = QVBoxLayout()
        self.view_pages = {
            "list": listing,
            "stats": self._scrolling(self.charts),
            "stumbles": self._holder(self.stumbles_holder),
            "course": self._holder(self.course_holder),
        }
        for page in self.view_pages.values():
            self.pages.addWidget(page)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        self.filter_button = QPushButton()
        self.filter_button.setCheckable(True)
        self.filter_panel = QWidget()
        self.filter_panel.setLayout(filters)
        filters.setContentsMargins(0, 0, 0, 0)
        self.filter_panel.hide()  # until しぼりこむ: the list keeps the room
        # Open, the filters keep their full height; the list below gives way.
        self.filter_panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.filter_button.toggled.connect(self.filter_panel.setVisible)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.filter_button)
        layout.addLayout(summary_row)
        layout.addWidget(self.filter_panel)
        layout.addWidget(self.pages, 1)
        self.retranslate()

    def retranslate(self) -> None:
        for key, words in (("month", self.tr("今月")), ("last", self.tr("先月")), ("all", self.tr("全部"))):
            self.period_buttons[key].setText(words)
        for key, words in (
            ("list", self.tr("一覧")),
            ("stats", self.tr("集計")),
            ("stumbles", self.tr("つまずき")),
            ("course", self.tr("講座")),
        ):
            self.view_buttons[key].setText(words)
        for name, box in self.filters.items():
            box.setAccessibleName(self.tr(GROUPINGS[name][0]))
            box.setToolTip(box.accessibleName())
            for place in range(box.count()):
                code = box.itemData(place)
                box.setItemText(place, self._any(name) if code is None else label(name, code))
        self.follow_up.setText(self.tr("次回 希望"))
        self.follow_up.setAccessibleName(self.tr("次回の相談を 希望した 人だけ"))
        self.note_search.setPlaceholderText(self.tr("メモを さがす"))
        self.note_search.setAccessibleName(self.tr("メモを さがす"))
        self._clear_button.setText(self.tr("条件を 消す"))
        self.list_view.setAccessibleName(self.tr("相談の 一覧"))
        self.detail.setAccessibleName(self.tr("えらんだ 相談の できごと"))
        self.filter_button.setText(self.tr("しぼりこむ"))
        if self.store is not None:
            self._show_summary()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
            self._stale = {"stats", "stumbles", "course"}  # their headings and words are drawn again
            self.show_view(self._current_view())

    def _any(self, name: str) -> str:
        """The first choice of a filter: no filter."""
        return f"{self.tr(GROUPINGS[name][0])}: {_shown(ANY)}"

    @staticmethod
    def _holder(box: QVBoxLayout) -> QWidget:
        widget = QWidget()
        widget.setLayout(box)
        box.setContentsMargins(0, 0, 0, 0)
        return widget

    @staticmethod
    def _scrolling(box: QGridLayout) -> QScrollArea:
        inner = QWidget()
        inner.setLayout(box)
        box.setContentsMargins(0, 0, 16, 0)
        box.setSizeConstraint(QLayout.SizeConstraint.SetMinAndMaxSize)  # grows with what it holds
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(inner)
        return area

    def screen_title(self) -> str:
        return self.tr("記録を 見る")

    def speech_text(self) -> str:
        return self.screen_title()

    def open(
        self,
        store: RecordStore,
        titles: dict[str, str],
        today: date | None = None,
        *,
        course_lessons: list[str] | None = None,
        trouble_titles: dict[str, str] | None = None,
    ) -> None:
        self.store = store
        self.titles = titles
        self.course = course_lessons or []
        self.trouble_titles = trouble_titles or {}
        self._today = today or date.today()
        kiosks = review.kiosks(store)
        for name, box in self.filters.items():
            box.clear()
            box.addItem(self._any(name), None)
            codes = kiosks if name == "kiosk" else list(GROUPINGS[name][1])
            for code in codes:
                box.addItem(label(name, code), code)
        self.period_buttons["month"].setChecked(True)
        self.view_buttons["list"].setChecked(True)
        self.pages.setCurrentIndex(0)
        self.choose_period("month")

    def choose_period(self, key: str) -> None:
        first = self._today.replace(day=1)
        if key == "month":
            self._period = review.Filter(since=first)
        elif key == "last":
            end = first - timedelta(days=1)
            self._period = review.Filter(since=end.replace(day=1), until=end)
        else:
            self._period = review.Filter()
        self._filters_changed()

    def clear_filters(self) -> None:
        for box in self.filters.values():
            box.setCurrentIndex(0)
        self.follow_up.setChecked(False)
        self.note_search.clear()
        self._filters_changed()

    def _filters_changed(self) -> None:
        chosen = {name: box.currentData() for name, box in self.filters.items()}
        self.chosen = replace(
            self._period,
            **chosen,
            follow_up=True if self.follow_up.isChecked() else None,
            note_contains=self.note_search.text().strip() or None,
        )
        self.refresh()

    def show_view(self, key: str) -> None:
        self.view_buttons[key].setChecked(True)
        self.pages.setCurrentWidget(self.view_pages[key])
        if key in self._stale:
            self._stale.discard(key)
            if key == "stats":
                self._show_charts()
            elif key == "stumbles":
                self._show_stumbles()
            elif key == "course":
                self._show_course()

    def refresh(self) -> None:
        if self.store is None:
            return
        self.model = ConsultationModel(self.store, self.chosen)
        self.list_view.setModel(self.model)
        self.detail.hide()
        header = self.list_view.horizontalHeader()  # a new model resets how columns size
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.detail.clear()
        self._totals = review.totals(self.store, self.chosen)
        self._show_summary()
        self._stale = {"stats", "stumbles", "course"}
        self.show_view(self._current_view())

    def _current_view(self) -> str:
        shown = self.pages.currentWidget()
        return next((k for k, page in self.view_pages.items() if page is shown), "list")

    def _show_summary(self) -> None:
        totals = self._totals
        if totals is None:
            return
        self.summary.setText(
            self.tr("相談 {0} 件　手続きの案内 {1}（印刷 {2}）　係員を呼ぶ {3}　途中で終了 {4}").format(
                totals.consultations,
                totals.handoffs_shown,
                totals.slips_printed,
                totals.staff_calls,
                totals.idle_resets,
            )
        )

    def _show_charts(self) -> None:
        assert self.store is not None
        _empty(self.charts)
        stats = review.statistics(self.store, self.chosen)
        for place, name in enumerate(CHARTED):
            rows = [(label(name, key), n) for key, n in stats.by.get(name, [])]
            view = CountChartView(self.tr(GROUPINGS[name][0]), rows, across=name not in UPRIGHT)
            self.charts.addWidget(view, place // 2, place % 2)

    def _show_stumbles(self) -> None:
        assert self.store is not None
        _empty(self.stumbles_holder)
        lessons = [
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
        self.stumbles_holder.addWidget(_table([_shown(h) for h in LESSON_HEADERS], lessons), 2)
        practice = [
            [
                QCoreApplication.translate("exercises", TITLES.get(item.exercise, item.exercise)),
                str(item.attempts),
                str(item.successes),
                f"{item.not_yet_rate:.0%}",
            ]
            for item in review.practice_stumbles(self.store, self.chosen)
        ]
        self.stumbles_holder.addWidget(_table([_shown(h) for h in PRACTICE_HEADERS], practice), 1)
        troubles = [
            [self.trouble_titles.get(trouble, trouble), str(n)]
            for trouble, n in review.trouble_counts(self.store, self.chosen)
        ]
        self.stumbles_holder.addWidget(_table([_shown(h) for h in TROUBLE_HEADERS], troubles), 1)

    def _show_course(self) -> None:
        """Supporter-course progress: whole records, whatever the period (a supporter's own record)."""
        assert self.store is not None
        _empty(self.course_holder)
        note = QLabel(self.tr("サポーター講座: 期間や 条件に かかわらず、これまでの 全部です。"))
        note.setWordWrap(True)
        self.course_holder.addWidget(note)
        # One column a lesson (numbered as in the table below): who finished which.
        numbers = [str(n) for n in range(1, len(self.course) + 1)]
        people = [
            [
                person.supporter_id,
                *("◯" if lesson in person.finished else "" for lesson in self.course),
                "◯" if person.complete(self.course) else "",
                f"{person.correct} / {person.answered}",
            ]
            for person in course.everyone(self.store, self.course)
        ]
        first, *after = SUPPORTER_HEADERS
        headers = [_shown(first), *numbers, *(_shown(h) for h in after)]
        table = _table(headers, people)
        for column in range(1, len(headers) - 1):  # the ◯ columns as narrow as their numbers
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.course_holder.addWidget(table, 1)
        lessons = [
            [
                f"{n}. {self.titles.get(c.lesson_id, c.lesson_id)}",
                str(c.finished_by),
                str(c.answered),
                str(c.correct),
            ]
            for n, c in enumerate(course.check_counts(self.store, self.course), start=1)
        ]
        self.course_holder.addWidget(_table([_shown(h) for h in COURSE_HEADERS], lessons), 1)

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
        self.detail.show()

    def clear(self) -> None:
        self.store = None
        self._totals = None
        self.list_view.setModel(None)
        self.detail.clear()
        _empty(self.charts)
        _empty(self.stumbles_holder)
        _empty(self.course_holder)


# Statistics shown as charts, in this order; these run along time, so their bars stand upright.
CHARTED = (
    "topic",
    "month",
    "age_band",
    "weekday",
    "outcome",
    "hour",
    "device",
    "mode",
    "language",
    "kiosk",
    "kiosk_mode",
)
UPRIGHT = {"month", "hour"}


def _empty(box: QGridLayout | QVBoxLayout) -> None:
    while box.count():
        item = box.takeAt(0)
        widget = item.widget() if item else None
        if widget is not None:
            widget.deleteLater()
