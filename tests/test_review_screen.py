"""The staff review screen over the hand-counted fixture: filters, charts and つまずき as staff see them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCharts import QValueAxis
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QStyle, QStyleOptionComboBox, QWidget

from kiosk.drawing.charts import EMPTY, count_chart
from kiosk.records.store import RecordStore
from kiosk.ui.charts import CountChartView
from kiosk.ui.screens.review import ReviewScreen
from kiosk.ui.theme import style_sheet
from tests.test_review import filled  # noqa: F401  (the fixture)


@pytest.fixture(autouse=True)
def _bundled_font(fonts: str) -> str:
    """The kiosk's own font, as the app loads it: widths measured without it are another
    font's (run alone, the column test measured the system's fallback and failed)."""
    return fonts


_KEPT: list[QWidget] = []


def _screen(qtbot, store: RecordStore, *, text_size: str = "standard") -> ReviewScreen:  # type: ignore[no-untyped-def]
    # As in the window: its style sheet (the visitor's text size) above the screen; the room
    # below the helper bar, the top bar and the title at 1920×1080.
    window = QWidget()
    window.setStyleSheet(style_sheet(text_size, "standard"))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    _KEPT[:] = [window]  # Python keeps the window (and so the screen) alive
    screen = ReviewScreen(window)
    screen.resize(1920, 800)
    window.resize(1920, 800)
    window.show()
    screen.open(
        store,
        {"power-on": "電源の入れ方・切り方"},
        today=date(2026, 11, 20),
        procedure_titles={"public-fund-account": "公金受取口座の登録"},
    )
    screen.period_buttons["all"].click()
    return screen


def _choose(screen: ReviewScreen, name: str, code: str) -> None:
    box = screen.filters[name]
    box.setCurrentIndex(box.findData(code))
    box.activated.emit(box.currentIndex())


def _charts(screen: ReviewScreen) -> dict[str, CountChartView]:
    """The charts now on the page (earlier ones may still wait to be deleted)."""
    views = [screen.charts.itemAt(i).widget() for i in range(screen.charts.count())]
    return {view.accessibleName(): view for view in views if isinstance(view, CountChartView)}


def test_filters_narrow_the_list_and_the_summary(qtbot, filled: RecordStore) -> None:  # noqa: F811
    screen = _screen(qtbot, filled)
    assert screen.model.total == 4 and "相談 4 件" in screen.summary.text()
    screen.filter_button.click()
    assert screen.filter_panel.isVisible()
    _choose(screen, "age_band", "80+")
    assert screen.model.total == 1 and "相談 1 件" in screen.summary.text()
    assert screen.model.data(screen.model.index(0, 4)) == "80歳以上"  # words, not codes
    screen.clear_filters()
    assert screen.model.total == 4
    screen.note_search.setText("LINE")
    screen.note_search.editingFinished.emit()
    assert screen.model.total == 1
    screen.clear_filters()
    screen.follow_up.click()
    assert screen.model.total == 1
    screen.clear_filters()
    screen.period_buttons["month"].click()  # November 2026
    assert screen.model.total == 2


def test_statistics_are_charts_with_their_figures(qtbot, filled: RecordStore) -> None:  # noqa: F811
    screen = _screen(qtbot, filled)
    screen.view_buttons["stats"].click()
    charts = _charts(screen)
    assert {"ご相談の内容", "月", "曜日", "時間帯", "年代", "結果", "端末"} <= set(charts)
    assert charts["月"].rows == [("2026年10月", 2), ("2026年11月", 2)]  # not "26/10": a year, not a day
    assert "80歳以上 1件" in charts["年代"].accessibleDescription()
    _choose(screen, "kiosk", "centre")
    charts = _charts(screen)
    assert charts["端末"].rows == [("centre", 2)] and sum(n for _, n in charts["月"].rows) == 2


def test_stumbles_show_lessons_by_title_and_practice_by_name(qtbot, filled: RecordStore) -> None:  # noqa: F811
    screen = _screen(qtbot, filled)
    screen.view_buttons["stumbles"].click()
    lessons, practice = screen.stumbles_holder.itemAt(0).widget(), screen.stumbles_holder.itemAt(1).widget()
    titles = [lessons.item(row, 0).text() for row in range(lessons.rowCount())]
    assert "電源の入れ方・切り方" in titles
    power_on = titles.index("電源の入れ方・切り方")
    assert [lessons.item(power_on, c).text() for c in range(1, 6)] == ["3", "1", "3", "2", "2"]  # as counted
    assert "タップ" in [practice.item(row, 0).text() for row in range(practice.rowCount())]


def test_a_tapped_consultation_reads_as_a_timeline_of_sentences(qtbot, filled: RecordStore) -> None:  # noqa: F811
    """Before: one line of codes, "09:10 lesson_started power-on ／ 09:10 step_shown power-on 1 …"."""
    screen = _screen(qtbot, filled)
    row = next(r for r, found in enumerate(screen.model.rows) if found["id"] == "a")
    screen.list_view.clicked.emit(screen.model.index(row, 0))
    assert screen.detail.isVisible() and not screen.list_view.isVisible()
    lines = screen.detail.lines()
    assert lines[0] == ("09:10", "レッスン: 電源の入れ方・切り方 — はじめた")
    assert ("09:10", "レッスン: 電源の入れ方・切り方 — 手順 1 を見た") in lines
    assert ("09:10", "レッスン: 電源の入れ方・切り方 — 手順 2 で「わからない」を押した") in lines
    assert ("09:10", "レッスン: 電源の入れ方・切り方 — 最後まで終えた") in lines
    assert not any(
        code in words for _, words in lines for code in ("lesson_started", "step_shown", "power-on")
    )
    screen.detail.back_button.click()
    assert screen.list_view.isVisible()


def test_the_list_shows_many_rows_and_every_column_whole_even_after_a_visitor_chose_xlarge(
    qtbot,
    filled: RecordStore,  # noqa: F811
) -> None:
    """Before: at 特大 the list showed 2 rows under huge buttons, and its last columns were cut ("レッ")."""
    filled.db.execute(  # the longest words each column can hold
        "INSERT INTO consultations (id, kiosk_id, started_at, language, mode, age_band, device, outcome, topic) "
        "VALUES ('long', 'hall', '2026-11-04T10:00:00+09:00', 'ja-easy', 'training', '80+', 'feature', "
        "'referred_carrier', 'mynumber')"
    )
    screen = _screen(qtbot, filled, text_size="xlarge")
    view = screen.list_view
    qtbot.waitUntil(lambda: view.viewport().height() > 0)
    rows_seen = view.viewport().height() // view.rowHeight(0)
    assert rows_seen >= 10
    assert view.horizontalScrollBar().maximum() == 0  # nothing runs off the right edge
    header = view.horizontalHeader()
    for column in range(screen.model.columnCount()):
        if view.isColumnHidden(column):
            continue
        words = screen.model.headerData(column, header.orientation())
        assert header.fontMetrics().horizontalAdvance(words) < header.sectionSize(column)
        for row in range(screen.model.rowCount()):
            text = screen.model.data(screen.model.index(row, column))
            assert view.fontMetrics().horizontalAdvance(text) < view.columnWidth(column), text
    screen.filter_button.click()
    rows_seen = view.viewport().height() // view.rowHeight(0)
    assert rows_seen >= 6  # the filters open above the list and still leave it room


def test_every_filter_shows_its_words_whole(qtbot, filled: RecordStore) -> None:  # noqa: F811
    """Before: equal boxes cut 「ご相談の内容: す」 and 「お使いの電話: す」."""
    screen = _screen(qtbot, filled)
    screen.filter_button.click()
    for box in screen.filters.values():
        for place in range(box.count()):
            box.setCurrentIndex(place)
            screen.layout().activate()
            screen.filter_panel.layout().activate()
            option = QStyleOptionComboBox()
            box.initStyleOption(option)
            field = box.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
            )
            assert box.fontMetrics().horizontalAdvance(box.currentText()) <= field.width(), box.currentText()
            assert screen.filter_panel.rect().contains(box.geometry()), box.currentText()
        box.setCurrentIndex(0)


def _ticks(axis: QValueAxis) -> list[float]:
    if axis.tickType() == QValueAxis.TickType.TicksDynamic:
        count = int((axis.max() - axis.tickAnchor()) // axis.tickInterval()) + 1
        return [axis.tickAnchor() + n * axis.tickInterval() for n in range(count)]
    gap = (axis.max() - axis.min()) / (axis.tickCount() - 1)
    return [axis.min() + n * gap for n in range(axis.tickCount())]


def test_chart_axes_count_in_whole_numbers() -> None:
    """Before: one consultation gave the axis "0 0 0 0 0 1" (ticks at 0.2, 0.4 … printed with %d)."""
    for largest in (1, 2, 3, 7, 12, 69, 300, 4321):
        chart = count_chart("年代", [("70代", largest), ("80歳以上", 1)])
        (axis,) = [a for a in chart.axes() if isinstance(a, QValueAxis)]
        ticks = _ticks(axis)
        assert all(t == int(t) for t in ticks), (largest, ticks)
        assert len({int(t) for t in ticks}) == len(ticks) <= 7
        assert axis.max() >= largest


def test_an_empty_chart_says_so_in_words(qtbot, store: RecordStore) -> None:
    """Before: an empty chart drew an axis of zeros and a bar with no name."""
    screen = _screen(qtbot, store)
    screen.view_buttons["stats"].click()
    chart = _charts(screen)["年代"].chart()
    assert chart.axes() == [] and chart.series() == []
    words = [item.text() for item in chart.childItems() if isinstance(item, QGraphicsSimpleTextItem)]
    assert words == [EMPTY] and "記録が ありません" in EMPTY


def test_staff_screens_stay_in_standard_japanese_after_a_visitor_chose_english(make_window) -> None:  # type: ignore[no-untyped-def]
    """Before: the helper bar, the staff screen and the review followed the last visitor into English."""
    window = make_window()
    for language in ("en", "ja-easy"):
        window.language.choose(language)
        assert window.helpers.bar.settings_button.text() == "係員の 画面"
        assert window.helpers.bar.exit_button.text() == "キオスクを 終了"
        assert window.screens.staff.review_button.text() == "記録を 見る（一覧・集計・つまずき）"
        assert window.screens.staff.screen_title() == "係員の 画面"
        assert window.screens.review.view_buttons["stumbles"].text() == "つまずき"
        assert window.screens.review.filter_button.text() == "しぼりこむ"
