"""記録を 見る (staff): consultations page by page, one as a timeline, the counts, where people get stuck.

Numbers come from `kiosk.records.review`, the same code the command line and reports
use. Staff read it in standard Japanese at one size, whatever the last visitor chose
(language, 特大): its texts are set directly, not through the translator.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.practice.exercises import TITLES
from kiosk.records import card_checks, course, review
from kiosk.records.event_words import Names
from kiosk.records.labels import GROUPINGS, label
from kiosk.records.store import RecordStore
from kiosk.ui.charts import CountChartView
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.review_cards import CardChecksSection
from kiosk.ui.screens.review_detail import ConsultationDetail
from kiosk.ui.screens.review_filters import FilterPanel
from kiosk.ui.screens.review_model import KIOSK_COLUMN, ConsultationModel
from kiosk.ui.screens.review_tables import ROW_PX, staff_table
from kiosk.ui.widgets.choices import add_choices

LESSON_HEADERS = ("レッスン", "開始", "最後まで", "わからない", "途中で終了", "つまずく 手順")
PRACTICE_HEADERS = ("練習", "ためした 回数", "できた 回数", "まだ できない 割合")
SUPPORTER_HEADERS = ("サポーター", "修了", "確かめ問題 正しい / 答えた")  # the lesson numbers after the first
COURSE_HEADERS = ("講座の レッスン", "終えた サポーター", "確かめ問題 答えた 数", "正しかった 数")
TROUBLE_HEADERS = ("こまりごと（こまったことから さがす）", "えらばれた 回数")
PERIODS = (("month", "今月"), ("last", "先月"), ("all", "全部"))
VIEWS = (("list", "一覧"), ("stats", "集計"), ("stumbles", "つまずき"), ("course", "講座"))
# One size for staff (the kiosk's 32 px floor): a visitor's 特大 left the list two rows tall.
STAFF_LOOK = """
QWidget { font-size: 32px; }
QPushButton { padding: 8px 20px; }
QTableView, QHeaderView { font-size: 24px; }
QLabel[role="bar-title"] { font-size: 32px; }
"""


class ReviewScreen(Screen):
    """Choose a period and any filters; see the list (a tapped row as a timeline), the charts, or つまずき.

    Statistics and つまずき are counted only when their page is shown (and again only
    after the filters change), so moving through the list stays quick on large records.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STAFF_LOOK)
        self.store: RecordStore | None = None
        self.titles: dict[str, str] = {}  # lesson id → title, for people rather than ids
        self.names = Names()  # titles for the timeline's sentences
        self.course: list[str] = []  # the supporter course's lesson ids, in order
        self.trouble_titles: dict[str, str] = {}  # trouble id → its words on the grid
        self.chosen = review.Filter()
        self._period = review.Filter()
        self._stale: set[str] = set()
        self._totals: review.Statistics | None = None
        self._today = date.today()
        top = QHBoxLayout()
        top.setSpacing(12)
        self.period_buttons = add_choices(self, top, PERIODS, self.choose_period)
        top.addStretch(1)
        self.filter_button = QPushButton("しぼりこむ")
        self.filter_button.setCheckable(True)
        top.addWidget(self.filter_button)
        top.addSpacing(24)
        self.view_buttons = add_choices(self, top, VIEWS, self.show_view)
        self.filter_panel = FilterPanel()
        self.filter_panel.changed.connect(self._filters_changed)
        self.filter_panel.hide()  # until しぼりこむ: the list keeps the room
        self.filter_button.toggled.connect(self.filter_panel.setVisible)
        self.filters = self.filter_panel.boxes
        self.follow_up = self.filter_panel.follow_up
        self.note_search = self.filter_panel.note_search
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list_view = QTableView()
        self.list_view.setAccessibleName("相談の 一覧（さわると できごとを 表示）")
        self.list_view.verticalHeader().setDefaultSectionSize(ROW_PX)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.clicked.connect(self._show_detail)
        self.detail = ConsultationDetail()
        self.detail.back_requested.connect(self._show_list)
        self.listing = QStackedWidget()  # the list, or one consultation in its place
        self.listing.addWidget(self.list_view)
        self.listing.addWidget(self.detail)
        self.charts = QGridLayout()
        self.charts.setSpacing(24)
        self.card_checks: CardChecksSection | None = None  # below the charts, made with them
        self.stumbles_holder = QVBoxLayout()
        self.course_holder = QVBoxLayout()
        self.view_pages = {
            "list": self.listing,
            "stats": self._scrolling(self.charts),
            "stumbles": self._holder(self.stumbles_holder),
            "course": self._holder(self.course_holder),
        }
        self.pages = QStackedWidget()
        for page in self.view_pages.values():
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 0, 48, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.filter_panel)
        layout.addWidget(self.pages, 1)

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
        # See-through (the theme's names for it): text on the page stands on the screen's own
        # colours, in 見やすい色 too, not on the platform's grey.
        area.setObjectName("ScrollArea")
        area.viewport().setObjectName("ScrollViewport")
        inner.setObjectName("ScrollContent")
        return area

    def screen_title(self) -> str:
        return "記録を 見る"

    def speech_text(self) -> str:
        if self.listing.currentWidget() is self.detail and self.pages.currentWidget() is self.listing:
            return self.detail.text()
        return self.screen_title()

    def open(
        self,
        store: RecordStore,
        titles: dict[str, str],
        today: date | None = None,
        *,
        course_lessons: list[str] | None = None,
        trouble_titles: dict[str, str] | None = None,
        procedure_titles: dict[str, str] | None = None,
    ) -> None:
        self.store = store
        self.titles = titles
        self.course = course_lessons or []
        self.trouble_titles = trouble_titles or {}
        self.names = Names(titles, procedure_titles or {}, self.trouble_titles, TITLES)
        self._today = today or date.today()
        kiosks = review.kiosks(store)
        self.filter_panel.fill(kiosks)
        self._one_kiosk = len(kiosks) <= 1  # then its column says nothing
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
        self.filter_panel.clear()

    def _filters_changed(self) -> None:
        self.chosen = self.filter_panel.chosen(self._period)
        self.refresh()

    def show_view(self, key: str) -> None:
        self.view_buttons[key].setChecked(True)
        self.pages.setCurrentWidget(self.view_pages[key])
        if key == "list":
            self._show_list()
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
        self.list_view.setColumnHidden(KIOSK_COLUMN, self._one_kiosk)
        header = self.list_view.horizontalHeader()  # a new model resets how columns size
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._show_list()
        self.detail.clear()
        self._totals = review.totals(self.store, self.chosen)
        self._show_summary()
        self._stale = {"stats", "stumbles", "course"}
        self.show_view(self._current_view())

    def _show_list(self) -> None:
        self.listing.setCurrentWidget(self.list_view)

    def _current_view(self) -> str:
        shown = self.pages.currentWidget()
        return next((k for k, page in self.view_pages.items() if page is shown), "list")

    def _show_summary(self) -> None:
        totals = self._totals
        if totals is None:
            return
        self.summary.setText(
            f"相談 {totals.consultations} 件　手続きの案内 {totals.handoffs_shown}"
            f"（印刷 {totals.slips_printed}）　係員を呼ぶ {totals.staff_calls}"
            f"　途中で終了 {totals.idle_resets}"
        )

    def _show_charts(self) -> None:
        assert self.store is not None
        _empty(self.charts)
        stats = review.statistics(self.store, self.chosen)
        for place, name in enumerate(CHARTED):
            rows = [(label(name, key), n) for key, n in stats.by.get(name, [])]
            view = CountChartView(GROUPINGS[name][0], rows, across=name not in UPRIGHT)
            self.charts.addWidget(view, place // 2, place % 2)
        # Below the charts, across both columns: card checks per month (renewals to come).
        self.card_checks = CardChecksSection(card_checks.card_checks(self.store, self.chosen))
        self.charts.addWidget(self.card_checks, (len(CHARTED) + 1) // 2, 0, 1, 2)

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
        self.stumbles_holder.addWidget(staff_table(list(LESSON_HEADERS), lessons), 2)
        practice = [
            [
                TITLES.get(item.exercise, item.exercise),
                str(item.attempts),
                str(item.successes),
                f"{item.not_yet_rate:.0%}",
            ]
            for item in review.practice_stumbles(self.store, self.chosen)
        ]
        self.stumbles_holder.addWidget(staff_table(list(PRACTICE_HEADERS), practice), 1)
        troubles = [
            [self.trouble_titles.get(trouble, trouble), str(n)]
            for trouble, n in review.trouble_counts(self.store, self.chosen)
        ]
        self.stumbles_holder.addWidget(staff_table(list(TROUBLE_HEADERS), troubles), 1)

    def _show_course(self) -> None:
        """Supporter-course progress: whole records, whatever the period (a supporter's own record)."""
        assert self.store is not None
        _empty(self.course_holder)
        note = QLabel("サポーター講座: 期間や 条件に かかわらず、これまでの 全部です。")
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
        headers = [first, *numbers, *after]
        table = staff_table(headers, people)
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
        self.course_holder.addWidget(staff_table(list(COURSE_HEADERS), lessons), 1)

    def _show_detail(self, index: QModelIndex) -> None:
        """A tapped consultation as a timeline of plain sentences, in the list's place."""
        if self.store is None or not index.isValid():
            return
        row = self.model.rows[index.row()]
        self.detail.show_consultation(row, review.events_of(self.store, row["id"]), self.names)
        self.listing.setCurrentWidget(self.detail)

    def clear(self) -> None:
        self.store = None
        self._totals = None
        self.list_view.setModel(None)
        self.detail.clear()
        self._show_list()
        _empty(self.charts)
        self.card_checks = None
        _empty(self.stumbles_holder)
        _empty(self.course_holder)


# Statistics shown as charts, in this order.
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
UPRIGHT = {"hour"}  # months read down, 「2026年12月」 in full beside each bar


def _empty(box: QGridLayout | QVBoxLayout) -> None:
    while box.count():
        item = box.takeAt(0)
        widget = item.widget() if item else None
        if widget is not None:
            widget.deleteLater()
