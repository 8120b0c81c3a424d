"""The staff review screen over the hand-counted fixture: filters, charts and つまずき as staff see them."""

from __future__ import annotations

from datetime import date

from kiosk.records.store import RecordStore
from kiosk.ui.charts import CountChartView
from kiosk.ui.screens.review import ReviewScreen
from tests.test_review import filled  # noqa: F401  (the fixture)


def _screen(qtbot, store: RecordStore) -> ReviewScreen:  # type: ignore[no-untyped-def]
    screen = ReviewScreen()
    qtbot.addWidget(screen)
    screen.resize(1920, 900)
    screen.show()
    screen.open(store, {"power-on": "電源の入れ方・切り方"}, today=date(2026, 11, 20))
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
    assert charts["月"].rows == [("26/10", 2), ("26/11", 2)]
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
